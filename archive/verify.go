package archive

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ProblemKind classifies what Verify found.
type ProblemKind string

// Problem kinds. Temp and Unexpected are only ever warnings.
const (
	Missing    ProblemKind = "missing"    // indexed file not found
	Altered    ProblemKind = "altered"    // indexed file with another SHA-256
	Invalid    ProblemKind = "invalid"    // signatures no longer verify
	Unindexed  ProblemKind = "unindexed"  // a PDF in the archive without a record
	Chain      ProblemKind = "chain"      // broken record chain (edited, removed, reordered record)
	BadRecord  ProblemKind = "record"     // unreadable record, unsafe or duplicate path
	Temp       ProblemKind = "temp"       // leftover temporary file of an interrupted add
	Unexpected ProblemKind = "unexpected" // a file that is neither a PDF nor archive metadata
	// Source: the embedded sources do not render to the document's bytes
	// before its first signature (see proof.Reproduce).
	Source ProblemKind = "source"
)

// Problem is one finding of Verify.
type Problem struct {
	Kind   ProblemKind
	Line   int    // index line number, 0 for files without a record
	Path   string // slash-separated path relative to the archive dir, if any
	Detail string
}

// String formats p as "index.jsonl:LINE: KIND PATH: DETAIL".
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "%s:%d: ", IndexName, p.Line)
	}
	b.WriteString(string(p.Kind))
	if p.Path != "" {
		b.WriteString(" " + p.Path)
	}
	if p.Detail != "" {
		b.WriteString(": " + p.Detail)
	}
	return b.String()
}

// VerifyReport is the result of Verify.
type VerifyReport struct {
	Records  int       // lines in the index
	Verified int       // files whose hash (and signatures) checked out
	Drafts   int       // of those, unsigned drafts (hash only)
	Head     string    // SHA-256 of the last index line: record it elsewhere
	Problems []Problem // anything wrong, in index order, then stray files
	Warnings []Problem // harmless leftovers
}

// OK reports whether Verify found no problem.
func (r *VerifyReport) OK() bool { return len(r.Problems) == 0 }

// Verify checks the whole archive: the record chain, every indexed file's
// SHA-256 and signatures (verified at the time the record was added), and
// files that are not indexed. The error is for failures to read the
// archive at all; findings are in the report.
func (a *Archive) Verify() (*VerifyReport, error) {
	ix, files, err := a.snapshot()
	if err != nil {
		return nil, err
	}
	rep := &VerifyReport{Records: len(ix.lines), Head: ix.head()}
	rep.Problems = checkChain(ix)
	indexed := map[string]bool{}
	for _, l := range ix.lines {
		if l.entry == nil {
			continue
		}
		if p, ok := checkRecordPath(l, indexed); !ok {
			rep.Problems = append(rep.Problems, p)
			continue
		}
		indexed[l.entry.Path] = true
		a.checkFile(l, rep)
	}
	a.checkStrays(files, indexed, rep)
	a.checkHead(rep)
	sort.SliceStable(rep.Problems, func(i, j int) bool { return lineKey(rep.Problems[i]) < lineKey(rep.Problems[j]) })
	return rep, nil
}

// lineKey orders problems by index line, stray files last.
func lineKey(p Problem) int {
	if p.Line == 0 {
		return int(^uint(0) >> 1)
	}
	return p.Line
}

// snapshot reads the index and lists the archive's files under a shared
// lock, so that an add in progress is either fully seen or not at all.
func (a *Archive) snapshot() (*index, []string, error) {
	if _, err := os.Stat(a.dir); err != nil {
		return nil, nil, fmt.Errorf("verify archive: %w", err)
	}
	unlock, err := rlock(a.dir)
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	ix, err := readIndex(filepath.Join(a.dir, IndexName))
	if err != nil {
		return nil, nil, err
	}
	files, err := a.walk()
	return ix, files, err
}

// walk lists every regular file below the archive dir except the index and
// the lock file, as slash-separated relative paths in lexical order.
func (a *Archive) walk() ([]string, error) {
	var out []string
	err := filepath.WalkDir(a.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == filepath.Join(a.dir, chainDir) {
			return filepath.SkipDir // checked by checkHead
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(a.dir, p)
		if err != nil {
			return err
		}
		if rel != IndexName && rel != lockName {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify archive: %w", err)
	}
	return out, nil
}

// checkChain checks seq, prev and hash of every line.
func checkChain(ix *index) []Problem {
	var out []Problem
	prev := zeroHash
	ids := map[int]string{} // identity of each record by seq
	for i, l := range ix.lines {
		bad := func(format string, args ...any) {
			out = append(out, Problem{Kind: Chain, Line: l.no, Detail: fmt.Sprintf(format, args...)})
		}
		if l.entry == nil {
			out = append(out, Problem{Kind: BadRecord, Line: l.no, Detail: "unreadable record: " + l.err.Error()})
		} else {
			checkLinks(l, i, prev, bad)
			if why := checkSupersedes(l.entry, ids); why != "" {
				out = append(out, Problem{Kind: BadRecord, Line: l.no, Detail: why})
			}
			ids[l.entry.Seq] = Identity(l.entry)
		}
		prev = lineHash(l.raw)
	}
	if ix.torn {
		out = append(out, Problem{Kind: Chain, Line: len(ix.lines), Detail: "incomplete last record (no newline): an add was interrupted; the next archive add cuts it, then add the file listed as not indexed again"})
	}
	return out
}

// checkLinks checks one parsed line against its position i and the hash of
// the line before it.
func checkLinks(l line, i int, prev string, bad func(string, ...any)) {
	e := l.entry
	if e.Seq != i+1 {
		bad("record says position %d but is line %d (records removed, inserted or reordered)", e.Seq, i+1)
	}
	if e.Prev != prev {
		if i == 0 {
			bad("prev is not the start value (records removed before this line)")
		} else {
			bad("prev does not match line %d (that line was edited, or records were removed, inserted or reordered)", i)
		}
	}
	if h, err := recordHash(*e); err != nil || h != e.Hash {
		bad("record hash does not match its content (record edited)")
	}
}

// checkRecordPath rejects a record whose path is unsafe or already used.
func checkRecordPath(l line, seen map[string]bool) (Problem, bool) {
	p := l.entry.Path
	bad := Problem{Kind: BadRecord, Line: l.no, Path: p}
	switch {
	case !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, `\`):
		bad.Detail = "path outside the archive"
	case !strings.HasSuffix(p, ".pdf"):
		bad.Detail = "path is not a .pdf file"
	case seen[p]:
		bad.Detail = "path indexed twice"
	default:
		return Problem{}, true
	}
	return bad, false
}

// checkFile re-hashes one indexed file and re-verifies its signatures.
func (a *Archive) checkFile(l line, rep *VerifyReport) {
	e := l.entry
	add := func(k ProblemKind, detail string) {
		rep.Problems = append(rep.Problems, Problem{Kind: k, Line: l.no, Path: e.Path, Detail: detail})
	}
	f, err := os.Open(filepath.Join(a.dir, filepath.FromSlash(e.Path)))
	if os.IsNotExist(err) {
		add(Missing, "file not found")
		return
	}
	if err != nil {
		add(Missing, err.Error())
		return
	}
	defer f.Close()
	if detail := fileProblem(f, e); detail != "" {
		add(Altered, detail)
		return
	}
	if k, detail := a.verdictProblem(f, e); detail != "" {
		add(k, detail)
		return
	}
	if e.Draft {
		rep.Drafts++
	}
	rep.Verified++
}

// fileProblem compares a file's size and SHA-256 with its record.
func fileProblem(f *os.File, e *Entry) string {
	fi, err := f.Stat()
	if err != nil {
		return err.Error()
	}
	sum, err := hashReader(f, fi.Size())
	if err != nil {
		return err.Error()
	}
	if sum != e.SHA256 || fi.Size() != e.Size {
		return fmt.Sprintf("sha256 %s (%d bytes), indexed %s (%d bytes)", sum[:12], fi.Size(), short(e.SHA256), e.Size)
	}
	return ""
}

// short returns the first 12 characters of s.
func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// verdictProblem checks f again with proof.Check at the time e was added
// (so that certificates which expired since do not turn it invalid) and
// returns the kind and detail of what fails, "" when nothing does. A
// document that a party has not signed yet was accepted as such by Add
// (--allow-incomplete) and is no problem here; a draft only needs its
// sources to reproduce it.
func (a *Archive) verdictProblem(f *os.File, e *Entry) (ProblemKind, string) {
	v, err := check(f, e.Size, a.opts.Roots, e.Added)
	switch {
	case err != nil:
		return Invalid, err.Error()
	case !e.Draft && !v.Signed():
		return Invalid, "no signatures, but not recorded as a draft"
	case !e.Draft && !v.Report.OK():
		return Invalid, strings.Join(v.Report.Reasons(), "; ")
	case v.Source.Failed():
		return Source, v.Source.Reason()
	}
	return "", ""
}

// checkStrays reports files that no record names.
func (a *Archive) checkStrays(files []string, indexed map[string]bool, rep *VerifyReport) {
	for _, p := range files {
		base := p[strings.LastIndex(p, "/")+1:]
		switch {
		case indexed[p]:
		case strings.HasPrefix(base, tempPrefix):
			rep.Warnings = append(rep.Warnings, Problem{Kind: Temp, Path: p, Detail: "leftover of an interrupted add (removed by add after an hour)"})
		case strings.HasSuffix(strings.ToLower(p), ".pdf"):
			rep.Problems = append(rep.Problems, Problem{Kind: Unindexed, Path: p, Detail: "not in the index (add it again to index it)"})
		default:
			rep.Warnings = append(rep.Warnings, Problem{Kind: Unexpected, Path: p, Detail: "not an archive file"})
		}
	}
}

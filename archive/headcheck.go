package archive

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// HeadKind is the kind of a Verify finding about DIR/.chain: the chain
// head or a content marker disagrees with the index.
const HeadKind ProblemKind = "head"

// checkHead compares DIR/.chain with the index, under the shared lock: the
// head must name the index's last record and every record must have the
// marker Add looks it up by. A head that lags by exactly one record (an
// Add died after its append; the next Add completes it) and a missing
// head (an archive from before heads; the next Add writes it) are
// warnings; any other disagreement is one problem.
func (a *Archive) checkHead(rep *VerifyReport) {
	unlock, err := rlock(a.dir)
	if err != nil {
		rep.Problems = append(rep.Problems, Problem{Kind: HeadKind, Detail: err.Error()})
		return
	}
	defer unlock()
	warn, problem := headFindings(a.dir)
	if warn != "" {
		rep.Warnings = append(rep.Warnings, Problem{Kind: HeadKind, Detail: warn})
	}
	if problem != "" {
		rep.Problems = append(rep.Problems, Problem{Kind: HeadKind, Detail: problem})
	}
}

// headFindings returns a warning and a problem, each "" when there is none.
func headFindings(dir string) (warn, problem string) {
	ix, err := readIndex(filepath.Join(dir, IndexName))
	if err != nil {
		return "", err.Error()
	}
	heads := indexHeads(ix)
	want := heads[len(heads)-1]
	h, found, err := readHead(dir)
	switch {
	case err != nil:
		return "", err.Error()
	case !found && want.Seq == 0:
		return "", ""
	case !found:
		return "no chain head (written by the next add)", ""
	}
	lag := len(heads) > 1 && h == heads[len(heads)-2]
	var bad []string
	if h != want && !lag {
		bad = append(bad, fmt.Sprintf("the head names record %d (%d bytes, hash %s), the index ends with record %d (%d bytes, hash %s)",
			h.Seq, h.Size, short(h.Hash), want.Seq, want.Size, short(want.Hash)))
	}
	bad = append(bad, markerFindings(dir, ix, heads, lag)...)
	if lag {
		warn = fmt.Sprintf("the head lags the index by record %d (an add was interrupted; the next add completes it)", want.Seq)
	}
	if len(bad) > 0 {
		problem = strings.Join(bad, "; ") + " (if the index is right, remove " + chainDir + " and add again to rebuild it)"
	}
	return warn, problem
}

// indexHeads returns the head after each complete line of ix, starting
// with the empty head; a torn last line is left out (the chain check
// reports it).
func indexHeads(ix *index) []head {
	out := []head{emptyHead}
	for i, l := range ix.lines {
		if ix.torn && i == len(ix.lines)-1 {
			break
		}
		out = append(out, out[len(out)-1].next(l.raw))
	}
	return out
}

// markerFindings checks that every record (but a lagging last one) has a
// marker naming it, and that every marker names a record.
func markerFindings(dir string, ix *index, heads []head, lag bool) []string {
	var bad []string
	want := map[string]head{}
	for i, h := range heads[1:] {
		e := ix.lines[i].entry
		if e == nil || !isSum(e.SHA256) {
			continue
		}
		if _, dup := want[e.SHA256]; !dup {
			want[e.SHA256] = h
		}
	}
	for sum, h := range want {
		seq, off, found, err := readMarker(dir, sum)
		switch {
		case err != nil:
			bad = append(bad, err.Error())
		case !found && lag && h.Seq == heads[len(heads)-1].Seq:
		case !found:
			bad = append(bad, fmt.Sprintf("record %d has no marker", h.Seq))
		case seq != h.Seq || off != h.Offset:
			bad = append(bad, fmt.Sprintf("the marker of record %d names record %d", h.Seq, seq))
		}
	}
	sort.Strings(bad)
	bad = append(bad, strayMarkers(dir, want)...)
	if len(bad) > 3 {
		bad = append(bad[:3], fmt.Sprintf("%d more", len(bad)-3))
	}
	return bad
}

// strayMarkers lists markers of content hashes that no record carries.
func strayMarkers(dir string, want map[string]head) []string {
	var bad []string
	root := filepath.Join(dir, chainDir, markerName)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !os.IsNotExist(err) {
				bad = append(bad, err.Error())
			}
			return nil
		}
		if _, ok := want[d.Name()]; !d.IsDir() && !ok && !strings.HasPrefix(d.Name(), tempPrefix) {
			bad = append(bad, "marker "+short(d.Name())+" names no record")
		}
		return nil
	})
	return bad
}

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

// markerFindings checks that every record (but a lagging last one) has
// the markers naming it (its content marker, and the identity marker of
// the last signed copy of each agreement), and that every marker names a
// record.
func markerFindings(dir string, ix *index, heads []head, lag bool) []string {
	content, ids := map[string]head{}, map[string]head{}
	for i, h := range heads[1:] {
		e := ix.lines[i].entry
		if e == nil {
			continue
		}
		if _, dup := content[e.SHA256]; isSum(e.SHA256) && !dup {
			content[e.SHA256] = h
		}
		if id := Identity(e); id != "" {
			ids[id] = h
		}
	}
	last := heads[len(heads)-1].Seq
	bad := kindFindings(dir, markerName, content, lag, last)
	older := !exists(filepath.Join(dir, chainDir, identityName)) // before identity markers: the next add writes them
	if !older {
		bad = append(bad, kindFindings(dir, identityName, ids, lag, last)...)
	}
	sort.Strings(bad)
	bad = append(bad, strayMarkers(dir, markerName, content)...)
	if !older {
		bad = append(bad, strayMarkers(dir, identityName, ids)...)
	}
	if len(bad) > 3 {
		bad = append(bad[:3], fmt.Sprintf("%d more", len(bad)-3))
	}
	return bad
}

// kindFindings checks the markers of one kind against the records they
// must name; the markers of a lagging last record may not exist yet.
func kindFindings(dir, kind string, want map[string]head, lag bool, last int) []string {
	var bad []string
	what := map[string]string{markerName: "marker", identityName: "identity marker"}[kind]
	for key, h := range want {
		seq, off, found, err := readMarker(dir, kind, key)
		switch {
		case err != nil:
			bad = append(bad, err.Error())
		case lag && h.Seq == last:
		case !found:
			bad = append(bad, fmt.Sprintf("record %d has no %s", h.Seq, what))
		case seq != h.Seq || off != h.Offset:
			bad = append(bad, fmt.Sprintf("the %s of record %d names record %d", what, h.Seq, seq))
		}
	}
	return bad
}

// exists reports whether path exists.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// strayMarkers lists markers of one kind whose key no record has.
func strayMarkers(dir, kind string, want map[string]head) []string {
	var bad []string
	root := filepath.Join(dir, chainDir, kind)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !os.IsNotExist(err) {
				bad = append(bad, err.Error())
			}
			return nil
		}
		if _, ok := want[d.Name()]; !d.IsDir() && !ok && !strings.HasPrefix(d.Name(), tempPrefix) {
			bad = append(bad, kind+" marker "+short(d.Name())+" names no record")
		}
		return nil
	})
	return bad
}

package engine

import (
	"bufio"
	"fmt"
	"io"
	"sort"
)

// Dump writes a plain-text listing of d: one line per page header, box and
// signature rectangle, with lengths in points to two decimals, e.g.
//
//	p2 text 72.00,520.00 w=120.50 serif-B 9 "Opini laporan" cell=k0.s0.i0.indikator
//	p2 rect 36.00,80.00 330.00x14.00 stroke=0.5 fill=0.90
//	p1 sigrect pertama 340.00,600.00 170.00x75.00
//
// It is meant for golden tests and for reading a layout by eye.
func Dump(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	for i, p := range d.Pages {
		orient := "portrait"
		if p.Landscape {
			orient = "landscape"
		}
		fmt.Fprintf(bw, "page %d %.2fx%.2f %s\n", i+1, p.Width, p.Height, orient)
		for _, b := range p.Boxes {
			dumpBox(bw, i+1, b)
		}
	}
	for _, s := range d.SigRects {
		fmt.Fprintf(bw, "p%d sigrect %s %.2f,%.2f %.2fx%.2f\n", s.Page, s.Party, s.X, s.Y, s.W, s.H)
	}
	names := make([]string, 0, len(d.Images))
	for n := range d.Images {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(bw, "image %s %s %d bytes\n", n, d.Images[n].Type, len(d.Images[n].Data))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dump layout: %w", err)
	}
	return nil
}

// dumpBox writes one box line.
func dumpBox(w io.Writer, page int, b Box) {
	switch b.Kind {
	case Text:
		u := ""
		if b.Underline {
			u = " underline"
		}
		fmt.Fprintf(w, "p%d text %.2f,%.2f w=%.2f %s %g %q%s cell=%s\n",
			page, b.X, b.Y, b.W, fontName(b.Font), b.Size, b.Text, u, b.Cell)
	case Line:
		fmt.Fprintf(w, "p%d line %.2f,%.2f %.2f,%.2f stroke=%g\n", page, b.X, b.Y, b.W, b.H, b.Stroke)
	case Rect:
		fill := "none"
		if b.Fill >= 0 {
			fill = fmt.Sprintf("%.2f", b.Fill)
		}
		if b.Color != "" {
			fill += " color=" + b.Color
		}
		fmt.Fprintf(w, "p%d rect %.2f,%.2f %.2fx%.2f stroke=%g fill=%s\n", page, b.X, b.Y, b.W, b.H, b.Stroke, fill)
	case Image:
		fmt.Fprintf(w, "p%d image %s %.2f,%.2f %.2fx%.2f\n", page, b.Name, b.X, b.Y, b.W, b.H)
	default:
		fmt.Fprintf(w, "p%d kind%d %.2f,%.2f\n", page, b.Kind, b.X, b.Y)
	}
}

// fontName returns "serif", "serif-B", "sans-I", "sans-BI".
func fontName(f Font) string {
	s := ""
	if f.Bold {
		s += "B"
	}
	if f.Italic {
		s += "I"
	}
	if s == "" {
		return f.Family
	}
	return f.Family + "-" + s
}

package batch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"kinerja/batch"
)

func ExampleRun() {
	jobs := batch.Slice([]batch.Job{
		{Name: "pk-a.toml", Out: "out/pk-a.pdf"},
		{Name: "pk-b.toml", Out: "out/pk-b.pdf"},
		{Name: "realisasi.toml"},
		{Name: "pk-c.toml", Out: "out/pk-c.pdf"},
	})
	render := func(_ context.Context, j batch.Job) error {
		switch j.Name {
		case "pk-b.toml":
			return errors.New("pk-b.toml:2:9: tahun: \"dua\" is not a year")
		case "realisasi.toml":
			return batch.Skip("a realisasi file, not an agreement")
		}
		return nil
	}
	// One worker keeps the lines in input order; the summary line, with
	// its timing, goes to io.Discard here.
	s := batch.Run(context.Background(), jobs, 1, render, &batch.Plain{Out: os.Stdout, Err: io.Discard})
	fmt.Println(s.Total, "files,", s.OK, "ok,", s.Skipped, "skipped,", s.Failed, "failed")
	for _, f := range s.Failures {
		fmt.Printf("%d %s: %v\n", f.Index, f.Name, f.Err)
	}
	// Output:
	// ok  pk-a.toml -> out/pk-a.pdf
	// ok  pk-c.toml -> out/pk-c.pdf
	// 4 files, 2 ok, 1 skipped, 1 failed
	// 1 pk-b.toml: pk-b.toml:2:9: tahun: "dua" is not a year
	// 2 realisasi.toml: a realisasi file, not an agreement
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"kinerja/batch"
	"kinerja/bsre"
	"kinerja/docinfo"
	"kinerja/internal/outfile"
	"kinerja/internal/pdfread"
	"kinerja/proof"
	"kinerja/sign"
)

// bsreUsage is the part of signUsage about BSrE.
const bsreUsage = `
Through BSrE's Esign Client Service (the certificate stays at BSrE):
  kinerja sign IN.pdf -o OUT.pdf --party pertama|kedua --bsre PROFILE [--nik NIK]
  kinerja sign IN.pdf -o OUT.pdf --pertama-bsre P1 --kedua-bsre P2
  kinerja sign IN.pdf -o OUT.pdf --pertama P1.p12 --kedua-bsre P2   (one local, one BSrE)
  kinerja sign DIR|IN.pdf... --out-dir DIR (--party P --bsre PROFILE | --pertama-bsre ...)
PROFILE names a profile of --bsre-config (default ~/.config/kinerja/bsre.toml,
see package bsre); the NIK comes from --nik or the profile. The passphrase
comes from --passphrase-file F (--pertama-passphrase-file,
--kedua-passphrase-file), else $KINERJA_BSRE_PASSPHRASE
($KINERJA_PERTAMA_BSRE_PASSPHRASE, $KINERJA_KEDUA_BSRE_PASSPHRASE), else a
prompt; never an argument. The signed PDF is written only when it begins
with the bytes sent, adds one signature by the party's certificate and
verifies; a batch keeps going and lists the failures at the end.
`

// bsreFlags are the BSrE flags of 'kinerja sign'.
type bsreFlags struct {
	profile, pertama, kedua, config, nik string
	passFile, pertamaPass, keduaPass     string
}

// add defines the BSrE flags on fs.
func (b *bsreFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&b.profile, "bsre", "", "sign --party through this BSrE profile")
	fs.StringVar(&b.pertama, "pertama-bsre", "", "BSrE profile for PIHAK PERTAMA")
	fs.StringVar(&b.kedua, "kedua-bsre", "", "BSrE profile for PIHAK KEDUA")
	fs.StringVar(&b.config, "bsre-config", "", "BSrE profiles file (default ~/.config/kinerja/bsre.toml)")
	fs.StringVar(&b.nik, "nik", "", "NIK of the official signing through BSrE (else the profile's)")
	fs.StringVar(&b.passFile, "passphrase-file", "", "file holding the BSrE passphrase")
	fs.StringVar(&b.pertamaPass, "pertama-passphrase-file", "", "BSrE passphrase file of PIHAK PERTAMA")
	fs.StringVar(&b.keduaPass, "kedua-passphrase-file", "", "BSrE passphrase file of PIHAK KEDUA")
}

// wanted reports whether a signature goes through BSrE.
func (b *bsreFlags) wanted() bool { return b.profile != "" || b.pertama != "" || b.kedua != "" }

// step is one signature: local (cred) or through BSrE (client).
type step struct {
	party  docinfo.Party
	cred   *sign.Credential
	client *bsre.Client
	job    bsre.Job
}

// signBSrE implements 'kinerja sign' when a signature goes through BSrE.
func signBSrE(fs *flag.FlagSet, pos []string, f *signFlags, stdout, stderr io.Writer) int {
	if msg := f.bsreUsageError(fs, pos); msg != "" {
		fmt.Fprintf(stderr, "kinerja sign: %s\n", msg)
		fs.Usage()
		return exitUsage
	}
	steps, err := f.bsreSteps(stderr)
	for _, s := range steps {
		if s.cred != nil {
			defer s.cred.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja sign: %v\n", err)
		return exitBadInput
	}
	if f.batch.wanted(fs, pos) {
		return bsreBatch(pos, f, steps, stdout, stderr)
	}
	if err := signFileSteps(context.Background(), pos[0], f.out, steps); err != nil {
		fmt.Fprintf(stderr, "kinerja sign: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, f.out)
	return exitOK
}

// bsreUsageError says what is wrong with a BSrE command line, or "".
func (f *signFlags) bsreUsageError(fs *flag.FlagSet, pos []string) string {
	b := f.bsre
	batchRun := f.batch.wanted(fs, pos)
	switch {
	case len(pos) == 0 || !batchRun && len(pos) != 1:
		return "want one input PDF (or several, or a directory, with --out-dir)"
	case batchRun && f.batch.outDir == "":
		return "several inputs or a directory: give --out-dir DIR for the signed copies"
	case batchRun && f.out != "" || !batchRun && f.out == "":
		return "give -o OUT.pdf for one input, --out-dir DIR for several"
	case b.profile != "" && (b.pertama != "" || b.kedua != ""):
		return "use either --party with --bsre or --pertama-bsre/--kedua-bsre, not both"
	case b.profile != "" && (!validParty(f.party) || f.key != "" || f.module != ""):
		return "--bsre PROFILE signs for --party pertama or --party kedua, without a local key"
	case b.profile == "" && (f.party != "" || f.key != "" || f.module != ""):
		return "--pertama-bsre/--kedua-bsre go with --pertama/--kedua local keys, not with --party"
	case b.pertama != "" && f.pertama != "" || b.kedua != "" && f.kedua != "":
		return "a party signs either locally or through BSrE"
	case b.nik != "" && b.pertama != "" && b.kedua != "":
		return "--nik names one official: put each party's NIK in its profile"
	}
	return ""
}

// bsreSteps opens what each party signs with, in signing order.
func (f *signFlags) bsreSteps(stderr io.Writer) ([]step, error) {
	b := f.bsre
	if b.profile != "" {
		s, err := f.bsreStep(docinfo.Party(f.party), b.profile, b.passFile, "KINERJA_BSRE_PASSPHRASE", stderr)
		return []step{s}, err
	}
	var steps []step
	for _, p := range []struct {
		party             docinfo.Party
		profile, key      string
		passFile, keyPass string
	}{{docinfo.Pertama, b.pertama, f.pertama, b.pertamaPass, f.pertamaPass}, {docinfo.Kedua, b.kedua, f.kedua, b.keduaPass, f.keduaPass}} {
		var s step
		var err error
		switch {
		case p.profile != "":
			env := "KINERJA_" + strings.ToUpper(string(p.party)) + "_BSRE_PASSPHRASE"
			s, err = f.bsreStep(p.party, p.profile, p.passFile, env, stderr)
		case p.key != "":
			s.party = p.party
			s.cred, err = loadP12(p.key, p.keyPass, "KINERJA_"+strings.ToUpper(string(p.party))+"_PASSWORD", p.party.Title(), stderr)
		default:
			continue
		}
		if err != nil {
			return steps, err
		}
		steps = append(steps, s)
	}
	return steps, nil
}

// bsreStep loads the profile and reads the passphrase of party.
func (f *signFlags) bsreStep(party docinfo.Party, profile, passFile, env string, stderr io.Writer) (step, error) {
	config := f.bsre.config
	if config == "" {
		var err error
		if config, err = bsre.DefaultConfigPath(); err != nil {
			return step{}, err
		}
	}
	p, err := bsre.LoadProfile(config, profile)
	if err != nil {
		return step{}, err
	}
	pass, err := secret(passFile, env, fmt.Sprintf("BSrE passphrase of %s (profile %s): ", party.Title(), profile), stderr)
	if err != nil {
		return step{}, fmt.Errorf("%s: %w", party.Title(), err)
	}
	return step{party: party, client: &bsre.Client{Profile: p, Log: stderr},
		job: bsre.Job{Party: party, NIK: f.bsre.nik, Passphrase: bsre.NewPassphrase(pass)}}, nil
}

// signFileSteps signs the file at in by steps and writes out (through a
// temporary file and a rename, only when every step succeeded).
func signFileSteps(ctx context.Context, in, out string, steps []step) error {
	data, err := pdfread.ReadFile(in)
	if err != nil {
		return err
	}
	for _, s := range steps {
		if s.client != nil {
			data, err = bsre.Sign(ctx, s.client, data, s.job)
		} else {
			data, err = sign.Sign(data, sign.Options{Party: s.party, Credential: s.cred})
		}
		if err != nil {
			return fmt.Errorf("%s: %w", in, err)
		}
	}
	return outfile.WriteFile(out, data, 0o644)
}

// bsreBatch signs every input by steps, one file after the other per
// worker; failures are listed at the end.
func bsreBatch(pos []string, f *signFlags, steps []step, stdout, stderr io.Writer) int {
	inputs, err := batch.Inputs(pos, ".pdf")
	if err == nil {
		err = os.MkdirAll(f.batch.outDir, 0o755)
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja sign: %v\n", err)
		return exitBadInput
	}
	var failed []string
	do := func(ctx context.Context, j batch.Job) error {
		err := signFileSteps(ctx, j.Name, j.Out, steps)
		if err != nil {
			failed = append(failed, err.Error())
		}
		return err
	}
	code := runBatch("sign", batchJobs(inputs, f.batch.outDir, ""), 1, do, stdout, stderr)
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "kinerja sign: %d of %d not signed:\n", len(failed), len(inputs))
		for _, m := range failed {
			fmt.Fprintf(stderr, "  %s\n", m)
		}
	}
	return code
}

// verifyBSrE prints kinerja's verdict of file and, beside it, what the
// service of profile says; the exit status is kinerja's.
func verifyBSrE(file, config, profile string, opts proof.Options, stdout, stderr io.Writer) int {
	if config == "" {
		config, _ = bsre.DefaultConfigPath()
	}
	p, err := bsre.LoadProfile(config, profile)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %v\n", err)
		return exitUsage
	}
	if opts.Roots == nil {
		opts.Roots = p.Roots
	}
	code, _ := verifyOne(file, opts, false, stdout, stderr)
	data, err := pdfread.ReadFile(file)
	if err != nil {
		return exitBadInput
	}
	v, _ := proof.Check(data, opts)
	sv, err := (&bsre.Client{Profile: p, Log: stderr}).Verify(context.Background(), data)
	printSideBySide(stdout, v, sv, err)
	return code
}

// printSideBySide prints kinerja's and BSrE's verdicts in two columns.
func printSideBySide(w io.Writer, v *proof.Verdict, sv *bsre.ServiceVerdict, err error) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintln(tw, "\n\tkinerja\tBSrE")
	var names []string
	if v != nil {
		for _, s := range v.Signatures {
			names = append(names, s.Name)
		}
	}
	theirs := [3]string{"(no answer)", "", ""}
	if err != nil {
		theirs[1] = err.Error()
	} else {
		theirs = [3]string{sv.Conclusion, strconv.Itoa(sv.Signatures), strings.Join(sv.Signers, "; ")}
	}
	ours := [3]string{"(not checked)", "", ""}
	if v != nil {
		ours = [3]string{strings.ToUpper(string(v.Status)), strconv.Itoa(len(v.Signatures)), strings.Join(names, "; ")}
	}
	for i, label := range []string{"verdict", "signatures", "signers"} {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", label, ours[i], theirs[i])
	}
}

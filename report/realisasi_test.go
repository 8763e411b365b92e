package report

import (
	"errors"
	"strings"
	"testing"

	"kinerja/data"
)

// decodeAgreement is a small agreement with the seed's kinds of indicator.
func decodeAgreement(t testing.TB) *data.Agreement {
	return agreementOf(
		data.Indicator{Kode: "SS1.1", Akumulasi: data.Tahunan, Skala: "opini_bpk",
			Triwulan: quarters(t, "N/A", "(3) WTP", "N/A", "N/A"), Tahunan: tg(t, "(3) WTP")},
		data.Indicator{Kode: "SS2.1", Akumulasi: data.RataRata, Triwulan: quarters(t, "4", "4", "4", "4"), Tahunan: tg(t, "4")},
		data.Indicator{Kode: "SK14.1", Akumulasi: data.Tahunan, Skala: "sakip",
			Triwulan: quarters(t, "N/A", "N/A", "N/A", "A (81)"), Tahunan: tg(t, "A (81)")},
		data.Indicator{Kode: "SK15.1", Akumulasi: data.Tahunan, Skala: "pmprb", Triwulan: quarters(t, "N/A", "N/A", "N/A", "92"), Tahunan: tg(t, "92")},
		data.Indicator{Kode: "SO19.1", Akumulasi: data.Kumulatif, Triwulan: quarters(t, "25%", "25%", "25%", "25%"), Tahunan: tg(t, "100%")},
	)
}

func TestDecodeGood(t *testing.T) {
	src := `tahun = 2021
perjanjian = "pk-test.toml"

[[realisasi]]
kode = "SS1.1"
triwulan = 2
nilai = "(3) WTP"

[[realisasi]]
kode = "SK15.1"
triwulan = 4
nilai = 87  # a TOML integer is a number

[[realisasi]]
kode = "SK14.1"
triwulan = 4
nilai = "83" # a number on a band scale becomes its band

[[realisasi]]
kode = "SO19.1"
triwulan = 1
nilai = "12,5%"
pagu = 1_000_000
realisasi_anggaran = 800_000
kendala = """
Baris pertama
dan kedua.

Paragraf kedua."""

[[realisasi]]
kode = "SO19.1"
triwulan = 2
`
	r, err := Decode(strings.NewReader(src), "r.toml", decodeAgreement(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entries) != 5 {
		t.Fatalf("got %d entries", len(r.Entries))
	}
	e := r.Lookup("SO19.1", 1)
	if e == nil || e.Nilai.Kind != data.Percent || e.Nilai.Value != 12.5 || e.Pagu != 1_000_000 || e.RealisasiAnggaran != 800_000 || e.Line != 19 {
		t.Errorf("SO19.1 TW I = %+v", e)
	}
	if e.Kendala != "Baris pertama dan kedua.\n\nParagraf kedua." {
		t.Errorf("kendala = %q", e.Kendala)
	}
	if e := r.Lookup("SK14.1", 4); e.Nilai.Kind != data.Predicate || e.Nilai.Predicate != "A" || e.Nilai.Value != 83 {
		t.Errorf("SK14.1 = %+v", e.Nilai)
	}
	if e := r.Lookup("SK15.1", 4); e.Nilai.Kind != data.Number || e.Nilai.Value != 87 {
		t.Errorf("SK15.1 = %+v", e.Nilai)
	}
	if e := r.Lookup("SO19.1", 2); e == nil || e.Nilai.Kind != data.NA {
		t.Errorf("SO19.1 TW II without nilai = %+v; want not reported", e)
	}
	if r.Lookup("SO19.1", 3) != nil {
		t.Error("Lookup of an absent quarter returned an entry")
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown kode with suggestion", "tahun = 2021\n[[realisasi]]\nkode = \"SS1.2\"\ntriwulan = 1\nnilai = \"WTP\"\n",
			[]string{`r.toml:3:8: realisasi[0].kode: unknown indicator kode "SS1.2" (did you mean ` + "`SS1.1`" + `?); expected a kode from pk-test.toml`}},
		{"percentage for a predicate", "tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\ntriwulan = 2\nnilai = \"95%\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: a percentage "95%" for a predicate indicator; expected one of WTP, WDP, TW, TMP (skala "opini_bpk")`}},
		{"predicate not in scale", "tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\ntriwulan = 2\nnilai = \"WDT\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: predicate "WDT" is not in skala "opini_bpk" (did you mean ` + "`WDP`" + `?); expected one of WTP, WDP, TW, TMP`}},
		{"wrong written score", "tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\ntriwulan = 2\nnilai = \"(2) WTP\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "(2) WTP" gives score 2 but skala "opini_bpk" scores WTP as 3`}},
		{"band number outside its label", "tahun = 2021\n[[realisasi]]\nkode = \"SK14.1\"\ntriwulan = 4\nnilai = \"A (95)\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "A (95)": 95 is not in band A (>80-90); expected a value in that band`}},
		{"number where the target is a percentage", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"20\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: a number "20" where the target is a percentage; expected a percentage like 95%`}},
		{"percentage where the target is a number", "tahun = 2021\n[[realisasi]]\nkode = \"SS2.1\"\ntriwulan = 1\nnilai = \"80%\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: a percentage "80%" where the target is a number; expected a number like 4 or 3,5`}},
		{"two minus signs", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"--5%\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "--5%" is not a target; expected one minus sign at most, e.g. -1,41%`}},
		{"negative predicate", "tahun = 2021\n[[realisasi]]\nkode = \"SK14.1\"\ntriwulan = 4\nnilai = \"-A\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "-A" is not a target; only a percentage or a number can be negative, e.g. -1,41% or -3`}},
		{"dot decimal", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"95.5%\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "95.5%" is not a target; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81) (use a comma for decimals: 95,5% or 3,5)`}},
		{"quarter out of range", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 5\nnilai = \"20%\"\n",
			[]string{`r.toml:4:12: realisasi[0].triwulan: quarter 5 is out of range; expected 1, 2, 3 or 4`}},
		{"duplicate entry", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"20%\"\n\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"22%\"\n",
			[]string{`r.toml:9:12: realisasi[1].triwulan: duplicate entry for SO19.1 triwulan 1 (first given at line 2); expected one entry per indicator and quarter`}},
		{"year mismatch", "tahun = 2022\n",
			[]string{`r.toml:1:9: tahun: year 2022 does not match the agreement's year 2021`}},
		{"year missing", "perjanjian = \"pk-test.toml\"\n",
			[]string{`r.toml:1:1: tahun: missing; expected the agreement year, e.g. tahun = 2021`}},
		{"wrong agreement", "tahun = 2021\nperjanjian = \"pk-2020.toml\"\n",
			[]string{`r.toml:2:14: perjanjian: refers to "pk-2020.toml" but the agreement given is "pk-test.toml"`}},
		{"unknown keys", "tahun = 2021\ntahunn = 1\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\ntindaklanjut = \"x\"\n",
			[]string{
				"r.toml:2:1: tahunn: unknown key \"tahunn\" (did you mean `tahun`?); expected one of tahun, perjanjian, tanggal, realisasi",
				"r.toml:6:1: realisasi[0].tindaklanjut: unknown key \"tindaklanjut\" (did you mean `tindak_lanjut`?); expected one of kode, triwulan, nilai, kendala, tindak_lanjut, pagu, realisasi_anggaran",
			}},
		{"number on a label scale", "tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\ntriwulan = 2\nnilai = \"3\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: a number "3" for a predicate indicator; expected one of WTP, WDP, TW, TMP (skala "opini_bpk")`}},
		{"number outside every band", "tahun = 2021\n[[realisasi]]\nkode = \"SK14.1\"\ntriwulan = 4\nnilai = 105\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "105" is outside every band of skala "sakip"; expected a value in AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60, C >30-50, D 0-30`}},
		{"predicate where the target is a percentage", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"WTP\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: a predicate "WTP" where the target is a percentage; expected a percentage like 95%`}},
		{"date as a value", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = 2021-03-31\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: expected a value like "95%", "4" or "WTP", got a date or time`}},
		{"sub-table in an entry", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\n[realisasi.catatan]\nx = 1\n",
			[]string{"r.toml:5:1: realisasi[0].catatan: unknown key \"catatan\"; expected one of kode, triwulan, nilai, kendala, tindak_lanjut, pagu, realisasi_anggaran"}},
		{"a single table instead of [[realisasi]]", "tahun = 2021\n[realisasi]\nkode = \"SO19.1\"\n",
			[]string{"r.toml:2:1: realisasi: expected [[realisasi]] tables, got a table"}},
		{"realisasi_anggaran without pagu", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nrealisasi_anggaran = 5\n",
			[]string{`r.toml:5:22: realisasi[0].realisasi_anggaran: given without pagu; expected pagu (the budget ceiling) in the same entry`}},
		{"negative pagu and wrong types", "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = \"1\"\npagu = -1\nkendala = 3\n",
			[]string{
				`r.toml:4:12: realisasi[0].triwulan: expected the quarter as an integer 1..4, got a string`,
				`r.toml:5:8: realisasi[0].pagu: -1 is negative; expected an amount of 0 or more rupiah`,
				`r.toml:6:11: realisasi[0].kendala: expected text (a string), got an integer`,
			}},
		{"absurd values", "tahun = 2021\n[[realisasi]]\nkode = \"SS2.1\"\ntriwulan = 1\nnilai = 1e21\npagu = 9_000_000_000_000_000_000\n",
			[]string{
				`r.toml:5:9: realisasi[0].nilai: "1000000000000000000000" is beyond the largest number kinerja accepts (1.000.000.000.000.000); expected a number of at most 15 digits before the decimal comma`,
				`r.toml:6:8: realisasi[0].pagu: 9000000000000000000 is beyond the largest number kinerja accepts (1.000.000.000.000.000); expected a number of at most 15 digits before the decimal comma`,
			}},
		{"infinite value", "tahun = 2021\n[[realisasi]]\nkode = \"SS2.1\"\ntriwulan = 1\nnilai = \"9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999\"\n",
			[]string{`r.toml:5:9: realisasi[0].nilai: "99999999999999999999999999999999999… (402 characters) is beyond the largest number kinerja accepts (1.000.000.000.000.000); expected a number of at most 15 digits before the decimal comma`}},
		{"unprintable kendala", "tahun = 2021\n[[realisasi]]\nkode = \"SS2.1\"\ntriwulan = 1\nkendala = \"hujan 🌧 dan \\u202Ebanjir\"\ntindak_lanjut = \"pompa 🌧\"\n",
			[]string{
				`r.toml:5:11: realisasi[0].kendala: an invisible bidirectional control character U+202E, which changes the order text is shown in; remove it`,
				`r.toml:6:17: realisasi[0].tindak_lanjut: the serif font cannot print '🌧' (U+1F327); expected Latin letters, digits and common punctuation and symbols`,
			}},
		{"missing kode and triwulan", "tahun = 2021\n[[realisasi]]\nnilai = \"20%\"\n",
			[]string{
				`r.toml:2:1: realisasi[0]: missing kode; expected the indicator's kode from the agreement`,
				`r.toml:2:1: realisasi[0]: missing triwulan; expected the quarter 1, 2, 3 or 4`,
			}},
		{"several problems sorted by line", "tahun = 2020\n[[realisasi]]\nkode = \"XX\"\ntriwulan = 0\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\nnilai = \"sembilan\"\n",
			[]string{
				`r.toml:1:9: tahun: year 2020 does not match the agreement's year 2021`,
				`r.toml:3:8: realisasi[0].kode: unknown indicator kode "XX"; expected a kode from pk-test.toml`,
				`r.toml:4:12: realisasi[0].triwulan: quarter 0 is out of range; expected 1, 2, 3 or 4`,
				`r.toml:8:9: realisasi[1].nilai: "sembilan" is not a target; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.src), "r.toml", decodeAgreement(t))
			var probs Errors
			if !errors.As(err, &probs) {
				t.Fatalf("error = %v (%T); want Errors", err, err)
			}
			got := strings.Split(probs.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDecodeSyntaxErrorShowsLine(t *testing.T) {
	_, err := Decode(strings.NewReader("tahun = 2021\n[[realisasi]\nkode = 1\n"), "r.toml", decodeAgreement(t))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "r.toml:3:12: syntax error: expected end of table array name") || !strings.Contains(msg, "[[realisasi]") || !strings.Contains(msg, "^") {
		t.Errorf("syntax error without position or source line:\n%s", msg)
	}
}

// TestDecodeSyntaxErrorAtEnd checks an input on which toml's own excerpt
// code panics (an unterminated escape at the very end): a problem at line
// 1, no panic.
func TestDecodeSyntaxErrorAtEnd(t *testing.T) {
	_, err := Decode(strings.NewReader("\"\\"), "r.toml", decodeAgreement(t))
	if err == nil || !strings.HasPrefix(err.Error(), "r.toml:1:") {
		t.Errorf("err = %v; want a syntax problem at line 1", err)
	}
}

func TestDecodeNeedsAgreement(t *testing.T) {
	if _, err := Decode(strings.NewReader("tahun = 2021"), "r.toml", nil); !errors.Is(err, ErrNoAgreement) {
		t.Errorf("err = %v; want ErrNoAgreement", err)
	}
}

func TestUnitFromQuartersWhenAnnualIsNA(t *testing.T) {
	a := agreementOf(data.Indicator{Kode: "Q1", Akumulasi: data.PosisiAkhir,
		Triwulan: quarters(t, "N/A", "4", "4", "N/A"), Tahunan: tg(t, "N/A")},
		data.Indicator{Kode: "P1", Triwulan: quarters(t, "N/A", "N/A", "N/A", "BB"), Tahunan: tg(t, "BB")})
	_, err := Decode(strings.NewReader("tahun = 2021\n[[realisasi]]\nkode = \"Q1\"\ntriwulan = 2\nnilai = \"95%\"\n"), "r.toml", a)
	if err == nil || !strings.Contains(err.Error(), `a percentage "95%" where the target is a number`) {
		t.Errorf("err = %v", err)
	}
	// P1 has no skala: any predicate is accepted and scored not evaluable
	r, err := Decode(strings.NewReader("tahun = 2021\n[[realisasi]]\nkode = \"P1\"\ntriwulan = 4\nnilai = \"A\"\n"), "r.toml", a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Compute(a, r, 4)
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Rows[1].CapaianTW.Status; got != StatusNotEvaluable {
		t.Errorf("predicate without skala: %s; want not_evaluable", got)
	}
	if got := rep.Rows[0].CapaianTahunan.Status; got != StatusNotReported {
		t.Errorf("posisi_akhir with targets but no report: %s; want not_reported", got)
	}
}

package layout

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kinerja/data"
)

// fakeMeasurer is a monospace measurer: every rune is half the font size
// wide (0.55 in bold), so test results are exact.
type fakeMeasurer struct{ calls int }

// Width implements Measurer.
func (m *fakeMeasurer) Width(f Font, size float64, s string) float64 {
	m.calls++
	k := 0.5
	if f.Bold {
		k = 0.55
	}
	return k * size * float64(utf8.RuneCountInString(s))
}

// tg returns a target written as s.
func tg(s string) data.Target { return data.Target{Text: s} }

// seedAgreement builds the seed document (perjanjian-kinerja-2021-bppbj.txt)
// in code, with most defaults written out and the wording of the statement
// page and the category scale from data.Agreement.ApplyDefaults.
func seedAgreement() *data.Agreement {
	a := &data.Agreement{
		Tahun: 2021, Tempat: "Jakarta",
		Kertas: data.Paper{Name: "A4", Width: 210, Height: 297}, Huruf: "serif",
		Kop:           data.Letterhead{Baris: []string{"PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"}},
		JudulBaris:    []string{"PERJANJIAN KINERJA", "TAHUN 2021"},
		JudulLampiran: "PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN 2021",
		Pertama: data.Party{Nama: "BLESSMIYANDA", NamaLampiran: "Blessmiyanda", NIP: "196910131997031004",
			Jabatan:            "Kepala Badan Pelayanan Pengadaan Barang/Jasa Provinsi Daerah Khusus Ibukota Jakarta",
			JabatanSingkat:     "Kepala Badan",
			JabatanTTD:         "Kepala Badan Pelayanan Pengadaan Barang/Jasa Provinsi Daerah Khusus Ibukota Jakarta",
			JabatanTTDLampiran: "Kepala Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta",
			UnitKerja:          "Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta"},
		Kedua: data.Party{Nama: "ANIES RASYID BASWEDAN, Ph.D", NamaLampiran: "Anies Rasyid Baswedan, Ph.D",
			Jabatan: "Gubernur Daerah Khusus Ibukota Jakarta", JabatanTTD: "Gubernur Daerah Khusus Ibukota Jakarta",
			JabatanTTDLampiran: "Gubernur Daerah Khusus Ibukota Jakarta"},
		LabelPertama: "PIHAK PERTAMA", LabelKedua: "PIHAK KEDUA",
		Kelompok: seedGroups(),
	}
	a.ApplyDefaults()
	return a
}

// richAgreement is the seed on F4 paper in the sans family with a logo, a
// number, a date, a pangkat, a footer and a program table.
func richAgreement(t testing.TB) *data.Agreement {
	a := seedAgreement()
	a.Kertas = data.Paper{Name: "F4", Width: 215, Height: 330}
	a.Huruf = "sans"
	a.Nomor = "800/123/PK/2021"
	a.Tanggal = time.Date(2021, time.February, 3, 0, 0, 0, 0, time.UTC)
	a.Pertama.Pangkat = "Pembina Utama Muda (IV/c)"
	a.Kop.Logo, a.Kop.LogoData, a.Kop.LogoType = "logo.png", testPNG(t, 80, 100), "PNG"
	a.Footer = "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang " +
		"diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN"
	a.Program = []data.Program{
		{Program: "Program Penunjang Urusan Pemerintahan Daerah Provinsi", Anggaran: 45_123_456_789, Keterangan: "APBD"},
		{Program: "Program Pengadaan Barang/Jasa", Anggaran: 2_500_000_000, Keterangan: "APBD"},
		{Program: "Program Pembinaan dan Advokasi Pengadaan Barang/Jasa", Anggaran: 987_654_321},
	}
	return a
}

// testPNG returns a w x h PNG image.
func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.Gray{Y: 7})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// stressAgreement has 60 indicators, a Pengukuran Kinerja cell longer than
// a landscape page, a sasaran of 5 indicators with a long text, non-Latin-1
// punctuation and words wider than their columns. long sets the length (in
// sentences) of the first indicator's Pengukuran, to move page breaks.
func stressAgreement(long int) *data.Agreement {
	a := seedAgreement()
	a.Footer = "Dokumen ini telah ditandatangani secara elektronik – sertifikat BSrE, BSSN"
	a.Program = []data.Program{{Program: "Program “Utama” — pengadaan…", Anggaran: 1_234_567, Keterangan: "≥ 80%"}}
	var groups []data.Group
	n, sNo := 0, 0
	for g := 0; n < 60; g++ {
		grp := data.Group{Nama: fmt.Sprintf("SASARAN KELOMPOK %d – “uji” ‘coba’", g+1)}
		for s := 0; s < 4 && n < 60; s++ {
			sNo++
			cnt := 1 + (sNo % 3)
			if sNo == 3 {
				cnt = 5
			}
			sas := data.Sasaran{No: sNo, Uraian: stressUraian(sNo)}
			for i := 0; i < cnt && n < 60; i++ {
				n++
				sas.Indikator = append(sas.Indikator, stressIndicator(n, i, long, sNo == 3))
			}
			grp.Sasaran = append(grp.Sasaran, sas)
		}
		groups = append(groups, grp)
	}
	a.Kelompok = groups
	return a
}

// stressUraian returns a sasaran text; sasaran 3 gets a very long one.
func stressUraian(no int) string {
	s := fmt.Sprintf("Meningkatnya kualitas layanan nomor %d ≥ standar ≤ batas …", no)
	if no == 3 {
		s += strings.Repeat(fmt.Sprintf(" uraian-%d panjang sekali", no), 40)
	}
	return s
}

// stressIndicator returns indicator n (the i-th of its sasaran); tall ones
// have a 12-line Pengukuran so that five of them cannot share a page.
func stressIndicator(n, i, long int, tall bool) data.Indicator {
	ind := data.Indicator{No: i + 1, Indikator: fmt.Sprintf("Persentase capaian “indikator” ke-%d — uji", n),
		SumberData: "e-Monev", Pengukuran: fmt.Sprintf("Realisasi dibagi target ‘%d’ x 100%% ≥ 80%%", n),
		Triwulan: [4]data.Target{tg("N/A"), tg("25%"), tg("(3) WTP"), tg("100%")}, Tahunan: tg("A (81)"),
		Keterangan: "Persentase"}
	if tall {
		ind.Pengukuran += strings.Repeat(fmt.Sprintf(" tinggi-%d", n), 50)
	}
	switch n {
	case 1:
		var b strings.Builder
		for k := range long {
			fmt.Fprintf(&b, "Kalimat %d pengukuran yang panjang – dengan tanda “kutip” dan … elipsis.", k+1)
			if k%7 == 6 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		ind.Pengukuran = b.String()
	case 2:
		ind.SumberData = "https://e-monev.jakarta.go.id/laporan/kinerja/2021/triwulan/rekap"
		ind.Indikator = strings.Repeat("Superpanjangkatatanpaspasi", 8) + " selesai"
	case 7:
		ind.Pengukuran = "a) Bobot 30%\nb) Bobot 20%\n\nc) Bobot 50%"
	}
	return ind
}

package pesan

// ltaTexts are long-term validation: sign --ltv, kinerja timestamp and
// the document timestamp in verify's output.
var _ = add(map[string]string{
	"add a /DSS with revocation data after the last signature (PAdES B-LT; needs --tsa)": "tambahkan /DSS berisi data pencabutan setelah tanda tangan terakhir (PAdES B-LT; perlu --tsa)",
	"RFC 3161 timestamp authority URL (required)":                                        "URL otoritas stempel waktu RFC 3161 (wajib)",
	"timeout of one OCSP or CRL request":                                                 "batas waktu satu permintaan OCSP atau CRL",
	"document timestamp":                                                                 "stempel waktu dokumen",
	"ok (time-stamped bytes unchanged, token verifies)":                                  "ok (byte yang diberi stempel waktu tidak berubah, token terverifikasi)",
	`usage: kinerja timestamp FILE.pdf --tsa URL -o OUT.pdf [--trust CA.pem ...]

Renews a signed PDF for the archive (PAdES B-LTA), so that its signatures
stay verifiable after their certificates expire or their algorithms
weaken: first an update with a document security store (/DSS) holding
every certificate of the signatures' and timestamps' chains and fresh OCSP
responses or CRLs for them (fetched anew each time), then a document
timestamp over the whole file from the authority at --tsa. Run it again
before the last timestamp authority's certificate expires.

It refuses an unsigned document and one that 'kinerja verify' finds
INVALID (with --trust roots, else the system's); nothing is written then,
nor when revocation data cannot be had (a revoked certificate, no answer
within --ltv-timeout). OUT.pdf may be FILE.pdf.
`: `pemakaian: kinerja timestamp FILE.pdf --tsa URL -o OUT.pdf [--trust CA.pem ...]

Memperbarui PDF bertanda tangan untuk arsip (PAdES B-LTA), agar tanda
tangannya tetap dapat diverifikasi setelah sertifikatnya kedaluwarsa atau
algoritmanya melemah: pertama pembaruan berisi penyimpanan keamanan dokumen
(/DSS) dengan setiap sertifikat rantai tanda tangan dan stempel waktu serta
respons OCSP atau CRL terbaru (selalu diambil ulang), lalu stempel waktu
dokumen atas seluruh berkas dari otoritas di --tsa. Jalankan lagi sebelum
sertifikat otoritas stempel waktu terakhir kedaluwarsa.

Perintah ini menolak dokumen tanpa tanda tangan dan dokumen yang dinilai
TIDAK SAH oleh 'kinerja verify' (dengan akar --trust, bila tidak, akar
sistem); tidak ada yang ditulis, begitu pula bila data pencabutan tidak
dapat diperoleh (sertifikat dicabut, tidak ada jawaban dalam --ltv-timeout).
OUT.pdf boleh sama dengan FILE.pdf.
`,
})

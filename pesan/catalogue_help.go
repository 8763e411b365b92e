package pesan

// The command line's help texts (the synopsis of each command).
var _ = add(map[string]string{
	`usage: kinerja check FILE.toml...

Validates each agreement and prints "FILE: ok (N sasaran, M indikator)" for
a good one. A realisasi file (with perjanjian or [[realisasi]] and no
pihak_pertama) is validated against the agreement its perjanjian key
names: "FILE: ok (realisasi, N entri, AGREEMENT)". Every problem of a bad one goes to stderr as
FILE:LINE:COL: field: what is wrong, what was expected.
Exit status: 0 all good, 1 some file bad, 2 bad usage.
`: `pemakaian: kinerja check FILE.toml...

Memeriksa setiap perjanjian dan menampilkan "FILE: ok (N sasaran, M indikator)"
bila benar. Berkas realisasi (dengan perjanjian atau [[realisasi]] dan tanpa
pihak_pertama) diperiksa terhadap perjanjian yang disebut kunci perjanjian-nya:
"FILE: ok (realisasi, N entri, PERJANJIAN)". Setiap masalah berkas yang salah
ditulis ke stderr sebagai FILE:BARIS:KOLOM: kolom isian: apa yang salah, apa
yang diharapkan.
Status keluar: 0 semua benar, 1 ada berkas salah, 2 pemakaian salah.
`,
	`usage: kinerja render FILE.toml [-o OUT.pdf]
       kinerja render DIR|FILE.toml... [--out-dir DIR] [-j N]

Renders each agreement to a PDF, by default out/<name>.pdf (out/ is created
when needed). -o names the output and takes exactly one input. A file with
problems is reported as FILE:LINE:COL: ... and leaves its output untouched.

Several files, a directory (every *.toml in it, sorted) or --out-dir make a
batch run: N files at a time (default: the number of cores), a progress bar
on a terminal or one line per file ("ok  FILE -> OUT", "FAIL FILE: reason"),
a failing file does not stop the others, a realisasi file is skipped with a
note, and a summary line ends it. Exit status 1 if any file failed.
`: `pemakaian: kinerja render FILE.toml [-o OUT.pdf]
           kinerja render DIR|FILE.toml... [--out-dir DIR] [-j N]

Membuat PDF dari setiap perjanjian, bawaannya out/<nama>.pdf (out/ dibuat
bila perlu). -o menyebut nama keluaran dan hanya untuk tepat satu masukan.
Berkas yang bermasalah dilaporkan sebagai FILE:BARIS:KOLOM: ... dan
keluarannya tidak disentuh.

Beberapa berkas, sebuah direktori (semua *.toml di dalamnya, berurutan)
atau --out-dir menjadikannya proses massal: N berkas sekaligus (bawaan:
jumlah inti prosesor), bilah kemajuan di terminal atau satu baris per
berkas ("ok  FILE -> OUT", "FAIL FILE: alasan"), berkas yang gagal tidak
menghentikan yang lain, berkas realisasi dilewati dengan catatan, dan
diakhiri satu baris ringkasan. Status keluar 1 bila ada berkas yang gagal.
`,
	`usage: kinerja version

Prints the module version of this build (from the Go build information:
a release tag, or a pseudo-version of the commit it was built from), the
render format (docinfo.Format: documents of another format are not
compared byte for byte by verify's re-render proof) and the Go release.
`: `pemakaian: kinerja version

Menampilkan versi modul build ini (dari informasi build Go: tag rilis, atau
pseudo-versi commit asal build), format render (docinfo.Format: dokumen
dengan format lain tidak dibandingkan byte demi byte oleh pembuktian render
ulang pada verify) dan rilis Go.
`,
	`usage: kinerja extract FILE.pdf [-d DIR] [--force]

Writes the files embedded in FILE.pdf (a rendered document carries its
agreement TOML, the realisasi TOML of a report, and the logo) into DIR,
by default ./<FILE>-files/, and prints their paths. Existing files are
left alone unless --force is given; a name that would leave DIR (an
absolute path or "..") is refused. Nothing is written when any file is
refused.
`: `pemakaian: kinerja extract FILE.pdf [-d DIR] [--force]

Menulis berkas yang tersemat dalam FILE.pdf (dokumen hasil render membawa
TOML perjanjiannya, TOML realisasi sebuah laporan, dan logonya) ke DIR,
bawaannya ./<FILE>-files/, lalu menampilkan lokasinya. Berkas yang sudah
ada tidak ditimpa kecuali dengan --force; nama yang keluar dari DIR (lokasi
absolut atau "..") ditolak. Tidak ada yang ditulis bila ada berkas ditolak.
`,
	`usage: kinerja verify DIR|FILE.pdf... [--trust CA.pem ...] [--json] [-j N]

Checks every signature of each PDF: integrity of the signed bytes, the
signer's certificate chain (system roots, or only the --trust roots when
given), signing time and timestamp, and whether anything other than later
signatures changed after each signature. It also renders the document
again from the sources embedded in it and compares the result with the
bytes before the first signature ("Source:"); a difference fails the
check, a PDF without embedded sources only gets a note. Finally every
party the document needs must have signed (an agreement both, a report
PIHAK PERTAMA); otherwise it is INCOMPLETE.

One file prints every signature (--json: the kinerja-verify/2 document,
see package proof). Several files or a directory (its *.pdf) are checked
in one process, one line each (ok FILE, FAIL FILE: reason) and a summary
line on stderr; --json then prints one JSON verdict a line, in input order.

--bsre PROFILE (one file, a profile of --bsre-config, see kinerja sign)
also sends the file to that BSrE service's verify endpoint and prints its
conclusion beside kinerja's; kinerja's verdict sets the exit status.

Exit status: 0 all valid; 1 any invalid or unreadable; 3 the worst is
incomplete (all signatures valid, a party missing); 2 bad usage.
`: `pemakaian: kinerja verify DIR|FILE.pdf... [--trust CA.pem ...] [--json] [-j N]

Memeriksa setiap tanda tangan setiap PDF: keutuhan byte yang ditandatangani,
rantai sertifikat penanda tangan (akar sistem, atau hanya akar --trust bila
diberikan), waktu tanda tangan dan stempel waktu, dan apakah ada yang diubah
setelah setiap tanda tangan selain tanda tangan berikutnya. Dokumen juga
dirender ulang dari sumber yang tersemat dan hasilnya dibandingkan dengan
byte sebelum tanda tangan pertama ("Sumber:"); perbedaan menggagalkan
pemeriksaan, PDF tanpa sumber tersemat hanya diberi catatan. Terakhir, setiap
pihak yang diperlukan dokumen harus sudah menandatangani (perjanjian: kedua
pihak, laporan: PIHAK PERTAMA); bila belum, hasilnya BELUM LENGKAP.

Satu berkas menampilkan setiap tanda tangan (--json: dokumen kinerja-verify/2,
lihat paket proof). Beberapa berkas atau sebuah direktori (*.pdf-nya)
diperiksa dalam satu proses, satu baris per berkas (ok FILE, FAIL FILE:
alasan) dan satu baris ringkasan di stderr; --json lalu menampilkan satu
putusan JSON per baris, sesuai urutan masukan. JSON tetap berbahasa Inggris.

--bsre PROFIL (satu berkas, profil dari --bsre-config, lihat kinerja sign)
juga mengirim berkas ke endpoint verifikasi layanan BSrE tersebut dan
mencetak kesimpulannya di samping kesimpulan kinerja; status keluar mengikuti
kesimpulan kinerja.

Status keluar: 0 semua SAH; 1 ada yang TIDAK SAH atau tidak terbaca; 3 yang
terburuk BELUM LENGKAP (semua tanda tangan sah, ada pihak yang belum); 2
pemakaian salah.
`,
	`usage: kinerja report AGREEMENT.toml REALISASI.toml --triwulan N [-o OUT.pdf] [--csv F] [--json F] [--xlsx F]
       kinerja report DIR|REALISASI.toml... --triwulan N [--out-dir DIR] [-j N]

Computes the achievement (capaian) of quarter N (1..4) and writes the
landscape report PDF, by default out/<agreement name>-tw<N>.pdf (out/ is
created when needed), and optionally the figures as CSV, JSON and an
Excel workbook. REALISASI may be a filled form (kinerja realisasi
formulir). A file with problems is reported as FILE:LINE:COL: ... (a form
as FORM.xlsx: Sheet!CELL: ...) and nothing is written.

A directory, --out-dir or -j make a batch run over realisasi files (in a
directory: every *.toml with a perjanjian key or [[realisasi]] tables).
Each realisasi file names its agreement with perjanjian = "FILE.toml",
found in the realisasi file's directory; each report PDF goes to
--out-dir (default out/) as <agreement name>-tw<N>.pdf. N files run at a
time; failures are reported without stopping the others. Exit status 1 if
any file failed. (CSV and JSON only in the single form.)
`: `pemakaian: kinerja report AGREEMENT.toml REALISASI.toml --triwulan N [-o OUT.pdf] [--csv F] [--json F] [--xlsx F]
           kinerja report DIR|REALISASI.toml... --triwulan N [--out-dir DIR] [-j N]

Menghitung capaian triwulan N (1..4) dan menulis PDF laporan mendatar,
bawaannya out/<nama perjanjian>-tw<N>.pdf (out/ dibuat bila perlu), dan bila
diminta angkanya sebagai CSV, JSON dan workbook Excel. REALISASI boleh
berupa formulir yang sudah diisi (kinerja realisasi formulir). Berkas yang
bermasalah dilaporkan sebagai FILE:BARIS:KOLOM: ... (formulir sebagai
FORM.xlsx: Sheet!SEL: ...) dan tidak ada yang ditulis.

Sebuah direktori, --out-dir atau -j menjadikannya proses massal atas berkas
realisasi (dalam direktori: setiap *.toml dengan kunci perjanjian atau tabel
[[realisasi]]). Setiap berkas realisasi menyebut perjanjiannya dengan
perjanjian = "FILE.toml", dicari di direktori berkas realisasi itu; setiap
PDF laporan ditulis ke --out-dir (bawaan out/) sebagai
<nama perjanjian>-tw<N>.pdf. N berkas diproses sekaligus; kegagalan
dilaporkan tanpa menghentikan yang lain. Status keluar 1 bila ada berkas
yang gagal. (CSV dan JSON hanya untuk satu berkas.)
`,
	`usage: kinerja realisasi formulir AGREEMENT.toml --triwulan N -o FORM.xlsx [--realisasi REALISASI.toml|.xlsx]
       kinerja realisasi import FORM.xlsx --perjanjian AGREEMENT.toml -o REALISASI.toml

formulir writes the Excel form a unit fills for quarter N: the indicators,
targets and earlier quarters' realisasi locked, the quarter's realisasi,
kendala, tindak lanjut, pagu and realisasi anggaran open, instructions in
Indonesian on the first sheet. --realisasi fills in what is already
reported. import checks a filled form as a realisasi TOML is checked
(problems as FORM.xlsx: Sheet!CELL: field: ...) and writes the TOML.
'kinerja report AGREEMENT.toml FORM.xlsx --triwulan N' reads a form too.
`: `pemakaian: kinerja realisasi formulir AGREEMENT.toml --triwulan N -o FORM.xlsx [--realisasi REALISASI.toml|.xlsx]
           kinerja realisasi import FORM.xlsx --perjanjian AGREEMENT.toml -o REALISASI.toml

formulir menulis formulir Excel yang diisi unit untuk triwulan N: indikator,
target dan realisasi triwulan sebelumnya dikunci; realisasi triwulan ini,
kendala, tindak lanjut, pagu dan realisasi anggaran terbuka; petunjuk
pengisian di lembar pertama. --realisasi mengisikan yang sudah dilaporkan.
import memeriksa formulir yang sudah diisi seperti TOML realisasi diperiksa
(masalah sebagai FORM.xlsx: Sheet!SEL: kolom isian: ...) lalu menulis TOML-nya.
'kinerja report AGREEMENT.toml FORM.xlsx --triwulan N' juga membaca formulir.
`,
	`usage: kinerja rekap DIR --triwulan N -o REKAP.xlsx [--pdf REKAP.pdf]

Computes the report of quarter N of every realisasi file in DIR (*.toml
with perjanjian = "AGREEMENT.toml", and filled forms *.xlsx; each with the
agreement it names) and writes the recap: a workbook with one summary row
per unit (indicators evaluated, average capaian, counts per category,
budget absorption) and a sheet of all indicators, and with --pdf a recap
PDF with a table and a chart of the units side by side. Any problem in
any file stops the run; nothing is written then.
`: `pemakaian: kinerja rekap DIR --triwulan N -o REKAP.xlsx [--pdf REKAP.pdf]

Menghitung laporan triwulan N dari setiap berkas realisasi di DIR (*.toml
dengan perjanjian = "AGREEMENT.toml", dan formulir terisi *.xlsx; masing-masing
dengan perjanjian yang disebutnya) lalu menulis rekap: workbook dengan satu
baris ringkasan per unit (indikator yang dievaluasi, rata-rata capaian,
jumlah per kategori, penyerapan anggaran) dan satu lembar semua indikator,
dan dengan --pdf sebuah PDF rekap berisi tabel dan grafik unit berdampingan.
Satu masalah di berkas mana pun menghentikan proses; tidak ada yang ditulis.
`,
	`usage: kinerja sign IN.pdf -o OUT.pdf --party pertama|kedua KEY [--tsa URL [--ltv]]
       kinerja sign IN.pdf -o OUT.pdf --pertama P1.p12 --kedua P2.p12 [--tsa URL [--ltv]]
       kinerja sign DIR|IN.pdf... --out-dir DIR (--party P KEY | --pertama P1.p12 --kedua P2.p12) [-j N]

Appends a PAdES signature (ETSI.CAdES.detached) for one party (or both,
PIHAK PERTAMA first) as an incremental update into the signature field the
renderer made for it. PIHAK PERTAMA signs first (a certification signature);
each party signs once; the certificate must name the party (name without
titles, NIP when both have one), else nothing is written. --tsa URL adds an
RFC 3161 timestamp (PAdES B-T). --ltv (with --tsa) then adds, after the
last signature, a document security store (/DSS) with every certificate of
the signers' and the authority's chains and fresh OCSP responses or CRLs
from the URLs the certificates name (PAdES B-LT), kept with an earlier
/DSS; when one cannot be had (no answer within --ltv-timeout, a revoked
certificate) nothing is written. --ltv without --tsa is refused: B-LT
builds on B-T, and revocation data proves nothing without a trusted time.

KEY for --party is one of
  --key FILE.p12        password: --password-file F, else $KINERJA_KEY_PASSWORD,
                        else a prompt when stdin is a terminal
  --pkcs11-module LIB.so --token LABEL --key-label LABEL [--cert FILE.pem] [--chain FILE.pem]
                        PIN: --pin-file F, else $KINERJA_PIN, else a prompt;
                        the certificate is read from the token (same label)
                        unless --cert gives it; its issuers come from the
                        token and --chain, up to a self-signed root (else
                        refused)
With --pertama/--kedua (PKCS#12 files) the passwords come from
--pertama-password-file / --kedua-password-file, else $KINERJA_PERTAMA_PASSWORD /
$KINERJA_KEDUA_PASSWORD, else a prompt. Passwords and PINs are never
accepted as command-line arguments. OUT.pdf is written only after the
result verified; it may be IN.pdf.

Several PDFs, a directory (every *.pdf in it, sorted) or --out-dir make a
batch run: the keys are opened and checked once (one password or PIN
each), N files are signed at a time (default: the number of cores), each
output is --out-dir/<input name> (the input directory itself signs in
place), a failing file is reported and does not stop the others, and a
summary line ends it. Exit status 1 if any file failed.
`: `pemakaian: kinerja sign IN.pdf -o OUT.pdf --party pertama|kedua KUNCI [--tsa URL [--ltv]]
           kinerja sign IN.pdf -o OUT.pdf --pertama P1.p12 --kedua P2.p12 [--tsa URL [--ltv]]
           kinerja sign DIR|IN.pdf... --out-dir DIR (--party P KUNCI | --pertama P1.p12 --kedua P2.p12) [-j N]

Menambahkan tanda tangan PAdES (ETSI.CAdES.detached) untuk satu pihak (atau
keduanya, PIHAK PERTAMA lebih dulu) sebagai pembaruan bertahap ke kolom tanda
tangan yang dibuat render untuk pihak itu. PIHAK PERTAMA menandatangani lebih
dulu (tanda tangan sertifikasi); setiap pihak menandatangani sekali;
sertifikat harus menyebut pihak itu (nama tanpa gelar, NIP bila keduanya
punya), bila tidak, tidak ada yang ditulis. --tsa URL menambahkan stempel
waktu RFC 3161 (PAdES B-T). --ltv (bersama --tsa) lalu menambahkan, setelah
tanda tangan terakhir, penyimpanan keamanan dokumen (/DSS) berisi setiap
sertifikat rantai penanda tangan dan otoritas stempel waktu serta respons
OCSP atau CRL terbaru dari alamat yang disebut sertifikat (PAdES B-LT),
digabung dengan /DSS yang sudah ada; bila salah satunya tidak dapat
diperoleh (tidak ada jawaban dalam --ltv-timeout, sertifikat dicabut), tidak
ada yang ditulis. --ltv tanpa --tsa ditolak: B-LT dibangun di atas B-T, dan
data pencabutan tidak membuktikan apa pun tanpa waktu yang tepercaya.

KUNCI untuk --party adalah salah satu dari
  --key FILE.p12        kata sandi: --password-file F, atau $KINERJA_KEY_PASSWORD,
                        atau ditanyakan bila stdin adalah terminal
  --pkcs11-module LIB.so --token LABEL --key-label LABEL [--cert FILE.pem] [--chain FILE.pem]
                        PIN: --pin-file F, atau $KINERJA_PIN, atau ditanyakan;
                        sertifikat dibaca dari token (label yang sama)
                        kecuali diberikan --cert; penerbitnya dari token dan
                        --chain, sampai akar yang ditandatangani sendiri
                        (bila tidak, ditolak)
Dengan --pertama/--kedua (berkas PKCS#12) kata sandinya dari
--pertama-password-file / --kedua-password-file, atau $KINERJA_PERTAMA_PASSWORD /
$KINERJA_KEDUA_PASSWORD, atau ditanyakan. Kata sandi dan PIN tidak pernah
diterima sebagai argumen baris perintah. OUT.pdf baru ditulis setelah
hasilnya terverifikasi; boleh sama dengan IN.pdf.

Beberapa PDF, sebuah direktori (semua *.pdf di dalamnya, berurutan) atau
--out-dir menjadikannya proses massal: kunci dibuka dan diperiksa sekali
(satu kata sandi atau PIN masing-masing), N berkas ditandatangani sekaligus
(bawaan: jumlah inti prosesor), setiap keluaran adalah --out-dir/<nama
masukan> (direktori masukan itu sendiri ditandatangani di tempat), berkas
yang gagal dilaporkan dan tidak menghentikan yang lain, dan diakhiri satu
baris ringkasan. Status keluar 1 bila ada berkas yang gagal.
`,
})

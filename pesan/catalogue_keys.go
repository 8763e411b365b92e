package pesan

// keysArchiveHelp are the help texts of kinerja keys and kinerja archive.
var _ = add(map[string]string{
	`usage: kinerja keys dev DIR [--agreement FILE.toml] [--key-type p256|p384|rsa2048|rsa3072|rsa4096]

Creates a throwaway development PKI in DIR (created if needed): ca.pem, a CA
named "kinerja DEVELOPMENT CA - NOT FOR PRODUCTION",
and pertama.p12 / kedua.p12 (PKCS#12, modern encryption), each with a random
password in pertama.p12.pass / kedua.p12.pass (mode 0600). Names and NIP come
from the agreement when --agreement is given: sign refuses a certificate
that does not name the party, so keys made without it sign no agreement.
Existing files are never overwritten. Documents signed with these keys are
NOT legally signed.

Trust the CA for pdfsig:  certutil -N --empty-password -d sql:NSSDIR
                          certutil -A -t "CT,C,C" -n devca -i DIR/ca.pem -d sql:NSSDIR
                          pdfsig -nssdir sql:NSSDIR FILE.pdf
`: `pemakaian: kinerja keys dev DIR [--agreement FILE.toml] [--key-type p256|p384|rsa2048|rsa3072|rsa4096]

Membuat PKI pengembangan sekali pakai di DIR (dibuat bila belum ada): ca.pem,
sebuah CA bernama "kinerja DEVELOPMENT CA - NOT FOR PRODUCTION",
dan pertama.p12 / kedua.p12 (PKCS#12, enkripsi modern), masing-masing dengan
kata sandi acak di pertama.p12.pass / kedua.p12.pass (mode 0600). Nama dan NIP
diambil dari perjanjian bila --agreement diberikan: sign menolak sertifikat
yang tidak menyebut pihaknya, jadi kunci yang dibuat tanpanya tidak dapat
menandatangani perjanjian. Berkas yang sudah ada tidak pernah ditimpa.
Dokumen yang ditandatangani dengan kunci ini TIDAK sah secara hukum.

Percayai CA untuk pdfsig:  certutil -N --empty-password -d sql:NSSDIR
                           certutil -A -t "CT,C,C" -n devca -i DIR/ca.pem -d sql:NSSDIR
                           pdfsig -nssdir sql:NSSDIR FILE.pdf
`,
	`usage:
  kinerja archive add FILE.pdf... [--dir DIR] [--trust CA.pem ...] [--allow-unsigned] [--allow-incomplete]
  kinerja archive verify [--dir DIR] [--trust CA.pem ...]
  kinerja archive list [--dir DIR] [--year Y] [--unit U] [--all] [--json]

add     checks each PDF as 'kinerja verify' does (signatures, re-render
        from the embedded sources, every party signed), then stores it as
        DIR/<year>/<unit>/<name>-<sha256 prefix>.pdf and appends a record to
        DIR/index.jsonl; what verify calls INVALID is refused with its
        reason; INCOMPLETE (a party has not signed) only with
        --allow-incomplete; unsigned drafts only with --allow-unsigned.
        Adding a file again is a no-op ("already archived"). A
        later signed copy of the same agreement (same year, unit, kind
        and title) is recorded as superseding the current copy. Several
        files end with a summary line, as the batch commands do.
verify  re-hashes every file, re-verifies signatures, checks the record
        chain, reports missing, altered, unindexed and invalid files and
        broken chain links; prints the head hash to keep elsewhere.
list    lists the current copies (--all: every copy, superseded ones
        too) as a table, or a JSON array with --json; --unit matches a
        part of the unit's name in any case.

DIR defaults to out/arsip. --trust replaces the system roots.
Exit status: 0 ok, 1 a file refused or a problem found, 2 bad usage.
`: `pemakaian:
  kinerja archive add FILE.pdf... [--dir DIR] [--trust CA.pem ...] [--allow-unsigned] [--allow-incomplete]
  kinerja archive verify [--dir DIR] [--trust CA.pem ...]
  kinerja archive list [--dir DIR] [--year Y] [--unit U] [--all] [--json]

add     memeriksa setiap PDF seperti 'kinerja verify' (tanda tangan, render
        ulang dari sumber tersemat, semua pihak sudah menandatangani), lalu
        menyimpannya sebagai DIR/<tahun>/<unit>/<nama>-<awalan sha256>.pdf
        dan menambahkan satu catatan ke DIR/index.jsonl; yang dinilai TIDAK
        SAH oleh verify ditolak beserta alasannya; BELUM LENGKAP (ada pihak
        yang belum menandatangani) hanya dengan --allow-incomplete; draf
        tanpa tanda tangan hanya dengan --allow-unsigned. Menambahkan
        berkas yang sama lagi tidak mengubah apa pun ("sudah diarsipkan").
        Salinan bertanda tangan yang lebih baru dari perjanjian yang sama
        (tahun, unit, jenis dan judul sama) dicatat menggantikan salinan
        yang berlaku. Beberapa berkas diakhiri satu baris ringkasan, seperti
        perintah massal lainnya.
verify  menghitung ulang hash setiap berkas, memverifikasi ulang tanda
        tangan, memeriksa rantai catatan, melaporkan berkas yang hilang,
        diubah, tidak terindeks dan tidak sah serta mata rantai yang putus;
        mencetak hash kepala untuk disimpan di tempat lain.
list    menampilkan salinan yang berlaku (--all: setiap salinan, termasuk
        yang sudah digantikan) sebagai tabel, atau larik JSON dengan --json;
        --unit cocok dengan sebagian nama unit, tanpa membedakan huruf
        besar-kecil.

DIR bawaannya out/arsip. --trust menggantikan akar sistem.
Status keluar: 0 berhasil, 1 ada berkas ditolak atau ada masalah, 2 pemakaian salah.
`,
})

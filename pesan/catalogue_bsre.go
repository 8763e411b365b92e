package pesan

// bsreTexts are the BSrE flags and help of kinerja sign and verify, and
// the flags of the stand-in service's command (a test double).
var _ = add(map[string]string{
	"BSrE refused the request":                                                        "BSrE menolak permintaan",
	"wrong passphrase":                                                                "passphrase salah",
	"the NIK is not registered with BSrE":                                             "NIK tidak terdaftar di BSrE",
	"the NIK has no BSrE certificate (not issued yet)":                                "NIK belum memiliki sertifikat elektronik BSrE",
	"the signer's certificate has expired":                                            "sertifikat elektronik penanda tangan sudah kedaluwarsa",
	"the signer's certificate has been revoked":                                       "sertifikat elektronik penanda tangan sudah dicabut",
	"the esign client credentials were refused (check pengguna/sandi of the profile)": "kredensial klien esign ditolak (periksa pengguna/sandi pada profil)",
	"the BSrE service is down or not answering":                                       "layanan BSrE tidak tersedia atau tidak menjawab",
	"BSrE answered with something that is not a PDF":                                  "jawaban BSrE bukan berkas PDF",
	"the PDF BSrE returned does not begin with the document sent (it was rewritten)":  "PDF dari BSrE tidak diawali dokumen yang dikirim (dokumen ditulis ulang)",
	"the PDF BSrE returned does not add exactly one signature":                        "PDF dari BSrE tidak menambahkan tepat satu tanda tangan",
	"BSrE signed with the certificate of another person":                              "BSrE menandatangani dengan sertifikat orang lain",
	"the PDF BSrE returned does not verify":                                           "PDF dari BSrE tidak lolos verifikasi",
	"kinerja PDF whose signers become the users":                                      "PDF kinerja yang penanda tangannya menjadi pengguna",
	"directory for ca.pem, esign.cred, bsre.toml and the passphrase files":            "direktori untuk ca.pem, esign.cred, bsre.toml dan berkas passphrase",
	"loopback address to serve on":                                                    "alamat loopback tempat melayani",
	"API version the written profile uses (1 or 2)":                                   "versi API yang dipakai profil yang ditulis (1 atau 2)",
	"sign --party through this BSrE profile":                                          "tandatangani --party melalui profil BSrE ini",
	"BSrE profile for PIHAK PERTAMA":                                                  "profil BSrE untuk PIHAK PERTAMA",
	"BSrE profile for PIHAK KEDUA":                                                    "profil BSrE untuk PIHAK KEDUA",
	"NIK of the official signing through BSrE (else the profile's)":                   "NIK pejabat yang menandatangani melalui BSrE (jika tidak, NIK dari profil)",
	"file holding the BSrE passphrase":                                                "berkas berisi passphrase BSrE",
	"BSrE passphrase file of PIHAK PERTAMA":                                           "berkas passphrase BSrE PIHAK PERTAMA",
	"BSrE passphrase file of PIHAK KEDUA":                                             "berkas passphrase BSrE PIHAK KEDUA",
	"also ask this BSrE profile's verify endpoint (one file)":                         "tanyakan juga endpoint verifikasi profil BSrE ini (satu berkas)",
	"BSrE profiles file (default ~/.config/kinerja/bsre.toml)":                        "berkas profil BSrE (bawaan ~/.config/kinerja/bsre.toml)",
	"\nThrough BSrE's Esign Client Service (the certificate stays at BSrE):\n  kinerja sign IN.pdf -o OUT.pdf --party pertama|kedua --bsre PROFILE [--nik NIK]\n  kinerja sign IN.pdf -o OUT.pdf --pertama-bsre P1 --kedua-bsre P2\n  kinerja sign IN.pdf -o OUT.pdf --pertama P1.p12 --kedua-bsre P2   (one local, one BSrE)\n  kinerja sign DIR|IN.pdf... --out-dir DIR (--party P --bsre PROFILE | --pertama-bsre ...)\nPROFILE names a profile of --bsre-config (default ~/.config/kinerja/bsre.toml,\nsee package bsre); the NIK comes from --nik or the profile. The passphrase\ncomes from --passphrase-file F (--pertama-passphrase-file,\n--kedua-passphrase-file), else $KINERJA_BSRE_PASSPHRASE\n($KINERJA_PERTAMA_BSRE_PASSPHRASE, $KINERJA_KEDUA_BSRE_PASSPHRASE), else a\nprompt; never an argument. The signed PDF is written only when it begins\nwith the bytes sent, adds one signature by the party's certificate and\nverifies; a batch keeps going and lists the failures at the end.\n": "\nMelalui Esign Client Service BSrE (sertifikat tetap di BSrE):\n  kinerja sign IN.pdf -o OUT.pdf --party pertama|kedua --bsre PROFIL [--nik NIK]\n  kinerja sign IN.pdf -o OUT.pdf --pertama-bsre P1 --kedua-bsre P2\n  kinerja sign IN.pdf -o OUT.pdf --pertama P1.p12 --kedua-bsre P2   (satu lokal, satu BSrE)\n  kinerja sign DIR|IN.pdf... --out-dir DIR (--party P --bsre PROFIL | --pertama-bsre ...)\nPROFIL adalah nama profil dalam --bsre-config (bawaan ~/.config/kinerja/bsre.toml,\nlihat paket bsre); NIK diambil dari --nik atau profil. Passphrase diambil\ndari --passphrase-file F (--pertama-passphrase-file,\n--kedua-passphrase-file), jika tidak dari $KINERJA_BSRE_PASSPHRASE\n($KINERJA_PERTAMA_BSRE_PASSPHRASE, $KINERJA_KEDUA_BSRE_PASSPHRASE), jika tidak\nditanyakan; tidak pernah sebagai argumen. PDF bertanda tangan hanya ditulis\nbila diawali byte yang dikirim, menambah satu tanda tangan dengan sertifikat\npihak tersebut dan lolos verifikasi; proses banyak berkas tetap berjalan dan\nmencantumkan kegagalan di akhir.\n",
})

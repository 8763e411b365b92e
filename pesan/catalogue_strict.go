package pesan

// strictTexts are the refusals of the strict reading (internal/pdfread's
// Strict), which verify prints after "refused by the strict reading: ",
// nested as the reading nests them ("revision 2: object 5 at offset 100:
// offset 12: unterminated dictionary"). PDF keywords (startxref, %%EOF,
// endobj, endstream, /Length, /Prev, /XRefStm) and quoted file bytes (%q)
// stay as written.
var _ = add(map[string]string{
	"revision %d: %v":        "revisi %d: %v",
	"more than %d revisions": "lebih dari %d revisi",
	"the file ends at %d without a cross-reference section": "berkas berakhir pada %d tanpa bagian referensi silang",
	"a startxref at offset %d without a cross-reference table of its own (a cross-reference stream, or a second startxref that a viewer may follow; neither is accepted in a signed document)": "startxref pada offset %d tanpa tabel referensi silang sendiri (stream referensi silang, atau startxref kedua yang mungkin diikuti penampil PDF; keduanya tidak diterima dalam dokumen bertanda tangan)",
	"object %d is defined twice (at offsets %d and %d)":                                                                             "objek %d didefinisikan dua kali (pada offset %d dan %d)",
	"bytes at offset %d are outside any object (%q)":                                                                                "byte pada offset %d berada di luar objek mana pun (%q)",
	"no trailer after the cross-reference table (offset %d)":                                                                        "tidak ada trailer setelah tabel referensi silang (offset %d)",
	"the trailer at offset %d is not a dictionary":                                                                                  "trailer pada offset %d bukan kamus",
	"startxref at offset %d is not followed by an offset":                                                                           "startxref pada offset %d tidak diikuti offset",
	"startxref %d does not point at its cross-reference section (at %d)":                                                            "startxref %d tidak menunjuk ke bagian referensi silangnya (pada %d)",
	"no startxref after the trailer (offset %d)":                                                                                    "tidak ada startxref setelah trailer (offset %d)",
	"%d startxref keywords before its %%%%EOF; a viewer may follow another one than this reader":                                    "%d kata kunci startxref sebelum %%%%EOF-nya; penampil PDF mungkin mengikuti startxref yang lain daripada pembaca ini",
	"no %%%%EOF after startxref (offset %d: %q)":                                                                                    "tidak ada %%%%EOF setelah startxref (offset %d: %q)",
	"trailer /Prev %s is not an offset":                                                                                             "/Prev %s pada trailer bukan offset",
	"implausible cross-reference subsection %d %d":                                                                                  "subbagian referensi silang %d %d tidak masuk akal",
	"malformed cross-reference entry for object %d at offset %d":                                                                    "entri referensi silang untuk objek %d pada offset %d tidak sesuai format",
	"object %d at offset %d: %v":                                                                                                    "objek %d pada offset %d: %v",
	"object %d at offset %d: no endobj after its value (%q)":                                                                        "objek %d pada offset %d: tidak ada endobj setelah nilainya (%q)",
	"no end of line after the stream keyword":                                                                                       "tidak ada akhir baris setelah kata kunci stream",
	"a stream without a dictionary":                                                                                                 "stream tanpa kamus",
	"stream /Length %s is not a length inside the file (an indirect /Length is not accepted)":                                       "/Length stream %s bukan panjang di dalam berkas (/Length tidak langsung tidak diterima)",
	"the stream's /Length %d does not end at endstream":                                                                             "/Length %d pada stream tidak berakhir di endstream",
	"the first revision's trailer has /Prev %d":                                                                                     "trailer revisi pertama memiliki /Prev %d",
	"trailer /Prev %d does not point at revision %d's cross-reference section (at %d)":                                              "/Prev %d pada trailer tidak menunjuk ke bagian referensi silang revisi %d (pada %d)",
	"object %d is listed twice in its cross-reference section":                                                                      "objek %d tercantum dua kali dalam bagian referensi silangnya",
	"object %d is marked free, but a reference to it remains":                                                                       "objek %d ditandai bebas, tetapi referensi kepadanya masih ada",
	"the entry for object %d points at offset %d, which does not hold \"%d %d obj\"":                                                "entri objek %d menunjuk ke offset %d, yang tidak berisi \"%d %d obj\"",
	"a hybrid-reference trailer (/XRefStm %s): its cross-reference stream may define objects other than its table says":             "trailer referensi hibrida (/XRefStm %s): stream referensi silangnya dapat mendefinisikan objek lain daripada yang disebut tabelnya",
	"object %d is defined at offset %d but not listed in its cross-reference section (a viewer that repairs the file would use it)": "objek %d didefinisikan pada offset %d tetapi tidak tercantum dalam bagian referensi silangnya (penampil PDF yang memperbaiki berkas akan memakainya)",
})

// pdfeditTexts are the PDF value parser's errors (internal/pdfedit), which
// the strict reading nests after "object %d at offset %d: ".
var _ = add(map[string]string{
	"offset %d: %s":                              "offset %d: %s",
	"nesting deeper than %d":                     "bersarang lebih dalam dari %d tingkat",
	"unexpected end of object":                   "objek berakhir sebelum lengkap",
	"unexpected %q":                              "%q tidak terduga",
	"unexpected keyword %q":                      "kata kunci %q tidak terduga",
	"unterminated dictionary":                    "kamus tidak ditutup",
	"unterminated array":                         "larik tidak ditutup",
	"unterminated string":                        "string tidak ditutup",
	"unterminated hex string":                    "string heksadesimal tidak ditutup",
	"dictionary key is not a name":               "kunci kamus bukan nama",
	"key /%s occurs twice":                       "kunci /%s muncul dua kali",
	"key /%s occurs twice with different values": "kunci /%s muncul dua kali dengan nilai berbeda",
	"bad #xx escape in name /%s":                 "escape #xx tidak sah dalam nama /%s",
	"bad byte %q in hex string":                  "byte %q tidak sah dalam string heksadesimal",
})

// cmsTexts are sign/verify's own errors inside a signature's findings
// ("the timestamp token is invalid: malformed: ...").
var _ = add(map[string]string{
	"malformed: %v":                    "rusak: %v",
	"unsupported digest algorithm %s":  "algoritme hash %s tidak didukung",
	"the token carries no certificate": "token tidak memuat sertifikat",
	"encode signed attributes: %w":     "mengodekan atribut yang ditandatangani: %w",
})

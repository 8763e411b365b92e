package pesan

import (
	"errors"
	"io/fs"
	"testing"
)

// indonesianFor switches to Indonesian for one test.
func indonesianFor(t *testing.T) {
	t.Helper()
	SetLanguage(Indonesian)
	t.Cleanup(func() { SetLanguage(English) })
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Language
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "id_ID.UTF-8"}, Indonesian},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LC_ALL": "id_ID", "LANG": "en_US"}, Indonesian},
		{map[string]string{"LC_ALL": "C", "LANG": "id_ID.UTF-8"}, English},
		{map[string]string{"LC_MESSAGES": "id", "LANG": "en_US"}, Indonesian},
		{map[string]string{"LANG": "idle"}, English},
	}
	for _, tc := range tests {
		if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("FromEnv(%v) = %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestSprintfAndErrorf(t *testing.T) {
	if got := Sprintf("%d files: %d ok", 3, 2); got != "3 files: 2 ok" {
		t.Errorf("English: %q", got)
	}
	indonesianFor(t)
	if got := Sprintf("%d files: %d ok", 3, 2); got != "3 berkas: 2 ok" {
		t.Errorf("Indonesian: %q", got)
	}
	if got := Sprintf("not in the catalogue %d", 1); got != "not in the catalogue 1" {
		t.Errorf("missing entry: %q", got)
	}
	err := Errorf("cannot read logo %q: %w", "logo.png", fs.ErrNotExist)
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != `logo "logo.png" tidak dapat dibaca: file does not exist` {
		t.Errorf("Errorf: %v", err)
	}
}

func TestTranslate(t *testing.T) {
	reason := En("%s has not signed (a %s needs %s)", "PIHAK KEDUA", "performance agreement", "PIHAK PERTAMA and PIHAK KEDUA")
	if got := Translate(reason); got != reason {
		t.Errorf("English active: %q", got)
	}
	indonesianFor(t)
	tests := []struct{ in, want string }{
		{reason, "PIHAK KEDUA belum menandatangani (perjanjian kinerja memerlukan tanda tangan PIHAK PERTAMA dan PIHAK KEDUA)"},
		{"signature 2 (kedua): certificate not trusted: x509: unknown authority",
			"tanda tangan 2 (kedua): sertifikat tidak dipercaya: x509: unknown authority"},
		{"the document has no signature", "dokumen belum ditandatangani"},
		{"re-rendered from embedded perjanjian.toml: identical (1234 bytes)", "dirender ulang dari perjanjian.toml yang tersemat: identik (1234 byte)"},
		{"signature 1 (pertama): /Pages (object 2) redefined: /Kids changed, /Count changed in revision 4 after it was signed",
			"tanda tangan 1 (pertama): /Pages (objek 2) didefinisikan ulang: /Kids diubah, /Count diubah pada revisi 4 setelah ditandatangani"},
		{"signature 1 (pertama): digest mismatch: the signed bytes were changed after signing, or the signature value was made for another document",
			"tanda tangan 1 (pertama): nilai hash tidak cocok: dokumen diubah setelah ditandatangani, atau tanda tangan dibuat untuk dokumen lain"},
		{"new signature field \"X\" (object 9) after a certification signature with DocMDP /P 1 in revision 3",
			"isian tanda tangan baru \"X\" (objek 9) setelah tanda tangan sertifikasi dengan DocMDP /P 1 pada revisi 3"},
		{"refused by the strict reading: revision 2: 2 startxref keywords before its %%EOF; a viewer may follow another one than this reader",
			"ditolak oleh pembacaan ketat: revisi 2: 2 kata kunci startxref sebelum %%EOF-nya; penampil PDF mungkin mengikuti startxref yang lain daripada pembaca ini"},
		{"refused by the strict reading: revision 3: object 7 at offset 900: offset 4: unterminated dictionary",
			"ditolak oleh pembacaan ketat: revisi 3: objek 7 pada offset 900: offset 4: kamus tidak ditutup"},
		{"signature 1 (pertama): the timestamp token is invalid: malformed: asn1: syntax error",
			"tanda tangan 1 (pertama): token stempel waktu tidak sah: rusak: asn1: syntax error"},
		{"signature 2: certificate not trusted: the token carries no certificate",
			"tanda tangan 2: sertifikat tidak dipercaya: token tidak memuat sertifikat"},
		{"something nobody wrote", "something nobody wrote"},
		{"page 1, something nobody wrote", "page 1, something nobody wrote"},
	}
	for _, tc := range tests {
		if got := Translate(tc.in); got != tc.want {
			t.Errorf("Translate(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestParseVerbs(t *testing.T) {
	got := signature("%[2]s at %-14s %d%% %w")
	want := map[int]byte{1: 's', 2: 's', 3: 'd', 4: 'v'}
	if len(got) != len(want) {
		t.Fatalf("signature = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("argument %d: %c, want %c", k, got[k], v)
		}
	}
}

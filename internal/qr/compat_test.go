package qr

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/skip2/go-qrcode"
)

// goLevel is go-qrcode's name of each level.
var goLevel = [4]qrcode.RecoveryLevel{qrcode.Low, qrcode.Medium, qrcode.High, qrcode.Highest}

// encodeMask is Encode with mask m instead of the best.
func encodeMask(data []byte, l Level, m int) *Code {
	s := newSymbol(chooseVersion(len(data), l))
	s.place(codewords(data, s.v, l))
	return s.finish(l, m)
}

// theirs is go-qrcode's symbol of one input: its version, level, mask,
// modules (quiet zone removed) and the mode and count of its first
// segment, read back from the modules.
type theirs struct {
	v, mask     int
	level       Level
	n           int
	mod         []byte
	mode, count int
}

// goQRBitmap returns go-qrcode's bitmap of data at level M.
func goQRBitmap(data []byte) ([][]bool, error) {
	q, err := qrcode.New(string(data), qrcode.Medium)
	if err != nil {
		return nil, err
	}
	return q.Bitmap(), nil
}

// goQR encodes data with go-qrcode and reads its symbol.
func goQR(t testing.TB, data []byte, l Level) theirs {
	t.Helper()
	q, err := qrcode.New(string(data), goLevel[l])
	if err != nil {
		t.Fatalf("go-qrcode %q: %v", data, err)
	}
	bm := q.Bitmap()
	n := len(bm) - 8
	th := theirs{v: (n - 17) / 4, n: n, mod: make([]byte, n*n)}
	for y := range n {
		for x := range n {
			th.mod[y*n+x] = bit(bm[y+4][x+4])
		}
	}
	f := 0
	for i := range 15 {
		p := formatXY(i, n)[0]
		f |= int(th.mod[p[1]*n+p[0]]) << i
	}
	f ^= 0x5412
	th.mask, th.level = f>>10&7, Level([4]int{1, 0, 3, 2}[f>>13])
	th.mode, th.count = th.header()
	return th
}

// header reads the mode indicator and the count of the first segment of
// th: the first codewords of the first block, unmasked, in the order
// place writes them.
func (th theirs) header() (mode, count int) {
	s := newSymbol(th.v)
	ly := layoutOf(th.v, th.level)
	var stream []byte
	cur, nb := 0, 0
	for p := range s.region() {
		y, x := p/th.n, p%th.n
		cur = cur<<1 | int(th.mod[p]^bit(masks(th.mask, y, x)))
		if nb++; nb%8 == 0 {
			stream = append(stream, byte(cur))
		}
	}
	h := int(stream[0])<<16 | int(stream[ly.blocks])<<8 | int(stream[2*ly.blocks])
	cb := countBits(th.v)
	return h >> 20, h >> (20 - cb) & (1<<cb - 1)
}

// compareGo checks our symbol of data against go-qrcode's. It reports
// whether go-qrcode used one byte segment (else nothing is compared) and
// whether both chose the same mask.
func compareGo(t *testing.T, data []byte, l Level) (byteMode, sameMask bool) {
	t.Helper()
	th := goQR(t, data, l)
	if th.mode != 4 || th.count != len(data) {
		return false, false
	}
	ours := encodeMask(data, l, th.mask)
	if ours.Version != th.v || th.level != l || !bytes.Equal(ours.mod, th.mod) {
		t.Errorf("%v %d bytes %.40q: version %d, go-qrcode %d: modules differ", l, len(data), data, ours.Version, th.v)
		return true, false
	}
	c, err := Encode(data, l)
	if err != nil {
		t.Fatal(err)
	}
	return true, c.Mask == th.mask
}

// randomBytes returns n bytes from r.
func randomBytes(r *rand.Rand, n int) []byte {
	d := make([]byte, n)
	for i := range d {
		d[i] = byte(r.UintN(256))
	}
	return d
}

// stampInputs returns QR contents like sign's: the verification URL with
// the document hash and the signer's escaped name, and the plain
// sha256:...;signer:... form, with Indonesian names, some not ASCII.
func stampInputs(r *rand.Rand) [][]byte {
	names := []string{"Budi Santoso", "Dra. Ñoño Sú Kurniaşih, M.Si.", "Ir. Andi Wijaya", "Siti Nurhaliza", "Dr. René Sitompul, S.H.", "Putu Éka"}
	var in [][]byte
	for i := range 40 {
		hash := fmt.Sprintf("%x", randomBytes(r, 32))
		name := names[i%len(names)]
		esc := ""
		for _, b := range []byte(name) {
			if b == ' ' {
				esc += "%20"
			} else if b < 0x80 && b != ',' {
				esc += string(rune(b))
			} else {
				esc += fmt.Sprintf("%%%02X", b)
			}
		}
		in = append(in, []byte("https://verifikasi.example.go.id/v?h="+hash+"&s="+esc), []byte("sha256:"+hash+";signer:"+name))
	}
	return in
}

// boundaryInputs returns for every version the longest content it holds
// at level l and one byte more, bytes from 0x80 up so go-qrcode uses
// byte mode.
func boundaryInputs(r *rand.Rand, l Level) [][]byte {
	var in [][]byte
	for v := 1; v <= 40; v++ {
		for _, n := range []int{capacity(v, l), capacity(v, l) + 1} {
			d := randomBytes(r, n)
			for i := range d {
				d[i] |= 0x80
			}
			in = append(in, d)
		}
	}
	return in[:len(in)-1] // version 40's one more is too long
}

// TestMatchesGoQRCode checks that our symbols are go-qrcode's, module for
// module, with go-qrcode's mask: the version, the codewords and error
// correction, their placement, the format and version information. Which
// mask each picks is TestMaskChoice's matter. Contents that go-qrcode
// encodes in segments other than one byte segment (a long enough run of
// digits makes it switch to numeric mode) are counted, not compared.
func TestMatchesGoQRCode(t *testing.T) {
	r := rand.New(rand.NewPCG(18004, 2015))
	var random [][]byte
	for n := 1; n <= 300; n++ {
		random = append(random, randomBytes(r, n))
	}
	check := func(name string, in [][]byte, l Level, minBytes int) {
		compared, same := 0, 0
		for _, d := range in {
			b, s := compareGo(t, d, l)
			if b {
				compared++
			}
			if s {
				same++
			}
		}
		t.Logf("%s at %v: %d of %d in one byte segment, all equal; %d with the same mask", name, l, compared, len(in), same)
		if compared < minBytes {
			t.Errorf("%s at %v: only %d of %d compared", name, l, compared, len(in))
		}
	}
	check("random bytes", random, M, len(random)-5)
	check("stamp contents", stampInputs(r), M, 40)
	for l := L; l <= H; l++ {
		in := boundaryInputs(r, l)
		check("version boundaries", in, l, len(in))
	}
}

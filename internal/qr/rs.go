package qr

// Reed–Solomon error correction over GF(2^8) with the QR code's field
// polynomial x^8+x^4+x^3+x^2+1 (0x11d) and generator roots α^0..α^(n-1).

var (
	gfExp [510]byte // gfExp[i] = α^i, twice over so a sum of two logs needs no reduction
	gfLog [256]byte // gfLog[α^i] = i; gfLog[0] is unused
	// genLog[n] holds the logs of the coefficients of the generator of
	// degree n, highest degree first without its leading 1.
	genLog [31][]byte
)

func init() {
	x := 1
	for i := range 255 {
		gfExp[i], gfExp[i+255] = byte(x), byte(x)
		gfLog[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11d
		}
	}
	for l := range ecPerBlock {
		for _, n := range ecPerBlock[l] {
			if genLog[n] == nil {
				genLog[n] = generator(int(n))
			}
		}
	}
}

// generator returns the logs of the coefficients of (x-α^0)...(x-α^(n-1)),
// highest degree first, without the leading 1. None of them is zero for
// the degrees QR codes use (TestGeneratorsHaveNoZero).
func generator(n int) []byte {
	g := make([]byte, n+1) // g[0] is the leading coefficient
	g[0] = 1
	for i := range n {
		// multiply by (x + α^i): every coefficient takes on α^i times its right neighbour
		for j := i + 1; j > 0; j-- {
			g[j] ^= mul(g[j-1], gfExp[i])
		}
	}
	logs := make([]byte, n)
	for j := range logs {
		logs[j] = gfLog[g[j+1]]
	}
	return logs
}

// mul multiplies a and b in GF(2^8).
func mul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[int(gfLog[a])+int(gfLog[b])]
}

// remainder writes to ec (len(ec) error-correction codewords) the
// remainder of data·x^len(ec) divided by the generator of that degree.
func remainder(data, ec []byte) {
	g := genLog[len(ec)]
	clear(ec)
	for _, d := range data {
		f := d ^ ec[0]
		copy(ec, ec[1:])
		ec[len(ec)-1] = 0
		if f == 0 {
			continue
		}
		lf := int(gfLog[f])
		for j, gl := range g {
			ec[j] ^= gfExp[lf+int(gl)]
		}
	}
}

package pdfedit

import (
	"unicode/utf16"
)

// StringBytes returns the bytes a string atom stands for (ISO 32000-1
// 7.3.4): a literal string with its escapes decoded (\n \r \t \b \f \( \)
// \\, octal \ddd, a backslash before an end of line joins the lines, an
// end of line is one \n), or a hex string decoded (white space skipped,
// an odd last digit followed by 0). ok is false for a value that is no
// string.
func StringBytes(v Value) (b []byte, ok bool) {
	a, ok := v.(Atom)
	if !ok || len(a) < 2 {
		return nil, false
	}
	switch {
	case a[0] == '(' && a[len(a)-1] == ')':
		return literalBytes(a[1 : len(a)-1]), true
	case a[0] == '<' && a[len(a)-1] == '>':
		return hexBytes(a[1 : len(a)-1]), true
	}
	return nil, false
}

// literalEscapes maps the character after a backslash to what it means.
var literalEscapes = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f', '(': '(', ')': ')', '\\': '\\'}

// literalBytes decodes the inside of a literal string.
func literalBytes(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c != '\\' || i+1 == len(s):
			out = append(out, c)
		default:
			i++
			out, i = escape(s, i, out)
		}
	}
	return out
}

// escape decodes the escape whose character after the backslash is s[i],
// appending it to out; it returns the index of its last byte.
func escape(s []byte, i int, out []byte) ([]byte, int) {
	c := s[i]
	if e, ok := literalEscapes[c]; ok {
		return append(out, e), i
	}
	switch {
	case c == '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		return out, i
	case c == '\n':
		return out, i
	case c >= '0' && c <= '7':
		n, end := 0, min(i+3, len(s))
		for ; i < end && s[i] >= '0' && s[i] <= '7'; i++ {
			n = n*8 + int(s[i]-'0')
		}
		return append(out, byte(n)), i - 1
	}
	return append(out, c), i // an unknown escape: the backslash is ignored
}

// hexBytes decodes the inside of a hex string.
func hexBytes(s []byte) []byte {
	out := make([]byte, 0, len(s)/2+1)
	var hi byte
	half := false
	for _, c := range s {
		d, ok := hexDigit(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|d)
		} else {
			hi = d
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// hexDigit is the value of a hexadecimal digit.
func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Text decodes a text string (ISO 32000-1 7.9.2.2): UTF-16BE after its
// byte order mark, else PDFDocEncoding when every byte is defined in it,
// else the bytes as they are; "" for a value that is no string.
func Text(v Value) string {
	b, ok := StringBytes(v)
	if !ok {
		return ""
	}
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF && len(b)%2 == 0 {
		u := make([]uint16, 0, len(b)/2-1)
		for i := 2; i < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		if rs[i] = pdfDocEncoding[c]; rs[i] == 0 {
			return string(b)
		}
	}
	return string(rs)
}

// pdfDocEncoding maps PDFDocEncoding to Unicode (ISO 32000-1 Table D.2);
// 0 where a code is undefined.
var pdfDocEncoding = func() (t [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	for c := 0xA1; c <= 0xFF; c++ {
		t[c] = rune(c)
	}
	t['\t'], t['\n'], t['\r'], t[0xAD] = '\t', '\n', '\r', 0
	copy(t[0x18:], []rune{0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC})
	copy(t[0x80:], []rune{0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
		0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018,
		0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
		0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0})
	t[0xA0] = 0x20AC
	return t
}()

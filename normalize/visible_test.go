package normalize

import "testing"

func TestVisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text, 中文", "plain text, 中文"},
		{"line\nand\ttab", "line\nand\ttab"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"bell\a del\x7f c1\u0085", `bell\x07 del\x7f c1\x85`},
		{"bidi \u202eevil\u202c", `bidi \u202eevil\u202c`},
		{"\u2066iso\u2069 \u200f", `\u2066iso\u2069 \u200f`},
	} {
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

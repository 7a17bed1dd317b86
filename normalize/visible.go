package normalize

import (
	"fmt"
	"strings"
)

// Visible makes document text harmless for a terminal or a page: control characters
// (ESC among them, so no escape sequence can reach the terminal) and
// bidirectional overrides are shown as \xNN or \uNNNN escapes. Line feeds
// and tabs are kept.
func Visible(s string) string {
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !invisible(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// Invisible reports whether Visible shows r as an escape: a control
// character other than line feed and tab, or a bidirectional control.
// Writers of other formats (JSON) use it to escape the same characters.
func Invisible(r rune) bool { return invisible(r) }

func invisible(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

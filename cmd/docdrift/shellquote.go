package main

import (
	"strings"
	"unicode"
)

// shellQuote quotes s for a POSIX shell when it needs it, so that a hint
// that names a file ("docdrift diff 'my notes/a.txt' b.txt") runs when
// pasted: single quotes around it, each ' written as '\”. Names of only
// letters, digits and -_./:@%+=, are left as they are.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, needsQuote) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func needsQuote(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	case strings.ContainsRune("-_./:@%+=,", r):
		return false
	case r > 0x7f:
		// Letters of other scripts (数据.txt) need no quotes; anything
		// else that is not ASCII is quoted to be safe.
		return !isLetterOrDigit(r)
	}
	return true
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

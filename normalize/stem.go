package normalize

import "strings"

// Stem folds the inflections of an English word in canonical form (lower
// case): a possessive 's, a plural s (not in "ss" or "us"), then -ing or
// -ed, then a final e — so that "invest", "invests", "investing" and
// "invested" share a stem, as do "services" and "service". It is crude
// on purpose: stems are only compared, never shown. Words of fewer than
// four letters, numbers and non-Latin words are returned as they are.
func Stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	if len(w) < 4 || w[0] >= 0x80 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if strings.HasSuffix(w, "e") && len(w) > 3 {
		w = w[:len(w)-1]
	}
	return w
}

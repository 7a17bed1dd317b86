package lexicon

import (
	"strings"
	"unicode"
)

// stop are English words too common or too vague to be evidence that two
// sentences translate each other, and the dictionary's own labels ("lit.",
// "sb", "idiom").
var stop = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`a an the and or but nor of to in on at by for from with as into onto upon
		is are was were be been being am it its it's this that these those there here
		he him his she her hers they them their we us our you your i me my mine
		not no so too very also than then such some any all each every one's oneself
		do does did done have has had can could may might shall should will would must
		which who whom whose what when where why how if while about up out over off
		lit fig idiom sb sth etc esp abbr ie eg e g s cf old variant used see same
		coll literary archaic classical dialect slang tw pr kangxi radical`) {
		stop[w] = true
	}
}

// Words returns the stemmed English words of s that can serve as
// translation evidence: letters only, lowercased, stop words left out,
// in order, repeats kept.
func Words(s string) []string {
	var out []string
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		f = strings.Trim(f, "'")
		w := Stem(strings.ToLower(f))
		if len(w) < 2 || stop[w] || !isASCII(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Stem strips the commonest English inflections from a lowercased word,
// enough for "created" and "creates" to meet "create" and "nations" to
// meet "nation": a light stemmer, not Porter's, whose only contract is
// that it is the same on both sides of a comparison.
func Stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return strings.TrimSuffix(w[:len(w)-3], "e")
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return strings.TrimSuffix(w[:len(w)-2], "e")
	case len(w) > 3 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		return strings.TrimSuffix(w[:len(w)-1], "e")
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	case len(w) > 3 && strings.HasSuffix(w, "e"):
		return w[:len(w)-1]
	}
	return w
}

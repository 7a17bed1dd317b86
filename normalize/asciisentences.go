package normalize

// The sentence rules of UAX #29 for text that is all ASCII, as
// github.com/clipperhouse/uax29/v2/sentences applies them (its Iterator
// and splitFunc, whose steps this follows one for one), with each byte's
// property read from a table of 128 instead of the library's trie: most
// documents docdrift compares are English, and the trie's lookup of every
// byte after a sentence's first punctuation was most of the time Parse
// spent cutting sentences. TestASCIISentencesMatchUAX29 and
// FuzzASCIISentences hold it to the library, break for break.

// sbProp is a set of Sentence_Break properties, as the library keeps them.
type sbProp uint16

const (
	sbCR sbProp = 1 << iota
	sbLF
	sbSp
	sbLower
	sbUpper
	sbNumeric
	sbATerm
	sbSTerm
	sbClose
	sbSContinue

	// No ASCII character is Extend, Format, Sep or OLetter.
	sbSATerm  = sbSTerm | sbATerm
	sbParaSep = sbCR | sbLF
)

func (p sbProp) is(q sbProp) bool { return p&q != 0 }

// sbASCII is the Sentence_Break property of each ASCII character
// (SentenceBreakProperty.txt); 0 for Other.
var sbASCII = [128]sbProp{
	'\t': sbSp, '\n': sbLF, '\v': sbSp, '\f': sbSp, '\r': sbCR, ' ': sbSp,
	'!': sbSTerm, '?': sbSTerm, '.': sbATerm,
	'"': sbClose, '\'': sbClose, '(': sbClose, ')': sbClose, '[': sbClose, ']': sbClose, '{': sbClose, '}': sbClose,
	',': sbSContinue, '-': sbSContinue, ':': sbSContinue, ';': sbSContinue,
	'0': sbNumeric, '1': sbNumeric, '2': sbNumeric, '3': sbNumeric, '4': sbNumeric,
	'5': sbNumeric, '6': sbNumeric, '7': sbNumeric, '8': sbNumeric, '9': sbNumeric,
	'A': sbUpper, 'B': sbUpper, 'C': sbUpper, 'D': sbUpper, 'E': sbUpper, 'F': sbUpper, 'G': sbUpper,
	'H': sbUpper, 'I': sbUpper, 'J': sbUpper, 'K': sbUpper, 'L': sbUpper, 'M': sbUpper, 'N': sbUpper,
	'O': sbUpper, 'P': sbUpper, 'Q': sbUpper, 'R': sbUpper, 'S': sbUpper, 'T': sbUpper, 'U': sbUpper,
	'V': sbUpper, 'W': sbUpper, 'X': sbUpper, 'Y': sbUpper, 'Z': sbUpper,
	'a': sbLower, 'b': sbLower, 'c': sbLower, 'd': sbLower, 'e': sbLower, 'f': sbLower, 'g': sbLower,
	'h': sbLower, 'i': sbLower, 'j': sbLower, 'k': sbLower, 'l': sbLower, 'm': sbLower, 'n': sbLower,
	'o': sbLower, 'p': sbLower, 'q': sbLower, 'r': sbLower, 's': sbLower, 't': sbLower, 'u': sbLower,
	'v': sbLower, 'w': sbLower, 'x': sbLower, 'y': sbLower, 'z': sbLower,
}

// asciiSentences is the library's sentence Iterator over ASCII text.
type asciiSentences struct {
	data       string
	start, pos int
}

// Next advances to the next sentence; false when there is none.
func (it *asciiSentences) Next() bool {
	if it.pos >= len(it.data) {
		return false
	}
	it.start = it.pos
	// The library's hot path: letters, digits and spaces never break by
	// themselves.
	for it.pos < len(it.data) && isAlnumOrSpace(it.data[it.pos]) {
		it.pos++
	}
	if it.pos >= len(it.data) {
		return true
	}
	if it.pos > it.start {
		it.pos-- // the last of them, as the context of what follows
	}
	it.pos += asciiSentenceEnd(it.data[it.pos:])
	return true
}

// Start and End are the current sentence's byte offsets.
func (it *asciiSentences) Start() int { return it.start }
func (it *asciiSentences) End() int   { return it.pos }

func isAlnumOrSpace(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == ' '
}

// asciiSentenceEnd is the library's splitFunc on ASCII data at its end:
// the length of the sentence data starts with (at least 1 when data is
// not empty). Rules SB1–SB11 and SB998; SB5 (Extend, Format) never
// applies to ASCII.
func asciiSentenceEnd(data string) int {
	if len(data) == 0 {
		return 0
	}
	var lastExIgnore, lastLastExIgnore, lastExIgnoreSp, lastExIgnoreClose, lastExIgnoreSpClose, lastExIgnoreParaSepSpClose sbProp
	current := sbASCII[data[0]]
	pos := 1 // SB1
	const special = sbSATerm | sbParaSep
	for pos < len(data) { // SB2 at the end
		if !(current | lastExIgnore | lastExIgnoreSp | lastExIgnoreClose | lastExIgnoreSpClose | lastExIgnoreParaSepSpClose).is(special) {
			// No rule but SB998 applies until a full stop, a question or
			// exclamation mark or a line break: skip to it, keeping of
			// the trackers what the rules will ask (the last two
			// properties; the others hold neither a stop nor a break).
			q := pos
			for q < len(data) && !sbASCII[data[q]].is(special) {
				q++
			}
			if q-pos >= 2 {
				current, lastExIgnore = sbASCII[data[q-1]], sbASCII[data[q-2]]
				lastExIgnoreSp, lastExIgnoreClose, lastExIgnoreSpClose, lastExIgnoreParaSepSpClose = 0, 0, 0, 0
				pos = q
				continue
			}
		}
		last := current
		lastLastExIgnore, lastExIgnore = lastExIgnore, last
		if !lastExIgnore.is(sbSp) {
			lastExIgnoreSp = lastExIgnore
		}
		if !lastExIgnore.is(sbClose) {
			lastExIgnoreClose = lastExIgnore
		}
		if !lastExIgnoreSp.is(sbClose) {
			lastExIgnoreSpClose = lastExIgnoreSp
		}
		if !lastExIgnoreSpClose.is(sbParaSep) {
			lastExIgnoreParaSepSpClose = lastExIgnoreSpClose
		}
		current = sbASCII[data[pos]]
		switch {
		case current|last == 0: // no rule can apply
			pos++
			continue
		case current.is(sbLF) && last.is(sbCR): // SB3
			pos++
			continue
		case last.is(sbParaSep): // SB4
			return pos
		case current.is(sbNumeric) && lastExIgnore.is(sbATerm): // SB6
			pos++
			continue
		case current.is(sbUpper) && lastExIgnore.is(sbATerm) && lastLastExIgnore.is(sbUpper|sbLower): // SB7
			pos++
			continue
		}
		if lastExIgnoreSpClose.is(sbATerm) { // SB8
			p := pos
			for p < len(data) && !sbASCII[data[p]].is(sbUpper|sbLower|sbParaSep|sbSATerm) {
				p++
			}
			if p < len(data) && sbASCII[data[p]].is(sbLower) {
				pos = p
				continue
			}
		}
		switch {
		case current.is(sbSContinue|sbSATerm) && lastExIgnoreSpClose.is(sbSATerm), // SB8a
			current.is(sbClose|sbSp|sbParaSep) && lastExIgnoreClose.is(sbSATerm), // SB9
			current.is(sbSp|sbParaSep) && lastExIgnoreSpClose.is(sbSATerm):       // SB10
			pos++
			continue
		}
		if lastExIgnore.is(sbSATerm) || // SB11
			lastExIgnore.is(sbClose) && lastExIgnoreClose.is(sbSATerm) ||
			lastExIgnore.is(sbSp) && lastExIgnoreSpClose.is(sbSATerm) ||
			lastExIgnore.is(sbParaSep) && lastExIgnoreParaSepSpClose.is(sbSATerm) {
			return pos
		}
		pos++ // SB998
	}
	return pos
}

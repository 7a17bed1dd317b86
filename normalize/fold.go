package normalize

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Canonical is the comparison form of a piece of original text, with a map
// from each of its bytes back to the original.
//
// The key is the original under Unicode NFKC with width folding (fullwidth
// letters, digits and punctuation become ASCII, U+3000 and NBSP become
// spaces), one form for quotes (') and (") and for dashes (-), format
// characters (zero-width space, joiners, BOM, soft hyphen) and control
// characters removed, every run of white space as one space (none at the
// ends, and none inside Chinese text, where it is a line-wrap artifact),
// and case folded. A Markdown link, [words](address), gives only its
// words: text scraped from the web keeps the syntax that another copy of
// the same text has lost.
type Canonical struct {
	Key string
	// Starts[i] and Ends[i] are the original byte span that produced
	// Key[i]. Several key bytes may share one span (NFKC expands "①" to
	// "1" and "…" to "..."), and original spans may be skipped (removed
	// characters, collapsed white space).
	Starts, Ends []int
}

// Span returns the original byte span of Key[i:j]. It requires i < j.
func (c Canonical) Span(i, j int) (start, end int) { return c.Starts[i], c.Ends[j-1] }

// Fold computes the canonical form of text, whose first byte is at offset
// base of the original. Its cost is linear in len(text).
func Fold(text string, base int) Canonical {
	fl := Folder{starts: make([]int, 0, len(text)), ends: make([]int, 0, len(text))}
	return fl.Fold(text, base)
}

// A Folder folds one text after another, reusing the memory of its
// offset maps: the Canonical that Fold returns is valid until the next
// call (diff folds thousands of sentences, and the maps are garbage as
// soon as their tokens are cut). The zero Folder is ready to use; it is
// not safe for concurrent use.
type Folder struct {
	starts, ends []int
	toks         []Token
}

// Fold is the function Fold, with the offset maps in the Folder's memory.
func (fl *Folder) Fold(text string, base int) Canonical {
	f := folder{caser: cases.Fold(), offsets: true}
	f.starts, f.ends = fl.starts[:0], fl.ends[:0]
	f.fold(text, base)
	fl.starts, fl.ends = f.starts, f.ends
	return Canonical{Key: f.key.String(), Starts: f.starts, Ends: f.ends}
}

// Key returns the canonical key of text, as Fold(text, 0).Key, without
// building the offset map.
func Key(text string) string { return string(appendKey(nil, text)) }

// appendKey appends the canonical key of text to dst: Key without a
// string of its own, so that Parse can build all of a document's keys in
// one buffer.
func appendKey(dst []byte, text string) []byte {
	if !strings.Contains(text, "](") {
		if out, ok := appendASCIIKey(dst, text); ok {
			return out
		}
	}
	f := folder{caser: cases.Fold()}
	f.fold(text, 0)
	return append(dst, f.key.String()...)
}

// appendASCIIKey is appendKey of an ASCII text: it needs no normalization.
// One pass, a byte at a time, through asciiFold (lower case, backquote as
// a quote, control characters left out), each run of white space one
// space, none at the ends, into room made once (a key is never longer
// than its text). ok is false, and dst as it was, at the first byte that
// is not ASCII.
func appendASCIIKey(dst []byte, text string) (out []byte, ok bool) {
	start := len(dst)
	dst = slices.Grow(dst, len(text))
	buf := dst[:start+len(text)]
	n, pending := start, false
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b >= utf8.RuneSelf {
			return dst[:start], false
		}
		switch c := asciiFold[b]; {
		case c < asciiSpace:
			if pending && n > start {
				buf[n] = ' '
				n++
			}
			pending = false
			buf[n] = c
			n++
		case c == asciiSpace:
			pending = true
		}
	}
	return buf[:n], true
}

// asciiFold maps an ASCII byte to its byte in a key, or to asciiSpace
// (white space) or asciiDrop (other control characters).
var asciiFold = func() (t [128]byte) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = asciiSpace
		case c < 0x20 || c == 0x7f:
			t[c] = asciiDrop
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

// Marks of asciiFold, bytes no key holds.
const (
	asciiSpace = 0x80
	asciiDrop  = 0x81
)

// fold folds text into f, leaving out the syntax and address of each
// Markdown link (findLinks): a link is compared by its words.
func (f *folder) fold(text string, base int) {
	f.key.Grow(len(text))
	pos := 0
	for _, l := range findLinks(text) {
		f.foldPlain(text[pos:l.Start], base+pos)
		f.foldPlain(text[l.TextStart:l.TextEnd], base+l.TextStart)
		pos = l.End
	}
	f.foldPlain(text[pos:], base+pos)
}

// foldPlain folds text that holds no link.
func (f *folder) foldPlain(text string, base int) {
	// ASCII needs no normalization, and an ASCII character followed by
	// another is always a normalization boundary: such runs take a fast
	// path, the rest goes through NFKC.
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] < utf8.RuneSelf && (j+1 == len(text) || text[j+1] < utf8.RuneSelf) {
			c := text[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if '!' <= c && c <= '~' && c != '`' && !f.pendingSpace {
				f.byte(c, base+j) // most characters: kept as they are
			} else {
				f.rune(foldRune(rune(c)), base+j, base+j+1)
			}
			j++
		}
		if j == len(text) {
			break
		}
		k := j + 1
		for k < len(text) && !(text[k] < utf8.RuneSelf && (k+1 == len(text) || text[k+1] < utf8.RuneSelf)) {
			k++
		}
		f.normalized(text[j:k], base+j)
		i = k
	}
}

// normalized folds text that holds non-ASCII characters, through NFKC,
// but for the characters that are a segment of NFKC's on their own (a
// normalization boundary before them and before the character after
// them) and whose folding is known without it: ideographs, which every
// folding leaves as they are (TestIdeographsFoldToThemselves), and CJK
// and full-width punctuation (simpleFolds). Those are written directly and
// only the runs between them go through the iterator, with the same key
// and offsets (TestNormalizedSkipsSimpleRunes): Chinese text no longer
// pays for NFKC per character.
func (f *folder) normalized(text string, base int) {
	from := 0 // the start of the run not yet folded
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		folded, simple := simpleFold(r)
		if !simple || !boundaryAt(text, i) || !boundaryAt(text, i+size) {
			i += size
			continue
		}
		if from < i {
			f.normalizedRun(text[from:i], base+from)
		}
		switch {
		case r < utf8.RuneSelf: // "2024年": the digit before the ideograph
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			f.rune(foldRune(r), base+i, base+i+size)
		case folded == "":
			f.rune(r, base+i, base+i+size)
		default:
			for _, x := range folded {
				f.rune(foldRune(x), base+i, base+i+size)
			}
		}
		i += size
		from = i
	}
	if from < len(text) {
		f.normalizedRun(text[from:], base+from)
	}
}

// boundaryAt reports whether NFKC has a segment boundary before text[i:]
// (the end of the text is one).
func boundaryAt(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	if text[i] < utf8.RuneSelf {
		return true // ASCII is a starter that composes with nothing before it
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); isIdeograph(r) {
		return true
	}
	return norm.NFKC.PropertiesString(text[i:]).BoundaryBefore()
}

// simpleFold returns how r folds when it is a segment of its own: "" for
// an ideograph (as it is) or an ASCII character (in lower case), the
// folded text of a CJK or full-width punctuation mark (simpleFolds), or ok
// false for any other character.
func simpleFold(r rune) (folded string, ok bool) {
	if r < utf8.RuneSelf || isIdeograph(r) {
		return "", true
	}
	if 0x3000 <= r && r <= 0x303F || 0xFF00 <= r && r <= 0xFF65 || 0x2010 <= r && r <= 0x2027 {
		s, ok := simpleFolds()[r]
		return s, ok
	}
	return "", false
}

// simpleFolds maps the punctuation of simpleFold that NFKC leaves a
// segment of its own on both sides to its NFKC, width and case folding,
// computed once through the general path.
var simpleFolds = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	caser := cases.Fold()
	for _, block := range [][2]rune{{0x3000, 0x303F}, {0xFF00, 0xFF65}, {0x2010, 0x2027}} {
		for r := block[0]; r <= block[1]; r++ {
			p := norm.NFKC.PropertiesString(string(r))
			if !p.BoundaryBefore() || !p.BoundaryAfter() || unicode.Is(unicode.Mn, r) {
				continue
			}
			s := norm.NFKC.String(string(r))
			if !isASCII(s) {
				s = caser.String(width.Fold.String(s))
			} else {
				s = strings.ToLower(s)
			}
			if s == "" {
				continue
			}
			m[r] = s
		}
	}
	return m
})

// normalizedRun folds text through NFKC.
func (f *folder) normalizedRun(text string, base int) {
	var it norm.Iter
	it.InitString(norm.NFKC, text)
	pos := 0
	// A character that expands (NFKC turns "…" into "...") can come out
	// over several segments, all but the last without moving Pos: they are
	// held until Pos moves, and all get the character's span.
	var held []byte
	for !it.Done() {
		held = append(held, it.Next()...)
		next := it.Pos()
		if next == pos {
			continue
		}
		f.segment(held, base+pos, base+next)
		held, pos = held[:0], next
	}
	if len(held) > 0 {
		f.segment(held, base+pos, base+len(text))
	}
}

type folder struct {
	caser        cases.Caser
	offsets      bool // whether to build starts and ends
	key          strings.Builder
	starts, ends []int
	// pendingSpace is the original span of a white-space run not yet
	// written: it is written only between two non-space characters.
	pendingSpace         bool
	spaceStart, spaceEnd int
	last                 rune
}

func (f *folder) segment(seg []byte, start, end int) {
	// Most of Chinese text is ideographs, which NFKC, width and case
	// folding all leave as they are: no string, no transform.
	if r, n := utf8.DecodeRune(seg); n == len(seg) && isIdeograph(r) {
		f.rune(r, start, end)
		return
	}
	s := string(seg)
	if !isASCII(s) {
		s = width.Fold.String(s)
		s = f.caser.String(s)
	} else {
		s = strings.ToLower(s)
	}
	for _, r := range s {
		f.rune(foldRune(r), start, end)
	}
}

func (f *folder) rune(r rune, start, end int) {
	switch {
	case r < 0:
		return
	case unicode.IsSpace(r):
		if !f.pendingSpace {
			f.pendingSpace, f.spaceStart = true, start
		}
		f.spaceEnd = end
		return
	}
	if f.pendingSpace {
		if f.key.Len() > 0 && !cjkJoin(f.last, r) {
			f.emit(' ', f.spaceStart, f.spaceEnd)
		}
		f.pendingSpace = false
	}
	f.emit(r, start, end)
	f.last = r
}

// byte writes a printable ASCII character that folding keeps as it is,
// when no white space is pending: f.rune without its tests.
func (f *folder) byte(c byte, start int) {
	f.key.WriteByte(c)
	if f.offsets {
		f.starts = append(f.starts, start)
		f.ends = append(f.ends, start+1)
	}
	f.last = rune(c)
}

func (f *folder) emit(r rune, start, end int) {
	f.key.WriteRune(r)
	if !f.offsets {
		return
	}
	for range utf8.RuneLen(r) {
		f.starts = append(f.starts, start)
		f.ends = append(f.ends, end)
	}
}

// isIdeograph reports whether r is a CJK unified ideograph (the basic
// block, extension A or extension B), none of which folding changes.
func isIdeograph(r rune) bool {
	return 0x4E00 <= r && r <= 0x9FFF || 0x3400 <= r && r <= 0x4DBF || 0x20000 <= r && r <= 0x2A6DF
}

// foldRune maps quotes and dashes to one form each, and returns -1 for
// characters the key leaves out.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
			return ' '
		case r < 0x20 || r == 0x7f:
			return -1
		case r == '`':
			return '\''
		}
		return r
	}
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '「', '」', '『', '』', '〝', '〞':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－':
		return '-'
	case '\t', '\n', '\r', '\f', '\v':
		return ' '
	}
	if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
		return -1
	}
	return r
}

// isASCII reports whether s holds only ASCII bytes, eight at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// Eight bytes in one word (the compiler makes this one load).
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TokenKind says what a token is made of.
type TokenKind int

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with digits: "wto", "covid-19"
	Number                  // digits with separators: "700,000", "13.5"
	Han                     // one CJK ideograph
	Punct                   // one punctuation mark or symbol
)

// Token is a unit of canonical text with the original span it came from.
type Token struct {
	Key        string
	Start, End int
	Kind       TokenKind
}

// Tokens folds text (at offset base of the original) and cuts its key into
// tokens by the Unicode word rules (UAX #29, via
// github.com/clipperhouse/uax29): Latin words and numbers stay whole, each
// ideograph is a token, and white space is dropped. Linear in len(text).
func Tokens(text string, base int) []Token {
	return c2tokens(Fold(text, base))
}

// TokensOf cuts an already folded text into tokens, as Tokens does.
func TokensOf(c Canonical) []Token { return c2tokens(c) }

// Tokens is the function Tokens with the offset maps and the tokens in the
// Folder's memory: the tokens are valid until the next call (their keys
// stay valid).
func (fl *Folder) Tokens(text string, base int) []Token {
	fl.toks = appendTokens(fl.toks[:0], fl.Fold(text, base))
	return fl.toks
}

func c2tokens(c Canonical) []Token {
	return appendTokens(make([]Token, 0, len(c.Key)/4+1), c) // a token and its space average over four bytes
}

// appendTokens appends the tokens of c to toks.
func appendTokens(toks []Token, c Canonical) []Token {
	it := words.FromString(c.Key)
	for it.Next() {
		v := it.Value()
		r := firstRune(v)
		if unicode.IsSpace(r) {
			continue
		}
		start, end := c.Span(it.Start(), it.End())
		toks = append(toks, Token{Key: v, Start: start, End: end, Kind: kindOf(v, r)})
	}
	return toks
}

func kindOf(v string, r rune) TokenKind {
	switch {
	case isHan(r):
		return Han
	case unicode.IsDigit(r):
		if strings.IndexFunc(v, unicode.IsLetter) < 0 {
			return Number
		}
		return Word
	case unicode.IsLetter(r):
		return Word
	}
	return Punct
}

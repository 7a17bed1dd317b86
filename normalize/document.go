package normalize

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Block is a paragraph of the original text: a heading, a body paragraph,
// a list item, a photo caption or page furniture.
type Block struct {
	// Start and End are the byte offsets of the block in Document.Text,
	// without surrounding white space.
	Start, End int
	// Line and EndLine are its first and last lines, counted from 1.
	Line, EndLine int
	Kind          Kind
	// Reason says why the block has its kind; empty for plain body text.
	Reason string
	// Sentences are the indexes into Document.Sentences of the block's
	// sentences, [First, Last); empty for furniture.
	First, Last int
}

// Document is a decoded text cut into blocks and sentences, each pointing
// back into the original by byte offsets.
type Document struct {
	Path     string
	Text     string // the decoded original
	Encoding string
	// Format is the file's format: FormatText; FormatHTML for a page
	// whose main text Text holds; FormatMarkdown for Markdown whose text
	// without markup Text holds. Blocks and sentences are offsets into
	// Text, which normalize prints; Source maps them to the file, and
	// their lines are the file's.
	Format   string
	Warnings []string
	// Dropped are what reading left out of Text, so that nothing is
	// dropped unseen (normalize --explain lists them): the lines of an
	// HTML page's visible text that are not its main text (navigation,
	// sidebars, footers); a Markdown file's front matter, images, link
	// addresses and raw HTML.
	Dropped []string
	// Links are the Markdown links, [words](address), left in the text
	// (findLinks): their words are compared, their addresses are not, and
	// normalize --explain lists them.
	Links     []Link
	Blocks    []Block
	Sentences []Sentence
	// lineStarts holds the byte offset at which each line begins.
	lineStarts []int
	// from maps offsets of Text to the decoded file when Text is read
	// from markup; nil when Text is the decoded file.
	from *origin
	// bom is the length of the byte-order mark that decoding took off.
	bom int
}

// ReadFile reads and decodes the file at path and parses it. A file over
// opts.MaxSize gives a *TooLargeError and is not read.
func ReadFile(path string, opts DecodeOptions) (*Document, error) {
	data, err := ReadLimited(path, opts.MaxSize)
	if err != nil {
		return nil, err
	}
	return FromBytes(path, data, opts)
}

// ReadLimited reads the file at path, or gives a *TooLargeError for a
// file over max bytes (no limit when max is 0 or less). Errors do not
// name the path: the caller does.
func ReadLimited(path string, max int64) ([]byte, error) {
	data, err := readLimited(path, max)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	return data, nil
}

// FromBytes decodes the bytes of the file at path and parses them, as
// ReadFile does once it has read them. An HTML page is read for its main
// text, a Markdown file for its text without markup (see FormatOf and
// Document.Format).
func FromBytes(path string, data []byte, opts DecodeOptions) (*Document, error) {
	format, dropped := FormatOf(path, data), []string(nil)
	var d Decoded
	var err error
	var from *origin
	switch format {
	case FormatHTML:
		var x extracted
		x, err = extractHTML(data, opts)
		d, dropped = x.Decoded, x.dropped
		if err == nil {
			from = newOrigin(x.page, x.pieces)
		}
	case FormatMarkdown:
		d, err = Decode(data, opts)
		if err != nil {
			break
		}
		if depth := markdownDepth(d.Text); depth > maxMarkdownDepth {
			format = FormatText
			d.Warnings = append(d.Warnings, fmt.Sprintf(
				"Markdown nested %d deep, over the limit of %d: read as plain text", depth, maxMarkdownDepth))
			break
		}
		var pieces []piece
		file := d.Text
		d.Text, pieces, dropped = markdownText(file)
		from = newOrigin(file, pieces)
	default:
		d, err = Decode(data, opts)
	}
	if err != nil {
		return nil, err
	}
	doc := Parse(d.Text)
	doc.Path, doc.Encoding, doc.Warnings = path, d.Encoding, d.Warnings
	if d.Encoding == UTF8BOM {
		doc.bom = len(utf8BOM)
	}
	doc.setOrigin(from)
	doc.Format, doc.Dropped = format, dropped
	if len(doc.Sentences) == 0 && len(doc.Blocks) > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf(
			"no text to compare: all %d blocks are page furniture (normalize --explain lists them)", len(doc.Blocks)))
	}
	return doc, nil
}

// Parse cuts decoded text into classified blocks and sentences. It never
// fails: any text, even empty, gives a Document. Every character of text
// that is not white space lies in exactly one block. Its cost is linear in
// len(text).
func Parse(text string) *Document {
	lines := splitLines(text)
	doc := &Document{Text: text, Encoding: UTF8, Format: FormatText}
	doc.lineStarts = make([]int, len(lines))
	for i, l := range lines {
		doc.lineStarts[i] = l.start
	}
	doc.Links = findLinks(text)
	doc.Blocks = classify(text, lines, paragraphs(text, lines, doc.Links), doc.Links)
	// The sentences' keys are built end to end in one buffer and cut from
	// one string: a document's keys cost one allocation, not one each
	// (strings.Builder hands its buffer over as the string, uncopied).
	var keys strings.Builder
	keys.Grow(len(text))
	var key []byte
	est := sentenceEstimate(text, len(doc.Blocks))
	doc.Sentences = make([]Sentence, 0, est)
	keyEnds := make([]int, 0, est)
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		b.First = len(doc.Sentences)
		if b.Kind != Furniture {
			start := b.Start
			if b.Kind == ListItem {
				start = skipBullet(text, b.Start, b.End)
			}
			for _, sp := range keepLinksWhole(splitSentences(text, start, b.End), doc.Links) {
				key = appendKey(key[:0], text[sp[0]:sp[1]])
				keys.Write(key)
				keyEnds = append(keyEnds, keys.Len())
				doc.Sentences = append(doc.Sentences, Sentence{Start: sp[0], End: sp[1], Block: i})
			}
		}
		b.Last = len(doc.Sentences)
	}
	all, from := keys.String(), 0
	for i, end := range keyEnds {
		doc.Sentences[i].Key, from = all[from:end], end
	}
	return doc
}

// sentenceEstimate is about how many sentences Parse cuts text with
// blocks into: its full stops, question and exclamation marks and
// semicolons, Western and Chinese, and a sentence a block. Counting them
// is a few vectorized scans; a document's sentences then take one
// allocation of about their size instead of append's many.
func sentenceEstimate(text string, blocks int) int {
	n := blocks
	for _, mark := range []string{".", "!", "?", "。", "！", "？", "；"} {
		n += strings.Count(text, mark)
	}
	return n
}

// keepLinksWhole joins sentences cut inside a link ("[U.S. Dollar Swaps.
// FAQs](…)"), so that every link lies in one sentence and Fold sees it
// whole.
func keepLinksWhole(spans [][2]int, links []Link) [][2]int {
	if len(links) == 0 {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && insideLink(links, out[n-1][1]) {
			out[n-1][1] = sp[1]
			continue
		}
		out = append(out, sp)
	}
	return out
}

// skipBullet returns the offset after a leading bullet and its spaces.
func skipBullet(text string, start, end int) int {
	_, n := utf8.DecodeRuneInString(text[start:end])
	lo, _ := trimSpan(text[:end], start+n, end)
	if lo >= end {
		return start
	}
	return lo
}

// setOrigin records where Text came from and gives each block the
// lines of the file it came from.
func (d *Document) setOrigin(from *origin) {
	if from == nil {
		return
	}
	d.from = from
	for i := range d.Blocks {
		b := &d.Blocks[i]
		b.Line, b.EndLine = d.LineAt(b.Start), d.LineAt(b.End-1)
	}
}

// Source returns the byte offsets in the file as given of the span
// [start, end) of Text. For a text file they are start and end (after a
// UTF-8 byte-order mark). For Markdown the span runs from the first
// character of the text to its last, in the file, so it holds the
// markup inside it (the "**" of "**raise**"); bullets and the breaks
// between paragraphs that reading wrote are not in the file and map to
// nothing. For an HTML page, whose paragraphs are found again in the
// page's text nodes, a paragraph maps to the span of the file from its
// first character to its last, tags between them included; one not
// found there (a title from a meta tag) maps to the empty span where the
// next one found starts. A file
// decoded from another encoding (UTF-16, GB18030, Big5), or with invalid
// bytes replaced by U+FFFD, is the exception: offsets there are those of
// its UTF-8 text. The cost is O(log n).
func (d *Document) Source(start, end int) (int, int) {
	if d.from != nil {
		start, end = d.from.span(start, end)
	}
	return start + d.bom, end + d.bom
}

// LineAt returns the line of the file, counted from 1, that holds byte
// offset off of Text.
func (d *Document) LineAt(off int) int {
	if d.from != nil {
		fs, _ := d.from.span(off, off+1)
		return d.from.line(fs)
	}
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off })
}

// Lines returns the number of lines of the file.
func (d *Document) Lines() int {
	if d.from != nil {
		return len(d.from.lineStarts)
	}
	return len(d.lineStarts)
}

// Counts returns how many blocks there are of each kind.
func (d *Document) Counts() map[Kind]int {
	m := map[Kind]int{}
	for _, b := range d.Blocks {
		m[b.Kind]++
	}
	return m
}

// Clean returns the text without furniture: each kept block in its
// original wording, a Markdown link as its words, white space tidied (runs of it as one space, none
// where a line break fell between two ideographs), blocks separated by a
// blank line. The result ends with a newline unless it is empty.
func (d *Document) Clean() string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Kind == Furniture {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(Tidy(d.Plain(bl.Start, bl.End)))
		b.WriteString("\n")
	}
	return b.String()
}

// Plain returns the original text of [start, end) with each Markdown link
// that lies wholly inside it as its words: what a reader of the text sees,
// for comparing two spans' wording when their keys agree.
func (d *Document) Plain(start, end int) string {
	return withoutLinkSyntax(d.Text, d.Links, start, end)
}

// Tidy returns s with each run of white space as one space, and with no
// space where a run that holds a line break falls inside Chinese text
// (see cjkJoin). Other characters are unchanged.
func Tidy(s string) string {
	if isTidy(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	inSpace, sawBreak := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r == '\n' || r == '\r' {
				sawBreak = true
			}
			inSpace = true
			continue
		}
		if inSpace {
			if b.Len() > 0 && !(sawBreak && cjkJoin(prev, r)) {
				b.WriteByte(' ')
			}
			inSpace, sawBreak = false, false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isTidy reports whether Tidy would leave s as it is: no white space but
// single ASCII spaces between other characters.
func isTidy(s string) bool {
	prevSpace := true // a space at the start is not tidy
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c >= utf8.RuneSelf:
			if c >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) {
					prevSpace = false
					continue
				}
			}
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// String describes the document briefly, for logs and errors.
func (d *Document) String() string {
	return fmt.Sprintf("%s (%s, %d lines, %d blocks, %d sentences)", d.Path, d.Encoding, d.Lines(), len(d.Blocks), len(d.Sentences))
}

// CollapseSpace turns each run of white space into one space, at the ends
// too; s itself when there is nothing to change. Linear in len(s).
func CollapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// isCollapsed reports whether s has no white space but single spaces:
// ASCII byte by byte (nearly every unit), the rest by rune.
func isCollapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) < 0 && !strings.Contains(s[i:], "  ")
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ', c >= '\t' && c <= '\r':
			return false
		}
	}
	return true
}

package normalize

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wlynxg/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Decoded.Encoding and accepted by DecodeOptions.Encoding.
const (
	UTF8     = "utf-8"
	UTF8BOM  = "utf-8-bom"
	UTF16LE  = "utf-16le"
	UTF16BE  = "utf-16be"
	GB18030  = "gb18030"
	Big5     = "big5"
	encAuto  = ""
	sniffLen = 64 << 10
)

// Errors returned by Decode for input that is not text. Callers map them to
// exit status 2; the messages are written for people.
var (
	ErrEmpty  = errors.New("empty file: no text to read")
	ErrBinary = errors.New("binary file: not text")
)

// DecodeOptions controls Decode.
type DecodeOptions struct {
	// Encoding forces an encoding instead of detecting one: one of utf-8,
	// utf-16le, utf-16be, gb18030 (also accepted: gbk, gb2312, cp936, which
	// are decoded as GB18030, their superset) or big5. Empty means detect.
	Encoding string
	// MaxSize is the largest file ReadFile reads, in bytes; 0 means no
	// limit. A larger file gives a *TooLargeError before anything is read.
	MaxSize int64
}

// Decoded is input bytes turned into UTF-8 text.
type Decoded struct {
	// Text is the decoded text. It keeps every character of the input,
	// line ends included (CR, LF and CRLF are left as they are so that byte
	// offsets stay simple; the normalizer treats all three as line ends).
	// Only a byte-order mark is removed.
	Text string
	// Encoding is the encoding that was detected or forced.
	Encoding string
	// Warnings are problems that did not stop decoding, such as invalid
	// UTF-8 replaced by U+FFFD.
	Warnings []string
}

// Decode detects the encoding of data and converts it to UTF-8.
//
// Detection, in order: a byte-order mark (UTF-8, UTF-16LE/BE); valid UTF-8;
// UTF-16 without a BOM, recognised by the position of its NUL bytes; then
// the GB family and Big5, proposed by github.com/wlynxg/chardet and accepted
// only if they decode without error. The GB family is always decoded with
// GB18030: the GBK decoder silently corrupts characters outside GBK.
// Anything else is read as UTF-8 with each invalid byte replaced by U+FFFD,
// and a warning gives the offset of the first one.
//
// Decode returns ErrEmpty for input with no non-space character and
// ErrBinary for input with NUL bytes (that is not UTF-16) or in which more
// than a tenth of the characters are control characters. Its cost is linear
// in len(data).
func Decode(data []byte, opts DecodeOptions) (Decoded, error) {
	var (
		d   Decoded
		err error
	)
	if opts.Encoding != encAuto {
		d, err = decodeForced(data, opts.Encoding)
	} else {
		d, err = detect(data)
	}
	if err != nil {
		return Decoded{}, err
	}
	if err := checkText(d.Text); err != nil {
		return Decoded{}, err
	}
	return d, nil
}

// decodeForced decodes data in the encoding the caller named. A decoder
// replaces what it cannot read with U+FFFD and no error: one warning then
// says that the encoding is probably wrong and how to get out of it.
func decodeForced(data []byte, name string) (Decoded, error) {
	var enc encoding.Encoding
	switch strings.ToLower(name) {
	case "utf-8", "utf8":
		d := decodeUTF8(bytes.TrimPrefix(data, utf8BOM), UTF8)
		if len(d.Warnings) > 0 {
			d.Warnings = []string{strings.TrimSuffix(d.Warnings[0], invalidUTF8Tail) +
				", replaced with U+FFFD: the file is probably not in utf-8; " + wrongEncodingHint}
		}
		return d, nil
	case "utf-16le", "utf16le":
		name, enc = UTF16LE, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case "utf-16be", "utf16be":
		name, enc = UTF16BE, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	case "gb18030", "gbk", "gb2312", "cp936":
		name, enc = GB18030, simplifiedchinese.GB18030
	case "big5":
		name, enc = Big5, traditionalchinese.Big5
	default:
		return Decoded{}, fmt.Errorf("unknown encoding %q (known: utf-8, utf-16le, utf-16be, gb18030, gbk, big5)", name)
	}
	d, err := decodeWith(data, enc, name)
	if err != nil {
		return Decoded{}, err
	}
	if w := replacementWarning(d.Text, name); w != "" {
		d.Warnings = append(d.Warnings, w)
	}
	return d, nil
}

// wrongEncodingHint ends the warnings for a forced encoding that does not fit.
const wrongEncodingHint = "drop --encoding to detect the encoding, or name another"

// replacementWarning says how many characters decoding as the named
// encoding could not read (each became U+FFFD) and on which line the first
// is, or returns "" when there are none. A file may hold U+FFFD itself, so
// the warning says "probably".
func replacementWarning(text, name string) string {
	first := strings.IndexRune(text, utf8.RuneError)
	if first < 0 {
		return ""
	}
	n := strings.Count(text, string(utf8.RuneError))
	chars := "characters"
	if n == 1 {
		chars = "character"
	}
	before := text[:first]
	line := 1 + strings.Count(before, "\n") + strings.Count(before, "\r") - strings.Count(before, "\r\n")
	return fmt.Sprintf("decoding as %s gave %d replacement %s (U+FFFD), the first on line %d: the file is probably not in %s; %s",
		name, n, chars, line, name, wrongEncodingHint)
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

func detect(data []byte) (Decoded, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return decodeUTF8(data[len(utf8BOM):], UTF8BOM), nil
	case bytes.HasPrefix(data, utf16LEBOM):
		return decodeWith(data[2:], xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), UTF16LE)
	case bytes.HasPrefix(data, utf16BEBOM):
		return decodeWith(data[2:], xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), UTF16BE)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if name, enc := sniffUTF16(data); enc != nil {
			return decodeWith(data, enc, name)
		}
		err := fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, bytes.IndexByte(data, 0))
		if name := likelyUTF16(data); name != "" {
			err = fmt.Errorf("%w; if it is %s text without a byte-order mark, as its NUL bytes suggest, read it with --encoding %s", err, strings.ToUpper(name), name)
		}
		return Decoded{}, err
	}
	if utf8.Valid(data) {
		return Decoded{Text: string(data), Encoding: UTF8}, nil
	}
	if name, enc := sniffLegacy(data); enc != nil {
		if d, err := decodeWith(data, enc, name); err == nil && !strings.ContainsRune(d.Text, utf8.RuneError) {
			return d, nil
		}
	}
	return decodeUTF8(data, UTF8), nil
}

// sniffUTF16 recognises UTF-16 without a byte-order mark by where its NUL
// bytes fall: text in Latin script has a NUL in every other byte, on the
// odd side for little-endian and the even side for big-endian.
func sniffUTF16(data []byte) (string, encoding.Encoding) {
	if len(data) < 2 || len(data)%2 != 0 {
		return "", nil
	}
	even, odd := nulParity(data)
	pairs := len(data) / 2
	switch {
	case odd*10 >= pairs*3 && even*20 < odd:
		return UTF16LE, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even*10 >= pairs*3 && odd*20 < even:
		return UTF16BE, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return "", nil
}

// nulParity counts the NUL bytes of data at even and at odd offsets.
func nulParity(data []byte) (even, odd int) {
	for i, b := range data {
		if b != 0 {
			continue
		}
		if i%2 == 0 {
			even++
		} else {
			odd++
		}
	}
	return even, odd
}

// likelyUTF16 names the UTF-16 that input sniffUTF16 refused may still be,
// or returns "": text with too few NUL bytes to be sure of (Chinese, whose
// characters rarely hold one), or with an odd byte count (a file cut
// short). The side of the pairs with more NUL bytes gives the byte order,
// and the text read in it must be clean: no unpaired surrogates, and
// text by checkText's measure.
func likelyUTF16(data []byte) string {
	even, odd := nulParity(data)
	name, order := UTF16LE, xunicode.LittleEndian
	switch {
	case even > odd:
		name, order = UTF16BE, xunicode.BigEndian
	case even == odd:
		return ""
	}
	out, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(data[:len(data)&^1])
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || checkText(string(out)) != nil {
		return ""
	}
	return name
}

// sniffLegacy asks chardet for the encoding of text that is not UTF-8 and
// keeps only the Chinese encodings docdrift reads.
func sniffLegacy(data []byte) (string, encoding.Encoding) {
	sample := data
	if len(sample) > sniffLen {
		sample = sample[:sniffLen]
	}
	res := chardet.Detect(sample)
	switch strings.ToUpper(res.Encoding) {
	case "GB2312", "GBK", "GB18030", "GB-18030", "CP936", "HZ-GB-2312":
		return GB18030, simplifiedchinese.GB18030
	case "BIG5", "BIG5-HKSCS", "CP950":
		return Big5, traditionalchinese.Big5
	}
	return "", nil
}

func decodeWith(data []byte, enc encoding.Encoding, name string) (Decoded, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return Decoded{}, fmt.Errorf("decode as %s: %w", name, err)
	}
	d := decodeUTF8(out, name)
	d.Encoding = name
	return d, nil
}

// invalidUTF8Tail ends the warning for invalid UTF-8 in a detected encoding.
const invalidUTF8Tail = ": not a known encoding either; invalid bytes replaced with U+FFFD (use --encoding to force one)"

// decodeUTF8 returns data as text, replacing each invalid byte with U+FFFD
// and warning once, with the offset of the first invalid byte.
func decodeUTF8(data []byte, name string) Decoded {
	if utf8.Valid(data) {
		return Decoded{Text: string(data), Encoding: name}
	}
	first, count := -1, 0
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			count++
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		b.Write(data[i : i+size])
		i += size
	}
	w := fmt.Sprintf("invalid UTF-8 at byte %d", first)
	if count > 1 {
		w += fmt.Sprintf(" (%d invalid bytes in all)", count)
	}
	w += invalidUTF8Tail
	return Decoded{Text: b.String(), Encoding: name, Warnings: []string{w}}
}

// checkText refuses text that is empty or mostly control characters.
func checkText(text string) error {
	var total, controls int
	hasContent := false
	// ASCII, byte by byte; the rest rune by rune.
	i := 0
	for ; i < len(text) && text[i] < utf8.RuneSelf; i++ {
		c := text[i]
		total++
		if asciiFold[c] == asciiDrop { // a control character other than white space
			controls++
		}
		if !hasContent && c != ' ' && (c < '\t' || c > '\r') {
			hasContent = true
		}
	}
	for _, r := range text[i:] {
		total++
		if isControl(r) {
			controls++
		}
		if !hasContent && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			hasContent = true
		}
	}
	if !hasContent {
		if total == 0 {
			return ErrEmpty
		}
		return fmt.Errorf("%w (only white space)", ErrEmpty)
	}
	if controls*10 > total {
		return fmt.Errorf("%w (%d of %d characters are control characters)", ErrBinary, controls, total)
	}
	return nil
}

// isControl reports whether r is a control character other than the usual
// white space (tab, line feed, carriage return, form feed, vertical tab).
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\f', '\v':
		return false
	}
	return unicode.IsControl(r)
}

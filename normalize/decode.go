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

func decodeForced(data []byte, name string) (Decoded, error) {
	switch strings.ToLower(name) {
	case "utf-8", "utf8":
		return decodeUTF8(bytes.TrimPrefix(data, utf8BOM), UTF8), nil
	case "utf-16le", "utf16le":
		return decodeWith(data, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), UTF16LE)
	case "utf-16be", "utf16be":
		return decodeWith(data, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), UTF16BE)
	case "gb18030", "gbk", "gb2312", "cp936":
		return decodeWith(data, simplifiedchinese.GB18030, GB18030)
	case "big5":
		return decodeWith(data, traditionalchinese.Big5, Big5)
	}
	return Decoded{}, fmt.Errorf("unknown encoding %q (known: utf-8, utf-16le, utf-16be, gb18030, gbk, big5)", name)
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
		return Decoded{}, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, bytes.IndexByte(data, 0))
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
	var even, odd int
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
	pairs := len(data) / 2
	switch {
	case odd*10 >= pairs*3 && even*20 < odd:
		return UTF16LE, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even*10 >= pairs*3 && odd*20 < even:
		return UTF16BE, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return "", nil
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
	w += ": not a known encoding either; invalid bytes replaced with U+FFFD (use --encoding to force one)"
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

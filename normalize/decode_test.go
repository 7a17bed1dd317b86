package normalize

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../fixtures/opening-up/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDecode(t *testing.T) {
	zh := readFixture(t, "speech-2023.zh.txt")
	en := readFixture(t, "speech-2023.en.txt")
	// 𠮷 is outside GBK: only GB18030 decodes it right.
	rare := "吉祥的𠮷字，不在GBK之内。" + zh[:600]
	big5Text := "中華人民共和國憲法是國家的根本法。這是繁體中文的一段文字，用來測試大五碼。"
	le := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	be := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	tests := []struct {
		name     string
		data     []byte
		opts     DecodeOptions
		want     string
		encoding string
	}{
		{"utf-8", []byte(en), DecodeOptions{}, en, UTF8},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), zh...), DecodeOptions{}, zh, UTF8BOM},
		{"utf-16le with BOM", append([]byte{0xFF, 0xFE}, encode(t, le, zh)...), DecodeOptions{}, zh, UTF16LE},
		{"utf-16be with BOM", append([]byte{0xFE, 0xFF}, encode(t, be, zh)...), DecodeOptions{}, zh, UTF16BE},
		{"utf-16le without BOM (English)", encode(t, le, en), DecodeOptions{}, en, UTF16LE},
		{"utf-16be without BOM (English)", encode(t, be, en), DecodeOptions{}, en, UTF16BE},
		{"gb18030", encode(t, simplifiedchinese.GB18030, zh), DecodeOptions{}, zh, GB18030},
		{"gb18030 outside GBK", encode(t, simplifiedchinese.GB18030, rare), DecodeOptions{}, rare, GB18030},
		{"gbk decoded as gb18030", encode(t, simplifiedchinese.GBK, big5Text), DecodeOptions{}, big5Text, GB18030},
		{"big5", encode(t, traditionalchinese.Big5, strings.Repeat(big5Text, 4)), DecodeOptions{}, strings.Repeat(big5Text, 4), Big5},
		{"forced gbk", encode(t, simplifiedchinese.GBK, "中文"), DecodeOptions{Encoding: "gbk"}, "中文", GB18030},
		{"forced utf-16le", encode(t, le, "ab"), DecodeOptions{Encoding: "UTF-16LE"}, "ab", UTF16LE},
		{"CRLF kept for offsets", []byte("a\r\nb\rc\n"), DecodeOptions{}, "a\r\nb\rc\n", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.data, tt.opts)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if d.Text != tt.want {
				t.Errorf("Decode: text differs: got %.80q, want %.80q", d.Text, tt.want)
			}
			if d.Encoding != tt.encoding {
				t.Errorf("Decode: encoding %q, want %q", d.Encoding, tt.encoding)
			}
			if len(d.Warnings) != 0 {
				t.Errorf("Decode: unexpected warnings %q", d.Warnings)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opts DecodeOptions
		want error
	}{
		{"empty", nil, DecodeOptions{}, ErrEmpty},
		{"white space only", []byte(" \n\t\u3000\r\n"), DecodeOptions{}, ErrEmpty},
		{"BOM only", []byte("\xEF\xBB\xBF"), DecodeOptions{}, ErrEmpty},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00binary\x00stuff"), DecodeOptions{}, ErrBinary},
		{"mostly control characters", []byte("\x01\x02\x03\x04\x05\x06ab\x07\x08"), DecodeOptions{}, ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.data, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("Decode: got error %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := Decode([]byte("x"), DecodeOptions{Encoding: "ebcdic"}); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("Decode with unknown encoding: got %v, want an unknown-encoding error", err)
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	data := []byte("Exports rose 5% in 2024.\nThe caf\xe9 closed.\n\xff\xfe\xfd end\n")
	d, err := Decode(data, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(d.Text, "\uFFFD"); got != 4 {
		t.Errorf("got %d replacement characters, want 4", got)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "byte 32") {
		t.Errorf("want one warning naming byte 32, got %q", d.Warnings)
	}
}

// A GB18030 copy of the Chinese speech must read exactly as the UTF-8 file.
func TestGB18030CopyNormalizesTheSame(t *testing.T) {
	zh := readFixture(t, "speech-2023.zh.txt")
	d, err := Decode(encode(t, simplifiedchinese.GB18030, zh), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Parse(d.Text).Clean(), Parse(zh).Clean(); got != want {
		t.Errorf("GB18030 copy: clean text differs\n%s", firstDifference(want, got))
	}
}

// A forced encoding that is wrong for the file gives U+FFFD; the warning
// says so, names the encoding and how to get out of it.
func TestDecodeForcedWrongEncoding(t *testing.T) {
	zh := "中华人民共和国宪法是国家的根本法。\n这是一段简体中文。\n"
	gb := encode(t, simplifiedchinese.GB18030, zh)
	tests := []struct {
		name     string
		data     []byte
		encoding string
		want     string // in the one warning
	}{
		{"utf-8 read as big5", []byte(zh), "big5", "as big5 gave 18 replacement characters (U+FFFD), the first on line 1"},
		{"utf-8 read as gb18030", []byte(zh), "gb18030", "as gb18030 gave 6 replacement characters"},
		{"odd bytes read as utf-16le", []byte(zh + "."), "utf-16le", "as utf-16le gave 1 replacement character (U+FFFD)"},
		{"gb18030 read as utf-8", gb, "utf-8", "invalid UTF-8 at byte 0 (30 invalid bytes in all), replaced with U+FFFD: the file is probably not in utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.data, DecodeOptions{Encoding: tt.encoding})
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], tt.want) || !strings.Contains(d.Warnings[0], "drop --encoding") {
				t.Errorf("Decode(--encoding %s): warnings %q, want one with %q and a hint to drop --encoding", tt.encoding, d.Warnings, tt.want)
			}
		})
	}
	// The right encoding, forced, gives no warning.
	if d, err := Decode(gb, DecodeOptions{Encoding: "gbk"}); err != nil || len(d.Warnings) != 0 {
		t.Errorf("Decode(--encoding gbk) of GBK: %v, warnings %q; want none", err, d.Warnings)
	}
}

// UTF-16 that detection does not take (an odd byte count, or Chinese,
// whose characters have few NUL bytes) is binary, but the error suggests
// the encoding the NUL bytes point to.
func TestDecodeBinaryLooksUTF16(t *testing.T) {
	le := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	be := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	zh := "中华人民共和国宪法是国家的根本法。\n这是一段简体中文。\n"
	tests := []struct {
		name string
		data []byte
		want string // "" for no suggestion
	}{
		{"Chinese utf-16le", encode(t, le, zh), "--encoding utf-16le"},
		{"Chinese utf-16be", encode(t, be, zh), "--encoding utf-16be"},
		{"English utf-16le cut short", encode(t, le, "The council met on Monday.\n")[:53], "--encoding utf-16le"},
		{"a zip header", []byte("PK\x03\x04\x00\x00\x08\x00binary"), ""},
		{"NULs on one side, but control characters", []byte("\x01\x00\x02\x00\x03\x00\x04\x00ab"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.data, DecodeOptions{})
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("Decode: got %v, want ErrBinary", err)
			}
			if got := strings.Contains(err.Error(), "--encoding"); got != (tt.want != "") || tt.want != "" && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode: error %q, want a suggestion %q", err, tt.want)
			}
		})
	}
}

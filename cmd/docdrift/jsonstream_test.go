package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/internal/edition"
	"github.com/docdrift/docdrift/normalize"
)

// largestWrite records the largest single Write.
type largestWrite struct {
	bytes.Buffer
	max int
}

func (w *largestWrite) Write(p []byte) (int, error) {
	w.max = max(w.max, len(p))
	return w.Buffer.Write(p)
}

type ptrMarshaler struct{ N int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"n" : 1}`), nil }

type valMarshaler struct{ N int }

func (valMarshaler) MarshalJSON() ([]byte, error) { return []byte(`[1, 2]`), nil }

// TestWriteJSONStreams checks that writeJSON writes what
// json.MarshalIndent and jsonEscape make of a value, byte for byte, and that
// a report's passages go out a few at a time instead of in one document
// (a 16 MB pair's report took 320 MB more at its peak).
func TestWriteJSONStreams(t *testing.T) {
	passages := make([]diff.Passage, 2000)
	for i := range passages {
		passages[i] = diff.Passage{Kind: diff.Same, Old: &diff.Side{Text: strings.Repeat("<same> & \u202e text ", 10)}}
	}
	type tagged struct {
		Name   string         `json:"name"`
		Opt    string         `json:"opt,omitempty"`
		Skip   string         `json:"-"`
		Bytes  []byte         `json:"bytes"`
		Nil    []int          `json:"nil"`
		Empty  []int          `json:"empty"`
		Ptrs   []ptrMarshaler `json:"ptrs"`
		Vals   []valMarshaler `json:"vals"`
		Nested [][]string     `json:"nested"`
		Map    map[string]int `json:"map"`
		hidden int
	}
	type plain struct {
		A    string
		List []string `json:"list"`
	}
	type embedded struct {
		plain
		B []int `json:"b"`
	}
	tests := []struct {
		name     string
		v        any
		maxWrite int // 0: no bound
	}{
		{"diff report", diffJSON{Schema: "docdrift.diff/v1", Passages: passages}, 64 << 10},
		{"no passages", diffJSON{Schema: "docdrift.diff/v1", Passages: []diff.Passage{}}, 0},
		{"tags and options", tagged{Name: "x", Bytes: []byte("ab"), Empty: []int{}, Ptrs: []ptrMarshaler{{1}, {2}}, Vals: []valMarshaler{{1}}, Nested: [][]string{{"a"}, {}}, Map: map[string]int{"b": 1, "a": 2}}, 0},
		{"untagged fields", plain{A: "a", List: []string{"x", "y"}}, 0},
		{"embedded struct", embedded{plain: plain{A: "a"}, B: []int{1}}, 0},
		{"empty struct", struct{}{}, 0},
		{"top-level slice", []plain{{A: "1"}, {A: "2", List: []string{"é"}}}, 0},
		{"empty top-level slice", []plain{}, 0},
		{"map", map[string]any{"text": "a\u009bb", "list": []string{"x"}}, 0},
		{"pointer", &plain{A: "p"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.MarshalIndent(tt.v, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			want := string(jsonEscape(b)) + "\n"
			var out largestWrite
			if err := writeJSON(&ui{out: &out}, tt.v); err != nil {
				t.Fatalf("writeJSON: %v", err)
			}
			if got := out.String(); got != want {
				t.Errorf("writeJSON: got\n%s\nwant\n%s", got, want)
			}
			if tt.maxWrite > 0 && out.max > tt.maxWrite {
				t.Errorf("writeJSON of %d bytes: a write of %d bytes, want at most %d", out.Len(), out.max, tt.maxWrite)
			}
		})
	}
}

// BenchmarkWriteJSON renders the JSON report of the 1 MB edition pair:
// whole (the document built, then an indented copy) against streamed.
func BenchmarkWriteJSON(b *testing.B) {
	old, new := edition.Pair(1<<20, 1)
	res := diff.Compare(normalize.Parse(old), normalize.Parse(new), diff.Options{})
	v := diffJSON{Schema: "docdrift.diff/v1", Summary: res.Summary, Passages: res.Passages}
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := json.MarshalIndent(v, "", "  ")
			if err != nil {
				b.Fatal(err)
			}
			io.Discard.Write(append(jsonEscape(out), '\n'))
		}
	})
	b.Run("streamed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := streamJSON(io.Discard, v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestJSONEscapeSkipsASCII: jsonEscape steps over ASCII below DEL a byte
// at a time and decodes only what may be escaped; it must rewrite exactly
// what decoding every rune rewrites, on the characters it escapes, next
// to ASCII, in bytes that are not UTF-8 and in random bytes.
func TestJSONEscapeSkipsASCII(t *testing.T) {
	reference := func(b []byte) []byte {
		var out []byte
		for _, r := range []rune(string(b)) {
			if r >= 0x7f && normalize.Invisible(r) && r != utf8.RuneError {
				out = fmt.Appendf(out, `\u%04x`, r)
			} else {
				out = utf8.AppendRune(out, r)
			}
		}
		return out
	}
	inputs := []string{"", "plain ASCII, \"quoted\" \\u0041", "DEL\x7f, C1\u0085\u009b, bidi\u202etxet", "中文\u200b混排\u2066x\u2069",
		"\x7f\x7f", "a\u202e"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rnd.IntN(24))
		for i := range b {
			b[i] = []byte("a\x7f\xc2\x85\x9b\xe2\x80\xae\xe4\xb8\xad\xff")[rnd.IntN(12)]
		}
		if utf8.Valid(b) {
			inputs = append(inputs, string(b))
		}
	}
	// Eight bytes at a time: a character to escape, or any other byte
	// from 0x7f up, at every place in and around a run of ASCII.
	for _, special := range []string{"\x7f", "\u0085", "\u202e", "中", "~"} {
		for at := 0; at <= 20; at++ {
			inputs = append(inputs, strings.Repeat("a", at)+special+strings.Repeat("b", 20-at))
		}
	}
	for _, in := range inputs {
		if got, want := jsonEscape([]byte(in)), reference([]byte(in)); !bytes.Equal(got, want) {
			t.Errorf("jsonEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIndentJSON: indentJSON indents compact JSON as json.Indent does,
// byte for byte: empty objects and arrays, nesting, strings holding
// brackets, commas, colons, escaped quotes and backslashes, a prefix; and
// the JSON report of a generated edition pair.
func TestIndentJSON(t *testing.T) {
	old, new := edition.Pair(32<<10, 1)
	report, err := json.Marshal(diff.Compare(normalize.Parse(old), normalize.Parse(new), diff.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{`{}`, `[]`, `{"a":{},"b":[],"c":[{}],"d":[[]]}`, `"s"`, `12`, `null`,
		`{"k":"a,b:c{d}[e]","q":"\"quoted\" \\","u":"\u003c\\\\"}`, `[1,[2,[3,{"x":[true,false,null]}]]]`,
		`{"":""}`, `["\\"]`, `{"a":"x\",y:{z","b":[1]}`, `["\"[","]\\",{}]`,
		`["\\\"]","\\\\",{"\\":"\\\\\"[,"}]`, string(report)}
	for _, in := range inputs {
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(in), prefix, "  "); err != nil {
				t.Fatalf("json.Indent(%q): %v", in, err)
			}
			if got := indentJSON(nil, []byte(in), prefix, "  "); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("indentJSON(%.200q, %q):\n%.300s\nwant\n%.300s", in, prefix, got, want.Bytes())
			}
		}
	}
}

// FuzzIndentJSON holds indentJSON to json.Indent on what encoding/json
// writes around any string: quotes, backslashes, brackets and commas
// inside strings must not move the indentation.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, `\"`, "a,b:c{d}[e]", "\\\\\"[", "\x00\u2028<>&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in, err := json.Marshal(map[string]any{"k": s, s: []any{s, map[string]any{s: []string{}}, map[string]any{}, 1.5, nil}})
		if err != nil {
			t.Skip()
		}
		var want bytes.Buffer
		if err := json.Indent(&want, in, "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, in, "  ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indentJSON(%q):\n%s\nwant\n%s", in, got, want.Bytes())
		}
	})
}

// TestBatches: a report is rendered in batches of about batchBytes: the
// first of firstBatch elements, then as many as fit, at least one and at
// most maxBatch.
func TestBatches(t *testing.T) {
	for _, c := range []struct {
		name     string
		n, bytes int
		want     int
	}{
		{"small elements", 32, 32 * 100, maxBatch},
		{"elements of 64 KB", 32, 32 << 16, batchBytes / (1<<16 + 1)},
		{"elements over a megabyte", 4, 4 << 21, 1},
		{"no bytes", 10, 0, maxBatch},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b batches
			if got := b.next(); got != firstBatch {
				t.Fatalf("first batch %d, want %d", got, firstBatch)
			}
			b.done(c.n, c.bytes)
			if got := b.next(); got != c.want {
				t.Errorf("after %d elements of %d bytes: next batch %d, want %d", c.n, c.bytes, got, c.want)
			}
		})
	}
}

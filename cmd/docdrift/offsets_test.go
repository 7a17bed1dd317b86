package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// jsonSpan is a span as JSON gives it: byte offsets into the file, the
// file's line, and the text read.
type jsonSpan struct {
	Start, End int
	Line       int
	Text       string
}

// checkFileSpans checks the offsets contract of JSON output: file[start:end]
// holds the text shown (its characters in order; markup may lie between
// them) and line is the file's line of start.
func checkFileSpans(t *testing.T, path string, spans []jsonSpan) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	file := string(data)
	bad := 0
	for _, s := range spans {
		if s.Start < 0 || s.Start > s.End || s.End > len(file) {
			t.Fatalf("%s: span %d..%d out of a file of %d bytes", path, s.Start, s.End, len(file))
		}
		if !holds(file[s.Start:s.End], s.Text) || s.Line != 0 && s.Line != strings.Count(file[:s.Start], "\n")+1 {
			if bad++; bad <= 3 {
				t.Errorf("%s: file[%d:%d] = %q at line %d; want it to hold %q at line %d", path, s.Start, s.End,
					file[s.Start:s.End], strings.Count(file[:s.Start], "\n")+1, s.Text, s.Line)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d spans do not hold their text", path, bad, len(spans))
	}
}

// holds reports whether the characters of text, white space and a "- "
// bullet aside, appear in span in order.
func holds(span, text string) bool {
	for _, r := range strings.TrimPrefix(text, "- ") {
		if unicode.IsSpace(r) {
			continue
		}
		i := strings.IndexRune(span, r)
		if i < 0 {
			return false
		}
		span = span[i+len(string(r)):]
	}
	return true
}

func normalizeSpans(t *testing.T, path string) []jsonSpan {
	var out struct {
		Documents []struct {
			Blocks []struct {
				jsonSpan
				Sentences []jsonSpan
			}
		}
	}
	decode(t, runOK(t, "normalize", "--format", "json", path), &out)
	var spans []jsonSpan
	for _, b := range out.Documents[0].Blocks {
		spans = append(spans, b.jsonSpan)
		spans = append(spans, b.Sentences...)
	}
	return spans
}

// diffSpans returns the spans diff's JSON gives on each side: each
// passage's side and each edit's range, with the text it shows (an
// edit's old wording on the old side, when it has one).
func diffSpans(t *testing.T, old, new string) (olds, news []jsonSpan) {
	type rng struct{ Start, End int }
	var out struct {
		Passages []struct{ Old, New *jsonSpan }
	}
	b, _ := runOut(t, "diff", "--format", "json", old, new)
	decode(t, []byte(b), &out)
	var raw struct {
		Passages []struct {
			Edits []struct {
				Text     string
				Old      string
				OldRange *rng `json:"old_range"`
				NewRange *rng `json:"new_range"`
			}
		}
	}
	decode(t, []byte(b), &raw)
	for i, p := range out.Passages {
		if p.Old != nil {
			olds = append(olds, *p.Old)
		}
		if p.New != nil {
			news = append(news, *p.New)
		}
		for _, e := range raw.Passages[i].Edits {
			if r := e.OldRange; r != nil {
				text := e.Text
				if e.Old != "" {
					text = e.Old
				}
				olds = append(olds, jsonSpan{Start: r.Start, End: r.End, Text: text})
			}
			if r := e.NewRange; r != nil {
				news = append(news, jsonSpan{Start: r.Start, End: r.End, Text: e.Text})
			}
		}
	}
	return olds, news
}

// TestJSONOffsetsInFile checks that the offsets and lines JSON gives for
// Markdown, HTML and text point into the file as given.
func TestJSONOffsetsInFile(t *testing.T) {
	md := "../../normalize/testdata/markdown/offsets.md"
	data, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "edited.md")
	if err := os.WriteFile(edited, []byte(strings.Replace(string(data), "Exports rose", "Exports fell", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{md, "../../normalize/testdata/html/bbc-1.html", "../../normalize/testdata/html/qq.html"} {
		checkFileSpans(t, path, normalizeSpans(t, path))
	}
	olds, news := diffSpans(t, md, edited)
	checkFileSpans(t, md, olds)
	checkFileSpans(t, edited, news)

	// The Anti-Monopoly Law, whose offsets drifted through the file.
	laws, _ := filepath.Glob("../../../shared/corpora/cn-law-versions-zh/经济法/反垄断法/*.md")
	if len(laws) != 2 {
		t.Skip("no shared corpus at ../../../shared/corpora")
	}
	for _, path := range laws {
		checkFileSpans(t, path, normalizeSpans(t, path))
	}
	olds, news = diffSpans(t, laws[0], laws[1])
	checkFileSpans(t, laws[0], olds)
	checkFileSpans(t, laws[1], news)
}

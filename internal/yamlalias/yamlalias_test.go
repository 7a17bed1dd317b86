package yamlalias

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

// bomb returns a billion laughs of depth levels: each anchor holds nine
// aliases of the one before, so the last expands to 9^levels values.
func bomb(levels int) string {
	var b strings.Builder
	b.WriteString("title: t\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 9), ", "))
	}
	fmt.Fprintf(&b, "documents: [{id: x, file: f, date: '2020', title: *a%d}]\n", levels)
	return b.String()
}

// TestCheck: the line reported is that of the alias at which the nodes
// added by aliases, counted through the file, pass Budget: in bomb(n),
// anchor a5 on line 7 (anchors expand as they are defined).
func TestCheck(t *testing.T) {
	tests := []struct {
		name     string
		yaml     string
		wantLine int // 0: accepted
	}{
		{"no aliases", "title: t\ndocuments:\n  - id: a\n    file: a.txt\n", 0},
		{"an alias or two", "source: &x Xinhua\ndocuments:\n  - source: *x\n  - source: *x\n", 0},
		{"a list of wordings reused", "a: &w [one, two, three]\nb: *w\nc: *w\n", 0},
		{"a small bomb", bomb(3), 0},
		{"a bomb", bomb(8), 7},
		{"a bomb past int64", bomb(40), 7},
		{"bomb inside a flow sequence", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", 5},
		{"not YAML", "a: [\n", 0},
		{"empty", "", 0},
		{"an alias to no anchor", "a: *nothing\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			err := Check([]byte(tt.yaml))
			if d := time.Since(start); d > time.Second {
				t.Errorf("Check took %v", d)
			}
			var e *Error
			switch {
			case tt.wantLine == 0 && err != nil:
				t.Errorf("Check: %v; want nil", err)
			case tt.wantLine != 0 && !errors.As(err, &e):
				t.Errorf("Check = %v; want an *Error at line %d", err, tt.wantLine)
			case tt.wantLine != 0 && e.Line != tt.wantLine:
				t.Errorf("Check: error at line %d, want %d (%v)", e.Line, tt.wantLine, err)
			}
		})
	}
}

// FuzzCheck checks that no input makes Check panic, and that what it lets
// through decodes to a bounded number of values:
//
//	go test ./internal/yamlalias -run '^$' -fuzz FuzzCheck -fuzztime 1m
func FuzzCheck(f *testing.F) {
	f.Add(bomb(3))
	f.Add(bomb(9))
	f.Add("a: &a {x: 1}\nb: {<<: *a, y: *a}\n")
	f.Add("a: !!str &x [*x]\n")
	f.Fuzz(func(t *testing.T, data string) {
		if Check([]byte(data)) != nil {
			return
		}
		var v any
		func() {
			defer func() { _ = recover() }() // the decoder's own panics are not Check's
			if yaml.Unmarshal([]byte(data), &v) == nil && count(v) > 2*Budget+len(data) {
				t.Fatalf("Check let through YAML that decodes to %d values", count(v))
			}
		}()
	})
}

// count returns the number of values in a decoded YAML value.
func count(v any) int {
	n := 1
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			n += count(x)
		}
	case map[string]any:
		for _, x := range v {
			n += count(x)
		}
	}
	return n
}

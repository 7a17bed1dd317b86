package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWriteJSONEscapes checks that JSON output carries no character a
// terminal acts on or that misleads a reader — C0 and C1 controls, DEL,
// bidi overrides and isolates — raw: each is a \u escape, the output is
// valid JSON, and it decodes to the same text.
func TestWriteJSONEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bidi override", "price \u202e001$", `\u202e`},
		{"bidi isolate", "a\u2066b\u2069c", `\u2066`},
		{"right-to-left mark", "a\u200fb", `\u200f`},
		{"arabic letter mark", "a\u061cb", `\u061c`},
		{"C1 CSI", "a\u009b31mb", `\u009b`},
		{"DEL", "a\x7fb", `\u007f`},
		{"ESC", "a\x1b[2Jb", `\u001b`},
		{"Chinese kept", "出口增长百分之五", "出口增长百分之五"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			u := &ui{out: &out}
			v := map[string]any{"text": tt.in, "list": []string{tt.in}}
			if err := writeJSON(u, v); err != nil {
				t.Fatalf("writeJSON(%q): %v", tt.in, err)
			}
			got := out.String()
			if i := strings.IndexFunc(got, func(r rune) bool {
				return r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
			}); i >= 0 {
				r, _ := utf8.DecodeRuneInString(got[i:])
				t.Errorf("writeJSON(%q): raw %U at byte %d of %s", tt.in, r, i, got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("writeJSON(%q): got %s, want it to contain %s", tt.in, got, tt.want)
			}
			var back map[string]any
			if err := json.Unmarshal(out.Bytes(), &back); err != nil {
				t.Fatalf("writeJSON(%q): invalid JSON: %v\n%s", tt.in, err, got)
			}
			if back["text"] != tt.in || back["list"].([]any)[0] != tt.in {
				t.Errorf("writeJSON(%q): decodes to %q, want the same text", tt.in, back["text"])
			}
		})
	}
}

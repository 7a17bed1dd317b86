package main

import (
	"strings"
	"testing"
	"unicode"

	"github.com/fatih/color"

	"github.com/docdrift/docdrift/normalize"
)

func TestWrapStyled(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"Total trade in goods grew 11-fold.", 12, []string{"Total trade", "in goods", "grew", "11-fold."}},
		{"我国货物贸易总额增长了11倍。", 10, []string{"我国货物贸", "易总额增长", "了11倍。"}},
		// "。" never starts a line: the character before it moves down.
		{"一二三四。五", 8, []string{"一二三", "四。五"}},
		{"a  b\n\nc", 20, []string{"a b c"}},
		{"Supercalifragilistic", 8, []string{"Supercal", "ifragili", "stic"}},
		{"esc\x1b[2J here", 40, []string{`esc\x1b[2J here`}},
		{"", 10, []string{""}},
	}
	for _, tt := range tests {
		got, widths := wrapStyled(tt.text, 0, nil, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for i, l := range got {
			if w := normalize.DisplayWidth(l); w != widths[i] || w > tt.width {
				t.Errorf("wrap(%q): line %q has width %d, reported %d, limit %d", tt.text, l, w, widths[i], tt.width)
			}
		}
	}
}

// TestWrapStyledKeepsText checks that wrapping loses no character but
// white space, and that colors wrap only what they highlight.
func TestWrapStyledKeepsText(t *testing.T) {
	text := "服务贸易规模超过1万亿美元。Trade in services exceeded US$2 trillion."
	green := color.New(color.FgGreen)
	green.EnableColor()
	start := strings.Index(text, "超过")
	end := strings.Index(text, "。")
	lines, _ := wrapStyled(text, 100, []highlight{{100 + start, 100 + end, green}}, 9)
	joined := strings.Join(lines, "")
	plain := strings.NewReplacer("\x1b[32m", "", "\x1b[0m", "").Replace(joined)
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune { return map[bool]rune{true: -1, false: r}[unicode.IsSpace(r)] }, s)
	}
	if squeeze(plain) != squeeze(text) {
		t.Errorf("wrapped text %q lost characters of %q", plain, text)
	}
	// At most one colored run per line, and together they are the span.
	var colored strings.Builder
	for _, l := range lines {
		if strings.Count(l, "\x1b[32m") > 1 {
			t.Errorf("line %q: more than one colored run", l)
		}
		if i := strings.Index(l, "\x1b[32m"); i >= 0 {
			colored.WriteString(l[i+5 : strings.Index(l, "\x1b[0m")])
		}
	}
	if colored.String() != text[start:end] {
		t.Errorf("colored %q, want %q", colored.String(), text[start:end])
	}
}

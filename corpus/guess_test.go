package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDateInName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"2025-07-16-qiushi", "2025-07-16"},
		{"2025-07", "2025-07"},
		{"1961_kennedy", "1961"},
		{"09-1969", "1969"},
		{"report_2024-03-05_final", "2024-03-05"},
		{"speech 1961 kennedy", "1961"},
		{"001.en", ""},
		{"v12345", ""},
		{"notes", ""},
	}
	for _, tt := range tests {
		if got, _ := DateInName(tt.name); got != tt.want {
			t.Errorf("DateInName(%q): got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDateFromText(t *testing.T) {
	tests := []struct {
		text, want string
		line       int
	}{
		{"As adopted effective January 24, 2012\n\nText.", "2012-01-24", 1},
		{"Title\nWashington, 5 March 2019\n", "2019-03-05", 2},
		{"标题\n\n（2012年11月8日）\n", "2012-11-08", 3},
		{"标题\n2012年11月\n", "2012-11", 2},
		{"Released 2020-02-30 and 2020-03-01", "2020-03-01", 0}, // an invalid date is passed over
		{"No date here.\n", "", 0},
		{strings.Repeat("line\n", datelineLines) + "May 1, 2000\n", "", 0},
	}
	for _, tt := range tests {
		got, line, _ := DateFromText(tt.text)
		if got != tt.want || (tt.line != 0 && line != tt.line) {
			t.Errorf("DateFromText(%q): got %q on line %d, want %q on line %d", tt.text, got, line, tt.want, tt.line)
		}
	}
}

func TestProposeTranslations(t *testing.T) {
	gs := []Guess{
		{ID: "s-zh", Date: "2023-09-27", Lang: "zh"},
		{ID: "s-en", Date: "2023-09-27", Lang: "en"},
		{ID: "a", Date: "2024", Lang: "en"},
		{ID: "b", Date: "2024", Lang: "en"},
		{ID: "001.en", Lang: "en"},
		{ID: "001.zh", Lang: "zh"},
		{ID: "x", Date: "2025", Lang: "zh"},
		{ID: "y", Date: "2025", Lang: "en"},
		{ID: "z", Date: "2025", Lang: "en"},
	}
	ProposeTranslations(gs)
	got := map[string]string{}
	for _, g := range gs {
		if g.TranslationOf != "" {
			got[g.ID] = g.TranslationOf
			if g.Notes["translation_of"] == "" {
				t.Errorf("%s: translation_of proposed without a note", g.ID)
			}
		}
	}
	want := map[string]string{"s-en": "s-zh", "001.en": "001.zh"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ProposeTranslations (-want +got):\n%s", d)
	}
}

func TestIDFromName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"09-1969", "09-1969"},
		{"my notes (draft)", "my-notes-draft"},
		{"数据 2024", "数据-2024"},
		{"!!!", "doc"},
	}
	for _, tt := range tests {
		if got := IDFromName(tt.name); got != tt.want {
			t.Errorf("IDFromName(%q): got %q, want %q", tt.name, got, tt.want)
		}
	}
}

package main

import "testing"

func TestShellQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"fixtures/opening-up/qiushi-2024.txt", "fixtures/opening-up/qiushi-2024.txt"},
		{"my corpus/a.txt", "'my corpus/a.txt'"},
		{"it's.txt", `'it'\''s.txt'`},
		{"$HOME/x", "'$HOME/x'"},
		{"数据/报告.txt", "数据/报告.txt"},
		{"a\tb", "'a\tb'"},
		{"", "''"},
	}
	for _, tt := range tests {
		if got := shellQuote(tt.in); got != tt.want {
			t.Errorf("shellQuote(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

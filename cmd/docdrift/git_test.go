package main

import (
	"slices"
	"strings"
	"testing"
)

func TestGitArgs(t *testing.T) {
	hexA, hexB := strings.Repeat("a", 40), strings.Repeat("b", 40)
	tests := []struct {
		args []string
		want []string // nil: not git's form
	}{
		{[]string{"docdrift", "s.txt", "/tmp/old", hexA, "100644", "s.txt", hexB, "100644"},
			[]string{"docdrift", "diff", "--git", "--old-label", "s.txt@aaaaaaa", "--new-label", "s.txt@bbbbbbb", "/tmp/old", "s.txt"}},
		{[]string{"docdrift", "n.txt", "/dev/null", ".", ".", "n.txt", hexB, "100644"},
			[]string{"docdrift", "diff", "--git", "--old-label", "n.txt", "--new-label", "n.txt@bbbbbbb", "/dev/null", "n.txt"}},
		{[]string{"docdrift", "a.txt", "/tmp/old", hexA, "100644", "/tmp/new", hexB, "100644", "b.txt", "similarity index 90%"},
			[]string{"docdrift", "diff", "--git", "--old-label", "a.txt@aaaaaaa", "--new-label", "b.txt@bbbbbbb", "/tmp/old", "/tmp/new"}},
		{[]string{"docdrift", "diff", "a", "b", "c", "d", "e", "f"}, nil},
		{[]string{"docdrift", "s.txt", "/tmp/old", "nothex", "100644", "s.txt", hexB, "100644"}, nil},
		{[]string{"docdrift", "diff", "old.txt", "new.txt"}, nil},
	}
	for _, tt := range tests {
		got, ok := gitArgs(tt.args)
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("gitArgs(%q) = %q, %v; want %q", tt.args, got, ok, tt.want)
		}
	}
}

// FuzzGitArgs: any command line either is left alone or becomes a diff
// of two files with labels.
func FuzzGitArgs(f *testing.F) {
	f.Add("s.txt", "/tmp/old", strings.Repeat("a", 40), "100644", "s.txt", strings.Repeat("b", 40), "100644")
	f.Add("diff", "a", "b", "c", "d", "e", "f")
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h string) {
		out, ok := gitArgs([]string{"docdrift", a, b, c, d, e, g, h})
		if !ok {
			return
		}
		if len(out) != 9 || out[1] != "diff" || out[2] != "--git" || out[7] != b || out[8] != e {
			t.Fatalf("gitArgs gave %q", out)
		}
	})
}

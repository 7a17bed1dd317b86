package main

import (
	"errors"
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
		// Flags before git's arguments (diff.docdrift.command "docdrift --min-level figure").
		{[]string{"docdrift", "--min-level", "figure", "s.txt", "/tmp/old", hexA, "100644", "s.txt", hexB, "100644"},
			[]string{"docdrift", "diff", "--git", "--min-level", "figure", "--old-label", "s.txt@aaaaaaa", "--new-label", "s.txt@bbbbbbb", "/tmp/old", "s.txt"}},
		{[]string{"docdrift", "--color=always", "--no-cache", "a.txt", "/tmp/old", hexA, "100644", "/tmp/new", hexB, "100644", "b.txt", "similarity index 90%"},
			[]string{"docdrift", "diff", "--git", "--color=always", "--no-cache", "--old-label", "a.txt@aaaaaaa", "--new-label", "b.txt@bbbbbbb", "/tmp/old", "/tmp/new"}},
		// What comes before them must start with a flag.
		{[]string{"docdrift", "diff", "s.txt", "/tmp/old", hexA, "100644", "s.txt", hexB, "100644"}, nil},
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

func TestGitColor(t *testing.T) {
	tests := []struct {
		name             string
		tty, pager       bool
		noColor, dumb    bool
		git              string // what git config --get-colorbool says; "" for an error
		want             bool
		wantAskedWithTTY bool
	}{
		{name: "git's pager, color.ui auto", pager: true, git: "true", want: true, wantAskedWithTTY: true},
		{name: "git's pager, color.ui never", pager: true, git: "false", want: false, wantAskedWithTTY: true},
		{name: "a pipe, no pager", git: "false", want: false},
		{name: "a pipe, color.ui always", git: "true", want: true},
		{name: "a terminal", tty: true, git: "true", want: true, wantAskedWithTTY: true},
		{name: "NO_COLOR wins", pager: true, noColor: true, git: "true", want: false},
		{name: "no git to ask: the pager counts as a terminal", pager: true, want: true},
		{name: "no git to ask, TERM=dumb", pager: true, dumb: true, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var askedTTY bool
			ask := func(tty bool) (string, error) {
				askedTTY = tty
				if tt.git == "" {
					return "", errors.New("git: not found")
				}
				return tt.git, nil
			}
			if got := gitColor(tt.tty, tt.pager, tt.noColor, tt.dumb, ask); got != tt.want {
				t.Errorf("gitColor: got %v, want %v", got, tt.want)
			}
			if tt.git != "" && !tt.noColor && askedTTY != tt.wantAskedWithTTY {
				t.Errorf("gitColor asked git with stdout-is-tty %v, want %v", askedTTY, tt.wantAskedWithTTY)
			}
		})
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

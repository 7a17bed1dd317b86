package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestEveryFormat runs every command in every output format: each either
// writes that format (JSON that parses, Markdown that is not the text
// output) or refuses it with a usage error, exit status 2; none prints
// its text output instead.
func TestEveryFormat(t *testing.T) {
	const fx = "../../fixtures/opening-up"
	commands := []struct {
		name string
		args []string
		// textIsMarkdown: the command's text output is Markdown already.
		textIsMarkdown bool
	}{
		{"timeline", []string{"timeline", fx}, false},
		{"check", []string{"check", fx}, true},
		{"normalize", []string{"normalize", fx + "/qiushi-2024.txt"}, false},
		{"diff", []string{"diff", fx + "/qiushi-2024.txt", fx + "/qiushi-2025.txt"}, false},
		{"figures", []string{"figures", fx}, false},
		{"themes", []string{"themes", fx}, false},
		{"kwic", []string{"kwic", "opening", fx}, false},
		{"init", []string{"init", t.TempDir()}, false},
	}
	runOut := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), append([]string{"docdrift", "--no-cache"}, args...), &out, &errOut)
		return out.String(), errOut.String(), code
	}
	for _, c := range commands {
		text, _, _ := runOut(append([]string{"--format", "text"}, c.args...)...)
		for _, format := range []string{"json", "markdown", "html"} {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				out, errOut, code := runOut(append([]string{"--format", format}, c.args...)...)
				if code == exitTrouble {
					if !strings.Contains(errOut, "--format") {
						t.Errorf("%s --format %s: status 2 without saying why the format is refused: %s", c.name, format, errOut)
					}
					return
				}
				switch format {
				case "json":
					var v map[string]any
					if err := json.Unmarshal([]byte(out), &v); err != nil {
						t.Errorf("%s --format json: not JSON (%v): %.200s", c.name, err, out)
					}
				case "markdown":
					if out == text && !c.textIsMarkdown {
						t.Errorf("%s --format markdown: the text output, not Markdown", c.name)
					}
				case "html":
					if !strings.HasPrefix(out, "<!DOCTYPE html>") {
						t.Errorf("%s --format html: not HTML: %.200s", c.name, out)
					}
				}
			})
		}
	}
}

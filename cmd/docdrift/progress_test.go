package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vbauerster/mpb/v8"
)

// TestProgressDraws draws a bar into a buffer (as on a terminal) and
// checks that it names its stage and counts to the end.
func TestProgressDraws(t *testing.T) {
	var b bytes.Buffer
	p := startProgress(&b, "reading", 3, mpb.WithAutoRefresh())
	for range 3 {
		p.step()
	}
	p.done()
	if out := b.String(); !strings.Contains(out, "docdrift: reading") || !strings.Contains(out, "3/3") {
		t.Errorf("progress output %q: want the stage name and 3/3", out)
	}
	var none *progress // what newProgress returns when no bar is shown
	none.step()
	none.set(2)
	none.done()
}

// TestProgressQuietOffTerminal runs timeline on a corpus large enough for
// a bar, with stderr not a terminal: stderr must stay empty.
func TestProgressQuietOffTerminal(t *testing.T) {
	dir := t.TempDir()
	for i := range progressMin + 5 {
		text := fmt.Sprintf("Statement %d.\n\nExports rose %d percent in %d.\n\nThe council will meet again.\n", i, i%7+1, 2000+i)
		name := filepath.Join(dir, fmt.Sprintf("%d-01-01-statement.txt", 1950+i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"docdrift", "timeline", dir}, &out, &errb)
	if code != 0 || errb.Len() > 0 {
		t.Errorf("timeline on %d documents: exit %d, stderr %q; want 0 and nothing", progressMin+5, code, errb.String())
	}
	if got := strings.Count(out.String(), "→"); got < progressMin {
		t.Errorf("timeline printed %d steps, want at least %d", got, progressMin)
	}
}

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/docdrift/docdrift/internal/edition"
)

func TestMain(m *testing.M) {
	// Tests run in-process keep their cache in a folder of their own,
	// removed when they end, never in the user's cache folder.
	dir, err := os.MkdirTemp("", "docdrift-test-cache")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv(cacheDirEnv, dir)
	testscript.Main(cleanupM{m, dir}, map[string]func(){
		"docdrift": func() { os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr)) },
	})
}

// cleanupM runs the tests, then removes the tests' cache folder.
type cleanupM struct {
	m   *testing.M
	dir string
}

func (c cleanupM) Run() int {
	defer os.RemoveAll(c.dir)
	return c.m.Run()
}

// TestScripts runs the CLI scripts in testdata/script: the real command,
// its stdout, stderr and exit status. $FIXTURES is the fixtures folder.
func TestScripts(t *testing.T) {
	fixtures, err := filepath.Abs("../../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("FIXTURES", fixtures)
			env.Setenv("README", filepath.Join(filepath.Dir(fixtures), "README.md"))
			env.Setenv("NO_COLOR", "")
			// Each script has a cache of its own, in its work folder.
			env.Setenv(cacheDirEnv, filepath.Join(env.WorkDir, ".cache"))
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"writebytes": writeBytes,
			"encode":     encodeFile,
			"longline":   longLine,
			"oddname":    oddName,
			"cirecipe":   ciRecipe,
		},
	})
}

// writebytes FILE QUOTED writes the Go-quoted string QUOTED ("caf\xe9")
// to FILE, so that scripts can make binary and invalid input.
func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE QUOTED")
	}
	s, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(s), 0o644))
}

// oddname VAR QUOTED SRC copies SRC to the file whose name is the
// Go-quoted string QUOTED ("a\x1b[2J\nb.txt") and sets $VAR to that name,
// so that scripts can pass names no script line can hold.
func oddName(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: oddname VAR QUOTED SRC")
	}
	name, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	data, err := os.ReadFile(ts.MkAbs(args[2]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(name), data, 0o644))
	ts.Setenv(args[0], name)
}

// encode ENCODING SRC DST writes SRC converted from UTF-8 to ENCODING
// (gb18030, utf-16le-bom) to DST.
func encodeFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: encode ENCODING SRC DST")
	}
	encs := map[string]encoding.Encoding{
		"gb18030":      simplifiedchinese.GB18030,
		"utf-16le-bom": xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM),
	}
	enc, ok := encs[args[0]]
	if !ok {
		ts.Fatalf("unknown encoding %s", args[0])
	}
	src, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	out, err := enc.NewEncoder().Bytes(src)
	if err != nil {
		ts.Fatalf("%v", fmt.Errorf("encode %s: %w", args[1], err))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}

// longline WORDS FILE [OLD NEW] writes one line of WORDS words with no
// sentence break to FILE, its first OLD replaced by NEW.
func longLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || (len(args) != 2 && len(args) != 4) {
		ts.Fatalf("usage: longline WORDS FILE [OLD NEW]")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	text := edition.Line(n)
	if len(args) == 4 {
		text = strings.Replace(text, args[2], args[3], 1)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(text+"\n"), 0o644))
}

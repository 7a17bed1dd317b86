package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadFixtureManifest(t *testing.T) {
	c, err := Load([]string{"../fixtures/opening-up"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range c.Documents {
		got = append(got, d.ID+" "+d.Date+" "+d.Lang)
	}
	want := []string{
		"speech-2023-zh 2023-09-27 zh", "speech-2023-en 2023-09-27 en",
		"qiushi-2024 2024-08-16 en", "qiushi-2025 2025-07-16 en", "interview-2025 2025-12-29 en",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(fixtures) documents (-want +got):\n%s", diff)
	}
	if c.Title != "High-standard opening up, 2023-2025" || c.Documents[1].TranslationOf != "speech-2023-zh" {
		t.Errorf("Load(fixtures): title %q, translation_of %q", c.Title, c.Documents[1].TranslationOf)
	}
	if _, err := os.Stat(c.Documents[0].Path); err != nil {
		t.Errorf("document path does not resolve: %v", err)
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestManifestErrors(t *testing.T) {
	doc := func(extra string) string {
		return "title: T\ndocuments:\n  - id: a\n    file: a.txt\n    date: 2024-01-02\n    lang: en\n" + extra
	}
	tests := []struct {
		name, manifest string
		want           string // substring of the error: file:line: field: message
	}{
		{"unknown field", doc("    titel: x\n"), "docdrift.yaml:7: unknown field \"titel\""},
		{"bad date", doc("  - id: b\n    file: a.txt\n    date: 2024-13-01\n"), "docdrift.yaml:9: documents[1].date: \"2024-13-01\" is not an ISO date"},
		{"duplicate id", doc("  - id: a\n    file: a.txt\n    date: 2024-01-03\n"), "docdrift.yaml:7: documents[1].id: duplicate id \"a\""},
		{"missing file", doc("  - id: b\n    file: gone.txt\n    date: 2024-01-03\n"), "docdrift.yaml:8: documents[1].file:"},
		{"file outside the folder", doc("  - id: b\n    file: ../secret.txt\n    date: 2024-01-03\n"), "documents[1].file: \"../secret.txt\" is outside the manifest's directory"},
		{"absolute file", doc("  - id: b\n    file: /etc/passwd\n    date: 2024-01-03\n"), "is outside the manifest's directory"},
		{"unknown language", doc("  - id: b\n    file: a.txt\n    date: 2024-01-03\n    lang: fr\n"), "docdrift.yaml:10: documents[1].lang: \"fr\": docdrift reads en and zh"},
		{"bad translation_of", doc("    translation_of: zz\n"), "documents[0].translation_of: \"zz\" is not the id of another document"},
		{"translation_of cycle", doc("    translation_of: b\n  - id: b\n    file: a.txt\n    date: 2024-01-03\n    translation_of: a\n"),
			"docdrift.yaml:7: documents[0].translation_of: cycle a → b → a: each translates the next"},
		{"translation_of cycle of three, reached from outside it", doc("  - {id: e, file: a.txt, date: 2024, translation_of: c}\n  - {id: b, file: a.txt, date: 2024, translation_of: c}\n  - {id: c, file: a.txt, date: 2024, translation_of: d}\n  - {id: d, file: a.txt, date: 2024, translation_of: b}\n"),
			"docdrift.yaml:8: documents[2].translation_of: cycle b → c → d → b"},
		{"missing date", "documents:\n  - id: a\n    file: a.txt\n", "docdrift.yaml:2: documents[0]: missing date"},
		{"no documents", "title: T\n", "documents: no documents listed"},
		{"syntax error", "documents: [\n", "docdrift.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"docdrift.yaml": tt.manifest, "a.txt": "text"})
			_, err := Load([]string{dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load: got error %v, want one containing %q", err, tt.want)
			}
			var me *ManifestError
			if err != nil && !errors.As(err, &me) {
				t.Errorf("Load: error %T is not a *ManifestError", err)
			}
		})
	}
}

// TestSymlinks: a file reached through a link counts where the link
// leads. A link to a file outside the corpus folder (/etc/passwd) is
// refused as a path outside it is; links that stay inside, and a corpus
// folder that is itself reached through a link, are fine.
func TestSymlinks(t *testing.T) {
	outside, err := filepath.EvalSymlinks(writeFiles(t, map[string]string{"secret.txt": "root:x:0:0", "sub/b.txt": "x"}))
	if err != nil {
		t.Fatal(err)
	}
	manifest := "documents:\n  - {id: a, file: a.txt, date: 2024}\n  - {id: b, file: %s, date: 2025}\n"
	tests := []struct {
		name, file string
		link       map[string]string // link name in the corpus folder -> target ("rel:" made relative)
		want       string            // substring of the error; "" for none
	}{
		{"link to a file outside", "b.txt", map[string]string{"b.txt": filepath.Join(outside, "secret.txt")},
			`docdrift.yaml:3: documents[1].file: "b.txt" is a link to ` + filepath.Join(outside, "secret.txt") + `, outside the manifest's directory`},
		{"relative link out", "b.txt", map[string]string{"b.txt": "rel:" + filepath.Join(outside, "secret.txt")}, "outside the manifest's directory"},
		{"folder linked outside", "sub/b.txt", map[string]string{"sub": filepath.Join(outside, "sub")}, "outside the manifest's directory"},
		{"link inside", "b.txt", map[string]string{"b.txt": "a.txt"}, ""},
		{"link to a folder inside", "docs/a.txt", map[string]string{"docs": "."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"docdrift.yaml": fmt.Sprintf(manifest, tt.file), "a.txt": "text"})
			for name, target := range tt.link {
				if abs, ok := strings.CutPrefix(target, "rel:"); ok {
					target, _ = filepath.Rel(dir, abs)
				}
				if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
					t.Skipf("no symbolic links here: %v", err)
				}
			}
			_, err := Load([]string{dir})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Load: %v; want no error", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Load: got error %v, want one containing %q", err, tt.want)
			}
		})
	}
	t.Run("corpus folder reached through a link", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"docdrift.yaml": fmt.Sprintf(manifest, "b.txt"), "a.txt": "x", "b.txt": "y"})
		link := filepath.Join(t.TempDir(), "corpus")
		if err := os.Symlink(dir, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		if _, err := Load([]string{link}); err != nil {
			t.Errorf("Load(%s): %v", link, err)
		}
	})
}

func TestDatedDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"2025-07-16-qiushi.txt": "x", "2025-07.txt": "x", "1961_kennedy.txt": "x",
		"2025-07-16-aaa.txt": "x", "README.md": "x", "manifest.tsv": "x", "2023-13-01.txt": "x",
	})
	c, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range c.Documents {
		got = append(got, d.ID+"@"+d.Date)
	}
	want := []string{"1961_kennedy@1961", "2025-07@2025-07", "2025-07-16-aaa@2025-07-16", "2025-07-16-qiushi@2025-07-16"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dated directory (-want +got):\n%s", diff)
	}
	if len(c.Skipped) != 3 {
		t.Errorf("want 3 skipped files (README.md, manifest.tsv, 2023-13-01.txt), got %q", c.Skipped)
	}
}

// TestDatedDirectoryLinks: in a dated directory, a link to a file outside
// it is skipped and reported, as is a link to nothing; a link inside is
// read.
func TestDatedDirectoryLinks(t *testing.T) {
	outside, err := filepath.EvalSymlinks(writeFiles(t, map[string]string{"passwd": "root:x:0:0"}))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"2024-a.txt": "x"})
	for name, target := range map[string]string{
		"2025-passwd.txt": filepath.Join(outside, "passwd"), "2025-b.txt": "2024-a.txt", "2026-gone.txt": "nothing.txt",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	c, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range c.Documents {
		got = append(got, d.ID)
	}
	if diff := cmp.Diff([]string{"2024-a", "2025-b"}, got); diff != "" {
		t.Errorf("dated directory with links (-want +got):\n%s", diff)
	}
	want := []string{"2025-passwd.txt: a link to " + filepath.Join(outside, "passwd") + ", outside the folder", "2026-gone.txt: a link that leads to no file"}
	if diff := cmp.Diff(want, c.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

func TestFileList(t *testing.T) {
	dir := writeFiles(t, map[string]string{"b/new.txt": "x", "a/new.txt": "x", "2024-old.txt": "x"})
	c, err := Load([]string{filepath.Join(dir, "b/new.txt"), filepath.Join(dir, "2024-old.txt"), filepath.Join(dir, "a/new.txt")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range c.Documents {
		got = append(got, d.ID+"@"+d.Date)
	}
	if diff := cmp.Diff([]string{"new@", "2024-old@2024", "new-2@"}, got); diff != "" {
		t.Errorf("file list keeps the order given, with unique ids (-want +got):\n%s", diff)
	}
	if _, err := Load([]string{filepath.Join(dir, "nope.txt")}); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "nope.txt")+": ") {
		t.Errorf("missing file: got %v, want an error starting with the path", err)
	}
	if _, err := Load(nil); err == nil {
		t.Error("Load(nil): want an error")
	}
}

func TestDateFromName(t *testing.T) {
	for name, want := range map[string]string{
		"2025-07-16-qiushi": "2025-07-16", "2025-07": "2025-07", "1961_kennedy": "1961", "2025.07.16": "2025-07-16",
		"20250716": "", "qiushi-2025": "", "2025-02-30": "", "12345": "", "2024 speech": "2024",
	} {
		if got := DateFromName(name); got != want {
			t.Errorf("DateFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

// FuzzManifest checks that no manifest makes LoadManifest panic:
//
//	go test ./corpus -run '^$' -fuzz FuzzManifest -fuzztime 1m
func FuzzManifest(f *testing.F) {
	seed, err := os.ReadFile("../fixtures/opening-up/docdrift.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("documents:\n  - {id: a, file: a.txt, date: 2024}\n")
	f.Add("documents: [")
	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, manifest string) {
		path := filepath.Join(dir, ManifestName)
		if err := os.WriteFile(path, []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadManifest(path)
		if err == nil && len(c.Documents) == 0 {
			t.Fatal("LoadManifest returned no documents and no error")
		}
	})
}

// Package corpus finds the documents of a corpus and puts them in date
// order.
//
// A corpus is named on the command line in one of three ways:
//
//   - a directory holding a manifest, docdrift.yaml (see Manifest), which
//     gives each document an id, a file, a date, a language and a title;
//   - a directory of text files whose names start with a date:
//     2025-07-16-qiushi.txt, 2025-07.txt, 1961_kennedy.txt (YYYY, YYYY-MM or
//     YYYY-MM-DD, then the end of the name or a separator). The id is the
//     name without its extension; documents with the same date go by name;
//     files whose names carry no date are skipped and reported;
//   - a list of files, kept in the order given; a date is read from each
//     name where it has one.
//
// The package reads only names and the manifest: it never opens the
// documents themselves, so a document's language, when the manifest does
// not give it, is left empty for the caller to detect.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docdrift/docdrift/internal/lazyre"
)

// ManifestName is the file name that makes a directory a manifest corpus.
const ManifestName = "docdrift.yaml"

// Document is one document of a corpus.
type Document struct {
	ID    string `json:"id"`
	Date  string `json:"date,omitempty"` // YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown
	Lang  string `json:"lang,omitempty"` // BCP 47 primary tag; empty when to be detected
	Title string `json:"title,omitempty"`
	// Source and TranslationOf come from the manifest only.
	Source        string `json:"source,omitempty"`
	TranslationOf string `json:"translation_of,omitempty"`
	// Path is the file to read, as the user can open it.
	Path string `json:"path"`
}

// Corpus is an ordered set of documents.
type Corpus struct {
	Title     string
	Documents []Document
	// Skipped lists files of a dated directory that were left out, each
	// with the reason.
	Skipped []string
}

// Load reads the corpus named by args: one directory (with or without a
// manifest) or a list of files.
func Load(args []string) (*Corpus, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("no corpus given: name a directory or files")
	}
	if len(args) == 1 {
		info, err := os.Stat(args[0])
		if err != nil {
			return nil, pathError(err)
		}
		if info.IsDir() {
			manifest := filepath.Join(args[0], ManifestName)
			if _, err := os.Stat(manifest); err == nil {
				return LoadManifest(manifest)
			}
			return loadDatedDir(args[0])
		}
	}
	return loadFiles(args)
}

// pathError words a file-system error as "PATH: reason" rather than Go's
// "stat PATH: reason".
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// dateRE matches a date at the start of a file name.
var dateRE = lazyre.New(`^(\d{4})(?:[-_.](\d{2}))?(?:[-_.](\d{2}))?(?:[-_. ]|$)`)

// DateFromName returns the date at the start of a file name (without its
// directory or extension), or "" if it has none.
func DateFromName(name string) string {
	m := dateRE.FindStringSubmatch(name)
	if m == nil {
		return ""
	}
	date := m[1]
	for _, part := range m[2:] {
		if part == "" {
			break
		}
		date += "-" + part
	}
	if ValidDate(date) != nil {
		return ""
	}
	return date
}

// ValidDate checks that s is an ISO date: YYYY, YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) error {
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	layout, ok := layouts[len(s)]
	if !ok {
		return fmt.Errorf("%q is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)", s)
	}
	if _, err := time.Parse(layout, s); err != nil {
		return fmt.Errorf("%q is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)", s)
	}
	return nil
}

// textExts are the file endings a dated directory is searched for.
var textExts = []string{".txt", ".text", ".md", ".html", ".htm"}

func loadDatedDir(dir string) (*Corpus, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Title: filepath.Base(filepath.Clean(dir))}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(name))
		if !slices.Contains(textExts, ext) {
			c.Skipped = append(c.Skipped, fmt.Sprintf("%s: not a text file (%s)", name, strings.Join(textExts, ", ")))
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			real, out, err := linksOutside(dir, filepath.Join(dir, name))
			switch {
			case err != nil:
				c.Skipped = append(c.Skipped, fmt.Sprintf("%s: a link that leads to no file", name))
				continue
			case out:
				c.Skipped = append(c.Skipped, fmt.Sprintf("%s: a link to %s, outside the folder", name, real))
				continue
			}
		}
		id := strings.TrimSuffix(name, filepath.Ext(name))
		date := DateFromName(id)
		if date == "" {
			c.Skipped = append(c.Skipped, fmt.Sprintf("%s: name does not start with a date", name))
			continue
		}
		c.Documents = append(c.Documents, Document{ID: id, Date: date, Path: filepath.Join(dir, name)})
	}
	if len(c.Documents) == 0 {
		return nil, fmt.Errorf("%s: no %s and no text files whose names start with a date (YYYY, YYYY-MM or YYYY-MM-DD): docdrift init %s writes a manifest to start from", dir, ManifestName, dir)
	}
	slices.SortStableFunc(c.Documents, func(a, b Document) int {
		if a.Date != b.Date {
			return strings.Compare(a.Date, b.Date)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return c, nil
}

// linksOutside returns where path leads once every symbolic link on the
// way is followed, and whether that is outside dir (whose own links are
// followed too, so a corpus folder reached through a link is fine).
func linksOutside(dir, path string) (real string, outside bool, err error) {
	base, err := realPath(dir)
	if err != nil {
		return "", false, err
	}
	real, err = realPath(path)
	if err != nil {
		return "", false, err
	}
	rel, err := filepath.Rel(base, real)
	return real, err != nil || !filepath.IsLocal(rel), nil
}

// realPath returns the absolute path of path with every link followed:
// absolute, so that a relative folder and an absolute link compare.
func realPath(path string) (string, error) {
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", err
	}
	return filepath.Abs(p)
}

func loadFiles(paths []string) (*Corpus, error) {
	c := &Corpus{}
	seen := map[string]int{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, pathError(err)
		}
		if info.IsDir() {
			return nil, fmt.Errorf("%s: is a directory; name one directory alone, or files", p)
		}
		base := filepath.Base(p)
		id := strings.TrimSuffix(base, filepath.Ext(base))
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		c.Documents = append(c.Documents, Document{ID: id, Date: DateFromName(id), Path: p})
	}
	return c, nil
}

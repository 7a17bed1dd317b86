package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/docdrift/docdrift/internal/lazyre"
	"github.com/docdrift/docdrift/internal/yamlalias"
)

// Manifest is the content of a docdrift.yaml file:
//
//	title: High-standard opening up, 2023-2025
//	documents:
//	  - id: speech-2023-zh          # unique, used in every output
//	    file: speech-2023.zh.txt    # relative to the manifest
//	    date: 2023-09-27            # ISO date: the order of the timeline
//	    lang: zh                    # en | zh (BCP 47 primary tag)
//	    title: 习近平在中共中央政治局第八次集体学习时强调
//	    source: Xinhua              # optional
//	    translation_of: speech-2023-en   # optional
//
// Unknown fields are errors, so that a misspelt key is never ignored.
type Manifest struct {
	Title     string          `yaml:"title"`
	Documents []manifestEntry `yaml:"documents"`
}

type manifestEntry struct {
	ID            string `yaml:"id"`
	File          string `yaml:"file"`
	Date          string `yaml:"date"`
	Lang          string `yaml:"lang"`
	Title         string `yaml:"title"`
	Source        string `yaml:"source"`
	TranslationOf string `yaml:"translation_of"`
}

// Languages are the document languages docdrift reads.
var Languages = []string{"en", "zh"}

var idRE = lazyre.New(`^[\p{L}\p{N}][\p{L}\p{N}._-]*$`)

// ManifestError is a problem in a manifest, located by line and field.
type ManifestError struct {
	Path  string
	Line  int    // 0 when unknown
	Field string // such as documents[1].date; empty for syntax errors
	Msg   string
}

func (e *ManifestError) Error() string {
	loc := e.Path
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// LoadManifest reads a docdrift.yaml file and returns its corpus in date
// order (documents of the same date keep the manifest's order). It checks
// that the YAML has only known fields, that every document has a unique
// id, a file inside the manifest's directory that exists, an ISO date, a
// known language, and that translation_of names another document.
func LoadManifest(path string) (*Corpus, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := decodeManifest(data)
	if err != nil {
		return nil, yamlError(path, err)
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(path, err)
	}
	v := validator{path: path, file: file, dir: filepath.Dir(path)}
	c := &Corpus{Title: m.Title}
	if len(m.Documents) == 0 {
		return nil, v.errorf("documents", "no documents listed")
	}
	ids := map[string]int{}
	for i, e := range m.Documents {
		doc, err := v.entry(i, e, ids)
		if err != nil {
			return nil, err
		}
		ids[e.ID] = i
		c.Documents = append(c.Documents, doc)
	}
	for i, d := range c.Documents {
		if d.TranslationOf == "" {
			continue
		}
		if _, ok := ids[d.TranslationOf]; !ok || d.TranslationOf == d.ID {
			return nil, v.errorf(fmt.Sprintf("documents[%d].translation_of", i), "%q is not the id of another document", d.TranslationOf)
		}
	}
	if cycle := translationCycle(c.Documents, ids); cycle != nil {
		names := make([]string, len(cycle)+1)
		for k, j := range cycle {
			names[k] = c.Documents[j].ID
		}
		names[len(cycle)] = names[0]
		return nil, v.errorf(fmt.Sprintf("documents[%d].translation_of", slices.Min(cycle)),
			"cycle %s: each translates the next, so none is the original", strings.Join(names, " → "))
	}
	slices.SortStableFunc(c.Documents, func(a, b Document) int { return strings.Compare(a.Date, b.Date) })
	return c, nil
}

// translationCycle returns the indices of documents whose translation_of
// links go round in a circle (a → b → a), in link order from the lowest,
// or nil when there is none. Every translation_of must name a document
// in ids. Each document is followed once: O(n).
func translationCycle(docs []Document, ids map[string]int) []int {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int, len(docs))
	for start := range docs {
		var path []int
		j := start
		for state[j] == unseen {
			state[j] = onPath
			path = append(path, j)
			next, ok := ids[docs[j].TranslationOf]
			if !ok {
				break
			}
			j = next
		}
		if state[j] == onPath && docs[j].TranslationOf != "" {
			cycle := path[slices.Index(path, j):]
			low := slices.Index(cycle, slices.Min(cycle))
			return append(slices.Clone(cycle[low:]), cycle[:low]...)
		}
		for _, k := range path {
			state[k] = done
		}
	}
	return nil
}

// decodeManifest parses the YAML strictly, after refusing aliases that
// expand too far (yamlalias.Check). goccy/go-yaml v1.19.2 panics on
// some malformed input (FuzzManifest found "documents:\n !0 #0": a tag
// on an empty value); such a panic is turned into an error so that a bad
// manifest is reported, never a crash.
func decodeManifest(data []byte) (m Manifest, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not a manifest the YAML parser can read (%v)", r)
		}
	}()
	if err := yamlalias.Check(data); err != nil {
		return m, err
	}
	err = yaml.UnmarshalWithOptions(data, &m, yaml.Strict())
	return m, err
}

type validator struct {
	path, dir string
	file      *ast.File
}

func (v validator) entry(i int, e manifestEntry, ids map[string]int) (Document, error) {
	field := func(name string) string { return fmt.Sprintf("documents[%d].%s", i, name) }
	switch {
	case e.ID == "":
		return Document{}, v.errorf(fmt.Sprintf("documents[%d]", i), "missing id")
	case !idRE.MatchString(e.ID):
		return Document{}, v.errorf(field("id"), "%q: use letters, digits, '.', '_' and '-' only", e.ID)
	}
	if j, dup := ids[e.ID]; dup {
		return Document{}, v.errorf(field("id"), "duplicate id %q (also documents[%d])", e.ID, j)
	}
	if e.File == "" {
		return Document{}, v.errorf(fmt.Sprintf("documents[%d]", i), "missing file")
	}
	path, err := v.resolve(e.File)
	if err != nil {
		return Document{}, v.errorf(field("file"), "%v", err)
	}
	if e.Date == "" {
		return Document{}, v.errorf(fmt.Sprintf("documents[%d]", i), "missing date")
	}
	if err := ValidDate(e.Date); err != nil {
		return Document{}, v.errorf(field("date"), "%v", err)
	}
	if e.Lang != "" && !slices.Contains(Languages, e.Lang) {
		return Document{}, v.errorf(field("lang"), "%q: docdrift reads %s", e.Lang, strings.Join(Languages, " and "))
	}
	return Document{
		ID: e.ID, Date: e.Date, Lang: e.Lang, Title: e.Title, Source: e.Source,
		TranslationOf: e.TranslationOf, Path: path,
	}, nil
}

// resolve returns the path of a document file, which must exist and lie
// inside the manifest's directory, also once links are followed.
func (v validator) resolve(file string) (string, error) {
	if filepath.IsAbs(file) || !filepath.IsLocal(file) {
		return "", fmt.Errorf("%q is outside the manifest's directory: name files relative to it, without ..", file)
	}
	path := filepath.Join(v.dir, file)
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("%s: no such file", path)
		}
		return "", err
	}
	if info.IsDir() {
		return "", fmt.Errorf("%s: is a directory", path)
	}
	if err := v.inside(file, path); err != nil {
		return "", err
	}
	return path, nil
}

// inside checks that the file at path, once its symbolic links (and the
// links of the manifest's directory) are followed, still lies inside the
// manifest's directory: a link in a corpus must not show a file from
// elsewhere (/etc/passwd) in kwic, diff or an HTML report.
func (v validator) inside(file, path string) error {
	real, out, err := linksOutside(v.dir, path)
	if err != nil {
		return err
	}
	if out {
		return fmt.Errorf("%q is a link to %s, outside the manifest's directory", file, real)
	}
	return nil
}

// errorf makes a ManifestError for a field given as a path such as
// documents[1].date, finding its line in the YAML.
func (v validator) errorf(field, format string, args ...any) error {
	return &ManifestError{Path: v.path, Line: v.line(field), Field: field, Msg: fmt.Sprintf(format, args...)}
}

func (v validator) line(field string) int {
	p, err := yaml.PathString("$." + field)
	if err != nil {
		return 0
	}
	node, err := p.FilterFile(v.file)
	if err != nil || node == nil || node.GetToken() == nil {
		return 0
	}
	return node.GetToken().Position.Line
}

func yamlError(path string, err error) error {
	var aerr *yamlalias.Error
	if errors.As(err, &aerr) {
		return &ManifestError{Path: path, Line: aerr.Line, Msg: aerr.Error()}
	}
	var yerr yaml.Error
	if errors.As(err, &yerr) && yerr.GetToken() != nil {
		return &ManifestError{Path: path, Line: yerr.GetToken().Position.Line, Msg: yerr.GetMessage()}
	}
	return &ManifestError{Path: path, Msg: err.Error()}
}

// Package themes follows concepts — slogans, policies, terms of art — through
// a corpus: which wordings each document uses, how often, and how that
// changes from one document to the next.
//
// A Glossary maps each concept to its wordings in English and Chinese
// ("community with a shared future for mankind" = "global community of
// shared future" = 人类命运共同体). Matching is on stems of canonical tokens
// (package normalize), so inflection ("invest"/"investing"), hyphens and
// spaces ("opening-up"/"opening up"), quotes, case and line breaks do not
// matter; Chinese matches character by character with spaces removed, on
// the word boundaries of package segment. No match crosses a clause
// break; Matcher.Find says what else keeps a match to what a reader would
// count.
// Where wordings of two concepts overlap ("free trade" inside "free trade
// zones"), the longest match wins, so each stretch of text counts for one
// concept only.
package themes

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/docdrift/docdrift/internal/yamlalias"
)

// The built-in glossary is written in glossary.yaml and built in as
// generated Go (builtin_glossary.go): parsing its 23 KB of YAML took 5.5
// ms at every start of a command that classifies changes.
//
//go:generate go run ./internal/glossarygen -in glossary.yaml -out builtin_glossary.go

// Concept is a theme with its wordings.
type Concept struct {
	ID    string   `yaml:"id" json:"id"`
	Label string   `yaml:"label" json:"label"`
	EN    []string `yaml:"en" json:"en,omitempty"`
	ZH    []string `yaml:"zh" json:"zh,omitempty"`
	Note  string   `yaml:"note" json:"note,omitempty"`
}

// Wordings returns all wordings of the concept, English first.
func (c Concept) Wordings() []string { return append(slices.Clone(c.EN), c.ZH...) }

// Glossary is a set of concepts.
type Glossary struct {
	Concepts []Concept `yaml:"concepts"`
}

// Default returns the glossary built into docdrift, a copy of its own for
// the caller to change. The error is always nil; it stays for callers
// written when the glossary was parsed at run time.
func Default() (*Glossary, error) {
	g := &Glossary{Concepts: make([]Concept, len(builtinConcepts))}
	for i, c := range builtinConcepts {
		c.EN, c.ZH = slices.Clone(c.EN), slices.Clone(c.ZH)
		g.Concepts[i] = c
	}
	return g, nil
}

// Load reads a glossary file in the same format as the default one.
func Load(path string) (*Glossary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parse(data, path)
}

func parse(data []byte, name string) (g *Glossary, err error) {
	defer func() {
		if r := recover(); r != nil { // goccy/go-yaml can panic on malformed input
			g, err = nil, fmt.Errorf("%s: not a glossary the YAML parser can read (%v)", name, r)
		}
	}()
	var aerr *yamlalias.Error
	if errors.As(yamlalias.Check(data), &aerr) {
		return nil, fmt.Errorf("%s:%d: %w", name, aerr.Line, aerr)
	}
	g = &Glossary{}
	if err := yaml.UnmarshalWithOptions(data, g, yaml.Strict()); err != nil {
		var yerr yaml.Error
		if errors.As(err, &yerr) && yerr.GetToken() != nil {
			return nil, fmt.Errorf("%s:%d: %s", name, yerr.GetToken().Position.Line, yerr.GetMessage())
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	seen := map[string]bool{}
	for i, c := range g.Concepts {
		switch {
		case c.ID == "":
			return nil, fmt.Errorf("%s: concepts[%d]: missing id", name, i)
		case seen[c.ID]:
			return nil, fmt.Errorf("%s: concepts[%d]: duplicate id %q", name, i, c.ID)
		case len(c.EN)+len(c.ZH) == 0:
			return nil, fmt.Errorf("%s: concepts[%d] (%s): no wordings (en or zh)", name, i, c.ID)
		}
		seen[c.ID] = true
		if c.Label == "" {
			g.Concepts[i].Label = c.Wordings()[0]
		}
	}
	return g, nil
}

// Merge adds the concepts of other to g; a concept with the id of one of
// g's replaces it.
func (g *Glossary) Merge(other *Glossary) {
	for _, c := range other.Concepts {
		if i := slices.IndexFunc(g.Concepts, func(x Concept) bool { return x.ID == c.ID }); i >= 0 {
			g.Concepts[i] = c
		} else {
			g.Concepts = append(g.Concepts, c)
		}
	}
}

// Find returns the concept a term names: by id, by label, or by one of its
// wordings (compared as stems, so "Dispute Settlement" finds the WTO
// dispute settlement concept). A term in no concept becomes a concept of
// its own, with the term as its only wording; found is then false.
func (g *Glossary) Find(term string) (c Concept, found bool) {
	want := strings.Join(stems(term), " ")
	for _, c := range g.Concepts {
		if c.ID == term || strings.EqualFold(c.Label, term) {
			return c, true
		}
		for _, w := range c.Wordings() {
			if strings.Join(stems(w), " ") == want {
				return c, true
			}
		}
	}
	c = Concept{ID: term, Label: term}
	if hasHan(term) {
		c.ZH = []string{term}
	} else {
		c.EN = []string{term}
	}
	return c, false
}

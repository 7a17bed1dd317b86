// Package lazyre holds regular expressions that compile on first use
// instead of at the program's start: a package-level regexp.MustCompile
// runs in every run, --version included, whether the run needs the
// pattern or not (docdrift's normalize and corpus patterns took 0.9 ms and
// 4,000 allocations at every start).
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled the first time it is used; it
// is safe for concurrent use. A pattern that does not compile panics then,
// as regexp.MustCompile would have at start: patterns are the program's
// own, so that is a programmer's error, and tests that use each pattern
// find it.
type Regexp struct {
	re func() *regexp.Regexp
}

// New returns the regular expression expr, to compile on first use.
func New(expr string) *Regexp {
	return &Regexp{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// Regexp returns the compiled expression, compiling it if needed.
func (r *Regexp) Regexp() *regexp.Regexp { return r.re() }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.re().MatchString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.re().FindStringSubmatch(s) }

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string { return r.re().ReplaceAllString(src, repl) }

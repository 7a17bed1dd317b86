// Package yamlalias refuses YAML whose aliases expand too far before it
// is decoded: an "alias bomb" (a billion laughs), where each anchor
// holds nine aliases of the one before, takes a few hundred bytes and
// expands to billions of values. goccy/go-yaml, which reads docdrift's
// manifests and glossaries, has no limit on alias expansion (v1.19.2):
// decoding a 519-byte manifest took minutes and 3.6 GB.
//
// Check parses the YAML without decoding it and counts, in one pass over
// its syntax tree, how many nodes the document has once every alias is
// replaced by what its anchor holds. Each anchor's expanded size is
// computed once, when it is defined, and an alias adds that size, so the
// count costs O(n) in the size of the file however far the aliases would
// expand; sizes saturate at the budget so that they never overflow.
package yamlalias

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Budget is how many nodes aliases may add to a document. A manifest or
// glossary written by hand uses an alias or two for a repeated source or
// list of wordings, a few dozen nodes; 100,000 decode in under 0.1 s.
const Budget = 100_000

// Error is YAML whose aliases expand past Budget: Line is the line of the
// alias that went past it.
type Error struct {
	Line  int
	Alias string
}

func (e *Error) Error() string {
	return fmt.Sprintf("alias *%s: aliases expand this YAML by more than %d values (an alias bomb?); write the repeated values out, or use fewer aliases", e.Alias, Budget)
}

// Check returns an *Error when the aliases of data expand past Budget,
// and nil otherwise, including for YAML it cannot parse (the decoder
// that reads data next reports that, with its line).
func Check(data []byte) (err error) {
	defer func() {
		if recover() != nil { // goccy/go-yaml panics on some malformed input
			err = nil
		}
	}()
	file, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		return nil
	}
	c := counter{anchors: map[string]int{}}
	for _, doc := range file.Docs {
		c.size(doc)
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

// counter counts the expanded nodes of a document.
type counter struct {
	anchors map[string]int // expanded size of each anchor defined so far
	added   int            // nodes added by aliases so far
	err     *Error
}

// size returns the number of nodes of n with its aliases expanded, at
// most Budget+1.
func (c *counter) size(n ast.Node) int {
	if n == nil || c.err != nil {
		return 0
	}
	switch n := n.(type) {
	case *ast.AliasNode:
		name := n.Value.GetToken().Value
		s := c.anchors[name]
		c.added = add(c.added, s)
		if c.added > Budget {
			c.err = &Error{Line: n.GetToken().Position.Line, Alias: name}
		}
		return s
	case *ast.AnchorNode:
		s := c.size(n.Value)
		c.anchors[n.Name.GetToken().Value] = s
		return s
	case *ast.DocumentNode:
		return add(1, c.size(n.Body))
	case *ast.TagNode:
		return add(1, c.size(n.Value))
	case *ast.MappingKeyNode:
		return add(1, c.size(n.Value))
	case *ast.MappingValueNode:
		return add(1, add(c.size(n.Key), c.size(n.Value)))
	case *ast.MappingNode:
		s := 1
		for _, v := range n.Values {
			s = add(s, c.size(v))
		}
		return s
	case *ast.SequenceNode:
		s := 1
		for _, v := range n.Values {
			s = add(s, c.size(v))
		}
		return s
	}
	return 1
}

// add returns a+b, saturated at Budget+1.
func add(a, b int) int {
	if a+b > Budget {
		return Budget + 1
	}
	return a + b
}

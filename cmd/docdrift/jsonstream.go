package main

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"reflect"
	"strings"

	"github.com/docdrift/docdrift/internal/parallel"
)

// jsonChunk is the buffer writeJSON writes through: a report goes out in
// pieces of about this size, never whole.
const jsonChunk = 64 << 10

// streamJSON writes v to w as json.MarshalIndent(v, "", "  ") followed by
// jsonEscape and a newline would, byte for byte, without building the
// whole document: the elements of a top-level slice, and of the slice
// fields of a top-level struct (a diff's passages), are encoded one at a
// time. Anything else — a struct with embedded fields or tag options, a
// type with its own MarshalJSON or MarshalText, a map — is encoded whole.
// Memory: a batch of elements of about a megabyte (see batches), or the
// largest element, not the document (a 16 MB pair's report took 320 MB
// more at its peak when built whole, then indented).
func streamJSON(w io.Writer, v any) error {
	s := &jsonStream{w: bufio.NewWriterSize(w, jsonChunk)}
	if err := s.value(reflect.ValueOf(v), v); err != nil {
		return err
	}
	if err := s.w.WriteByte('\n'); err != nil {
		return err
	}
	return s.w.Flush()
}

// value writes the top-level value rv (v itself, for encoding
// whole).
func (s *jsonStream) value(rv reflect.Value, v any) error {
	switch {
	case !rv.IsValid() || ownEncoding(rv.Type()):
	case rv.Kind() == reflect.Slice && rv.Len() > 0 && rv.Type().Elem().Kind() != reflect.Uint8:
		return s.slice(rv, "")
	case rv.Kind() == reflect.Struct:
		if fields, ok := plainFields(rv.Type()); ok && len(fields) > 0 {
			return s.object(rv, fields)
		}
	}
	return s.writeIndented(v, "")
}

// writeIndented writes v as json.MarshalIndent with the given prefix,
// through jsonEscape.
func (s *jsonStream) writeIndented(v any, prefix string) error {
	if s.enc == nil {
		s.enc = newElementEncoder()
	}
	b, err := s.enc.encode(v, prefix)
	if err != nil {
		return err
	}
	_, err = s.w.Write(b)
	return err
}

// elementEncoder encodes values as writeIndented writes them. Values are
// encoded compact through one json.Encoder, whose buffers are reused from
// one value to the next, then indented by indentJSON.
type elementEncoder struct {
	buf      bytes.Buffer
	enc      *json.Encoder // compact, into buf
	indented []byte        // buf indented
}

func newElementEncoder() *elementEncoder {
	e := &elementEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	return e
}

// encode returns v indented with prefix and escaped, in memory that the
// next call reuses.
func (e *elementEncoder) encode(v any, prefix string) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	b := bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")) // Encode ends each value with a newline
	e.indented = indentJSON(e.indented[:0], b, prefix, "  ")
	return jsonEscape(e.indented), nil
}

// indentJSON appends to dst the compact JSON src (as encoding/json
// writes it: no white space outside strings) indented as json.Indent
// indents it: a newline and prefix and one indent per level after an
// opening bracket and after a comma, before a closing bracket, a space
// after a colon, and an empty object or array left as {} or []. One pass
// with no scanner, for valid compact input only: json.Indent's state
// machine cost as much as encoding the value.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	needIndent, depth := false, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline(depth)
		}
		switch c {
		case '"': // copy the string whole, to its closing quote
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				// A quote after an odd number of backslashes is escaped.
				n := 0
				for p := j - 1; p > i && src[p] == '\\'; p-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			needIndent = true // not yet: an empty object or array stays {} or []
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline(depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// jsonStream is what streamJSON writes with.
type jsonStream struct {
	w     *bufio.Writer
	enc   *elementEncoder // for values written whole
	elems [][]byte        // a batch of a slice's elements, encoded
	errs  []error         // and the errors of encoding them
}

// slice writes a non-empty slice whose opening bracket is on a line
// indented by prefix, a batch of elements at a time (see batches),
// encoded on every core and written in order. Elements are taken by
// address, as encoding/json takes a slice's elements (pointer methods
// apply). A write that fails stops it.
func (s *jsonStream) slice(rv reflect.Value, prefix string) error {
	inner := prefix + "  "
	s.w.WriteString("[\n")
	n := rv.Len()
	var b batches
	for from := 0; from < n; {
		batch := min(b.next(), n-from)
		if len(s.elems) < batch {
			s.elems, s.errs = make([][]byte, batch), make([]error, batch)
		}
		parallel.ForWith(batch, newElementEncoder, func(e *elementEncoder, k int) {
			b, err := e.encode(rv.Index(from+k).Addr().Interface(), inner)
			s.elems[k], s.errs[k] = append(s.elems[k][:0], b...), err
		})
		size := 0
		for k := range batch {
			if s.errs[k] != nil {
				return s.errs[k]
			}
			s.w.WriteString(inner)
			if _, err := s.w.Write(s.elems[k]); err != nil {
				return err
			}
			if from+k < n-1 {
				s.w.WriteByte(',')
			}
			s.w.WriteByte('\n')
			size += len(s.elems[k])
		}
		b.done(batch, size)
		from += batch
	}
	_, err := s.w.WriteString(prefix + "]")
	return err
}

// batches sizes the batches a report's elements are rendered in on every
// core before they are written: the first of firstBatch elements, then as
// many as held about batchBytes in the last one, from 1 to maxBatch, so
// that a report of a few huge passages does not sit whole in memory.
type batches struct{ size int }

const (
	firstBatch = 32
	maxBatch   = 256
	batchBytes = 1 << 20
)

// next is the size of the next batch.
func (b *batches) next() int {
	if b.size == 0 {
		return firstBatch
	}
	return b.size
}

// done records that the last batch of n elements took bytes.
func (b *batches) done(n, bytes int) {
	per := bytes/max(n, 1) + 1
	b.size = min(max(batchBytes/per, 1), maxBatch)
}

// object writes a struct whose fields plainFields accepted.
func (s *jsonStream) object(rv reflect.Value, fields []jsonField) error {
	s.w.WriteString("{\n")
	for n, f := range fields {
		s.w.WriteString(`  "` + f.name + `": `)
		fv := rv.Field(f.index)
		var err error
		if fv.Kind() == reflect.Slice && fv.Len() > 0 && fv.Type().Elem().Kind() != reflect.Uint8 && !ownEncoding(fv.Type()) {
			err = s.slice(fv, "  ")
		} else {
			err = s.writeIndented(fv.Interface(), "  ")
		}
		if err != nil {
			return err
		}
		if n < len(fields)-1 {
			s.w.WriteByte(',')
		}
		s.w.WriteByte('\n')
	}
	_, err := s.w.WriteString("}")
	return err
}

// jsonField is a struct field encoding/json writes under name.
type jsonField struct {
	name  string
	index int
}

// plainFields returns the fields encoding/json writes for t, in order, if
// each is simple: exported, not embedded, a tag that is only a name (or
// none, or "-"), a name that needs no escaping. ok is false otherwise.
func plainFields(t reflect.Type) (fields []jsonField, ok bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, has := f.Tag.Lookup("json"); has {
			if tag == "-" {
				continue
			}
			if strings.Contains(tag, ",") {
				return nil, false
			}
			if tag != "" {
				name = tag
			}
		}
		if strings.ContainsFunc(name, func(r rune) bool {
			return !(r == '_' || r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
		}) {
			return nil, false
		}
		fields = append(fields, jsonField{name, i})
	}
	return fields, true
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// ownEncoding reports whether t, or a pointer to it, encodes itself.
func ownEncoding(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) || p.Implements(jsonMarshaler) || p.Implements(textMarshaler)
}

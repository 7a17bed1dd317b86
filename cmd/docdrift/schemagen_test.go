package main

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/normalize"
)

// The JSON Schemas in schemas/ are derived from the Go types each command
// encodes, by the generator below (go test ./cmd/docdrift -run
// TestSchemas -update rewrites them), so that the published contract and
// the code cannot drift apart unseen: TestSchemasUpToDate fails when a
// type changed and its schema was not regenerated, and the validation
// tests check real output against the files.

// schemaRoots are the top-level type of each JSON output, by schema name.
var schemaRoots = map[string]reflect.Type{
	"docdrift.normalize/v1": reflect.TypeFor[normalizeJSON](),
	"docdrift.diff/v1":      reflect.TypeFor[diffJSON](),
	"docdrift.bitext/v1":    reflect.TypeFor[bitextJSON](),
	"docdrift.figures/v1":   reflect.TypeFor[figuresJSON](),
	"docdrift.themes/v1":    reflect.TypeFor[themesJSON](),
	"docdrift.timeline/v1":  reflect.TypeFor[timelineJSON](),
	"docdrift.kwic/v1":      reflect.TypeFor[kwicJSON](),
}

// schemaFile is the file name of a schema: docdrift.diff/v1 is in
// schemas/docdrift.diff.json (its version is in the schema's const).
func schemaFile(name string) string {
	return strings.SplitN(name, "/", 2)[0] + ".json"
}

// schemaGen turns Go types into JSON Schema (draft 2020-12) as
// encoding/json encodes them: json tags name the properties, fields
// without omitempty are required, embedded structs are flattened, a
// pointer without omitempty may be null, a TextMarshaler is a string.
// Named struct types go into $defs, so that each is written once and a
// recursive type ends.
type schemaGen struct {
	defs map[string]any
}

// nullable are the fields, by $defs name and property, whose nil slice
// the output writes as null: a pair of sentences with nothing on one
// side says null for that side.
var nullable = map[string]bool{
	"diff.SentencePair.old": true,
	"diff.SentencePair.new": true,
}

// enums are the string types whose values are a closed list.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[diff.Class]():     classNames(),
	reflect.TypeFor[normalize.Kind](): {"body", "heading", "list", "caption", "furniture"},
}

func classNames() []string {
	var out []string
	for _, c := range diff.Classes {
		out = append(out, string(c))
	}
	return out
}

// document returns the schema of an output: its root type, with the
// schema field fixed to name.
func (g *schemaGen) document(name string, t reflect.Type) map[string]any {
	g.defs = map[string]any{}
	root := g.object(t)
	root["properties"].(map[string]any)["schema"] = map[string]any{"const": name}
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"title":       name,
		"description": "The JSON output of docdrift with schema " + name + ", derived from its Go types. Within v1 fields may be added, never removed, renamed or retyped; a consumer must ignore fields it does not know.",
	}
	for k, v := range root {
		doc[k] = v
	}
	if len(g.defs) > 0 {
		doc["$defs"] = g.defs
	}
	return doc
}

// schema returns the schema of values of type t.
func (g *schemaGen) schema(t reflect.Type) map[string]any {
	if vals, ok := enums[t]; ok {
		return map[string]any{"type": "string", "enum": vals}
	}
	if t.Kind() != reflect.Pointer && t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) && t.Kind() != reflect.Pointer {
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string"}
		}
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		if t.Name() == "" {
			return g.object(t)
		}
		name := defName(t)
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = true // placeholder: a recursive reference ends here
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	return map[string]any{} // an interface: any value
}

// defName names a struct type in $defs: package.Type.
func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "." + t.Name()
}

// object returns the schema of a struct, its embedded structs flattened.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	g.fields(t, props, &required)
	out := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func (g *schemaGen) fields(t reflect.Type, props map[string]any, required *[]string) {
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, props, required)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
		s := g.schema(ft)
		if !omit {
			*required = append(*required, name)
			if ft.Kind() == reflect.Pointer || nullable[defName(t)+"."+name] {
				s = map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
			}
		}
		props[name] = s
	}
}

// marshalSchema writes a schema as indented JSON with sorted keys.
func marshalSchema(doc map[string]any) ([]byte, error) {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaDir = "../../schemas"

// TestSchemasUpToDate checks that each file in schemas/ is the schema
// the Go types give; -update rewrites them.
func TestSchemasUpToDate(t *testing.T) {
	names := make([]string, 0, len(schemaRoots))
	for name := range schemaRoots {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		var g schemaGen
		want, err := marshalSchema(g.document(name, schemaRoots[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(schemaDir, schemaFile(name))
		if *update {
			if err := os.MkdirAll(schemaDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (go test ./cmd/docdrift -run TestSchemas -update writes it)", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the schema of the Go types: review the change, then go test ./cmd/docdrift -run TestSchemas -update", path)
		}
	}
	files, _ := filepath.Glob(filepath.Join(schemaDir, "*.json"))
	if len(files) != len(schemaRoots) {
		t.Errorf("schemas/ has %d files, want one per output (%d)", len(files), len(schemaRoots))
	}
}

// strictSchemas compiles every schema in schemas/ for tests: objects may
// have no property the schema does not list, so that a field added to
// the output without its schema fails here (the published files let
// consumers meet new fields).
func strictSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for name := range schemaRoots {
		f, err := os.Open(filepath.Join(schemaDir, schemaFile(name)))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		closeObjects(doc)
		url := "file:///" + schemaFile(name)
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out[name], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out
}

// closeObjects sets additionalProperties: false on every object schema
// that lists its properties and says nothing of others.
func closeObjects(v any) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["properties"]; ok {
			if _, set := v["additionalProperties"]; !set {
				v["additionalProperties"] = false
			}
		}
		for _, x := range v {
			closeObjects(x)
		}
	case []any:
		for _, x := range v {
			closeObjects(x)
		}
	}
}

// validateOutput checks JSON output against the schema its "schema"
// field names.
func validateOutput(t *testing.T, schemas map[string]*jsonschema.Schema, what string, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", what, err)
	}
	var head struct {
		Schema string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	s, ok := schemas[head.Schema]
	if !ok {
		t.Fatalf("%s: schema %q is not in schemas/", what, head.Schema)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%s does not follow %s:\n%v", what, head.Schema, err)
	}
}

// TestGoldenJSONSchemas validates every golden JSON file.
func TestGoldenJSONSchemas(t *testing.T) {
	schemas := strictSchemas(t)
	files, err := filepath.Glob("testdata/golden/*.json.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden JSON: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		validateOutput(t, schemas, f, data)
	}
}

// TestCommandJSONSchemas validates the JSON of every command that writes
// JSON, on the fixture corpus, including the outputs no golden file
// keeps (normalize, timeline, check, kwic, figures --all).
func TestCommandJSONSchemas(t *testing.T) {
	schemas := strictSchemas(t)
	const fx = "../../fixtures/opening-up"
	commands := [][]string{
		{"normalize", "--explain", fx + "/qiushi-2024.txt", fx + "/speech-2023.zh.txt"},
		{"diff", fx + "/qiushi-2024.txt", fx + "/qiushi-2025.txt"},
		{"diff", fx + "/speech-2023.zh.txt", fx + "/speech-2023.en.txt"},
		{"diff", fx + "/qiushi-2024.txt", fx + "/qiushi-2024.txt"},
		{"figures", "--all", fx},
		{"figures", "--explain", fx},
		{"themes", fx},
		{"themes", "--term", "dispute settlement", fx},
		{"timeline", fx},
		{"timeline", fx + "/qiushi-2024.txt"},
		{"check", fx},
		{"kwic", "opening", fx},
		{"kwic", "no-such-term-anywhere", fx},
	}
	for _, args := range commands {
		name := strings.Join(args, " ")
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(context.Background(), append([]string{"docdrift", "--no-cache", "--format", "json"}, args...), &out, &errOut)
			if code == exitTrouble {
				t.Fatalf("docdrift %s: exit 2: %s", name, errOut.String())
			}
			validateOutput(t, schemas, "docdrift "+name, out.Bytes())
		})
	}
}

// TestSchemasReject checks that the schemas catch what they are for: a
// field the schema does not list (in tests), a missing required field, a
// wrong type, an unknown class.
func TestSchemasReject(t *testing.T) {
	schemas := strictSchemas(t)
	ok := `{"schema": "docdrift.kwic/v1", "term": "t", "label": "t", "width": 40, "total": 1, "documents_searched": 1,
	  "documents": [{"id": "a", "path": "a.txt", "matches": [{"line": 1, "start": 0, "end": 1, "text": "t", "left": "", "right": ""}]}]}`
	bad := map[string]string{
		"unlisted field": strings.Replace(ok, `"width": 40`, `"width": 40, "extra": 1`, 1),
		"missing field":  strings.Replace(ok, `"total": 1, `, ``, 1),
		"wrong type":     strings.Replace(ok, `"line": 1`, `"line": "1"`, 1),
		"wrong schema":   strings.Replace(ok, `"term": "t"`, `"term": 3`, 1),
	}
	for name, doc := range bad {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schemas["docdrift.kwic/v1"].Validate(v); err == nil {
			t.Errorf("%s: the schema accepts %s", name, doc)
		}
	}
	v, _ := jsonschema.UnmarshalJSON(strings.NewReader(ok))
	if err := schemas["docdrift.kwic/v1"].Validate(v); err != nil {
		t.Errorf("a valid kwic output is refused: %v", err)
	}
	v, _ = jsonschema.UnmarshalJSON(strings.NewReader(`{"schema": "docdrift.timeline/v1", "title": "", "min_level": "loud", "documents": [], "steps": [], "tracks": [], "themes": []}`))
	if err := schemas["docdrift.timeline/v1"].Validate(v); err == nil || !strings.Contains(err.Error(), "min_level") {
		t.Errorf("an unknown class: got %v, want an error about min_level", err)
	}
}

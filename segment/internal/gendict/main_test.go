package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGenerated holds the embedded dictionary to what Build makes of its
// source: run `go generate ./segment` after changing either.
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary")
	}
	src, err := os.ReadFile("../../dict/zh_s.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../dict/zh_s.dict")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("dict/zh_s.dict (%d bytes) is not what gendict makes of dict/zh_s.txt.gz (%d bytes): run go generate ./segment", len(got), len(want))
	}
}

package main

import (
	"os"
	"testing"
)

// TestTableIsCurrent holds themes/t2s.txt to what OpenCC's t2s gives.
func TestTableIsCurrent(t *testing.T) {
	want, err := build()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../t2s.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("themes/t2s.txt is not OpenCC's t2s table (%d bytes, want %d): run go generate ./themes", len(got), len(want))
	}
	if len(want) < 3000*7 {
		t.Fatalf("the table holds %d bytes: OpenCC gave fewer characters than the 3,553 expected", len(want))
	}
}

package normalize

import (
	"os"
	"reflect"
	"testing"
)

func TestBinaryRoundTrip(t *testing.T) {
	for _, path := range []string{"../fixtures/opening-up/qiushi-2025.txt", "../fixtures/opening-up/speech-2023.zh.txt"} {
		doc, err := ReadFile(path, DecodeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		data, err := doc.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got Document
		if err := got.UnmarshalBinary(data); err != nil {
			t.Fatal(err)
		}
		got.Path = doc.Path
		if !reflect.DeepEqual(&got, doc) {
			t.Errorf("%s: the document decoded differs from the one encoded", path)
		}
		if got.LineAt(len(got.Text)-1) != doc.LineAt(len(doc.Text)-1) || got.Lines() != doc.Lines() {
			t.Errorf("%s: lines differ after decoding", path)
		}
	}
}

func TestUnmarshalBinaryRejectsDamage(t *testing.T) {
	data, err := os.ReadFile("../fixtures/opening-up/qiushi-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := Parse(string(data))
	doc.Sentences[3].End = len(doc.Text) + 10 // an offset past the text
	bad, err := doc.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Document
	if err := got.UnmarshalBinary(bad); err == nil {
		t.Error("a sentence past the end of the text decoded without error")
	}
	good, _ := Parse(string(data)).MarshalBinary()
	if err := got.UnmarshalBinary(good[:len(good)/2]); err == nil {
		t.Error("half an encoding decoded without error")
	}
}

// BenchmarkBinary compares parsing a document with decoding its cached
// binary form, which is what a warm cache replaces parsing with.
func BenchmarkBinary(b *testing.B) {
	data, err := os.ReadFile("../fixtures/opening-up/qiushi-2025.txt")
	if err != nil {
		b.Fatal(err)
	}
	enc, err := Parse(string(data)).MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			Parse(string(data))
		}
	})
	b.Run("unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var d Document
			if err := d.UnmarshalBinary(enc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A document's links survive the binary form, and a link out of range is
// refused.
func TestBinaryLinks(t *testing.T) {
	doc := Parse("See [the\nnote](https://x.org/a.htm) today.\n\n[Alone](u)\n")
	data, err := doc.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Document
	if err := got.UnmarshalBinary(data); err != nil || !reflect.DeepEqual(&got, doc) || len(got.Links) != 2 {
		t.Fatalf("UnmarshalBinary: %v, links %+v; want the document encoded, with 2 links", err, got.Links)
	}
	doc.Links[1].End = len(doc.Text) + 1
	if bad, _ := doc.MarshalBinary(); got.UnmarshalBinary(bad) == nil {
		t.Error("a link past the end of the text decoded without error")
	}
}

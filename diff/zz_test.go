package diff

import (
	"testing"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
)

const zzS = "Trillion by will to trade services 51.4% on in zone in of to economic goods world the development in will reform in 56.9%."

func BenchmarkZZUnits(b *testing.B) {
	for b.Loop() {
		units(zzS, 0, len(zzS))
	}
}
func BenchmarkZZFold(b *testing.B) {
	for b.Loop() {
		normalize.Fold(zzS, 0)
	}
}
func BenchmarkZZTokens(b *testing.B) {
	c := normalize.Fold(zzS, 0)
	for b.Loop() {
		normalize.TokensOf(c)
	}
}
func BenchmarkZZFigures(b *testing.B) {
	c := normalize.Fold(zzS, 0)
	for b.Loop() {
		figures.ExtractFolded(c, zzS, 0)
	}
}
func BenchmarkZZFeatures(b *testing.B) {
	us, _ := units(zzS, 0, len(zzS))
	for b.Loop() {
		features(us)
	}
}

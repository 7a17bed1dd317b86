package diff

import (
	"math/rand/v2"
	"testing"
)

// TestFeatureIDsAsMap: the interning table answers as a map of features
// would, through its growth, for features that share a hash but not a
// kind, and for hashes that fall on the same slots.
func TestFeatureIDsAsMap(t *testing.T) {
	var table featureIDs
	want := map[feature]int32{}
	rnd := rand.New(rand.NewPCG(5, 6))
	kinds := []byte{figureFeature, wordFeature, pairFeature, hanFeature}
	for i := range 20000 {
		var f feature
		switch i % 3 {
		case 0: // random
			f = feature{kinds[rnd.IntN(4)], rnd.Uint64()}
		case 1: // the same hash as an earlier feature, another kind
			f = feature{kinds[rnd.IntN(4)], uint64(rnd.IntN(i + 1))}
		default: // hashes that collide in the low bits
			f = feature{wordFeature, uint64(rnd.IntN(64)) << 40}
		}
		got, ok := table.get(f)
		id, known := want[f]
		if ok != known || ok && got != id {
			t.Fatalf("get(%v) = %d, %v; want %d, %v", f, got, ok, id, known)
		}
		if !known {
			want[f] = int32(len(want))
			table.put(f, want[f])
		}
	}
	for f, id := range want {
		if got, ok := table.get(f); !ok || got != id {
			t.Fatalf("get(%v) = %d, %v after all puts; want %d", f, got, ok, id)
		}
	}
}

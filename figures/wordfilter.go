package figures

// wordFilter tells at a glance that a word is not in a set, without
// hashing it: it holds a bit for the length of each word of the set,
// under a bucket of its first two bytes. It answers true for every word
// of the set and for few others ("the" shares no bucket and length with
// "ten" or "two"), so that a map is consulted only for those.
type wordFilter [256]uint64

// newWordFilter returns the filter of the words of set.
func newWordFilter(set map[string]bool) (f wordFilter) {
	for w := range set {
		if b, ok := filterBit(w); ok {
			f[filterBucket(w)] |= b
		}
	}
	return f
}

// mayHold reports whether w may be in the set: false only when it is not.
func (f *wordFilter) mayHold(w string) bool {
	b, ok := filterBit(w)
	return !ok || f[filterBucket(w)]&b != 0
}

// filterBit is the bit of w's length; ok is false for a word too long to
// have one (or empty), which the filter always lets through.
func filterBit(w string) (bit uint64, ok bool) {
	if len(w) == 0 || len(w) > 63 {
		return 0, false
	}
	return 1 << len(w), true
}

// filterBucket is the bucket of w's first two bytes (its first alone, if
// it has one).
func filterBucket(w string) byte {
	if len(w) == 1 {
		return w[0]
	}
	return w[0]*31 + w[1]
}

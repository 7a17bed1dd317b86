package diff

import "testing"

// sameShape must answer as comparing the two shapeOf strings does, for
// two different keys: it is how the common one-sentence gap is tested.
var shapeCases = []struct {
	x, y string
	want bool
}{
	{"the fine is 50,000 yuan", "the fine is 100,000 yuan", true},
	{"the fine is 50,000 yuan", "the fine is 100,000 euro", false},
	{"处五万元以下的罚款", "处十万元以下的罚款", true},
	{"处五万元以下的罚款", "处十万元以上的罚款", false},
	{"rate 5", "rate 5 6", false},       // a number run more on one side
	{"rate 5 and", "rate 55 and", true}, // runs of any length are one mark
	{"(1)", "(2)", false},               // fewer than four other characters
	{"ab 1", "ab 2", false},
	{"abcd 1", "abcd 2", true},
	{"1abcd", "22abcd", true},
	{"abcd", "abce", false},
	{"abcd1", "abcd", false},
	{"", "1", false},
	{"\xffabcd1", "\xffabcd2", true}, // invalid bytes read as shapeOf reads them
	{"abcd 1", "abcd #", true},       // shapeOf marks a number with '#', which a '#' of the text is too
	{"abcd #5", "abcd 5#", true},
	{"abcd #5", "abcd 5", false},
	{"abc#", "abc1", false}, // three other characters and a number: a shape of its own
}

func TestSameShape(t *testing.T) {
	for _, c := range shapeCases {
		t.Run(c.x+"|"+c.y, func(t *testing.T) {
			if got := sameShape(c.x, c.y); got != c.want {
				t.Errorf("sameShape(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
			}
			if got := shapeOf(sent{key: c.x}) == shapeOf(sent{key: c.y}); got != c.want {
				t.Errorf("shapeOf(%q) == shapeOf(%q) is %v, want %v (the table is wrong)", c.x, c.y, got, c.want)
			}
		})
	}
}

// FuzzSameShape holds sameShape to comparing shapeOf's strings:
//
//	go test ./diff -run '^$' -fuzz FuzzSameShape -fuzztime 1m
func FuzzSameShape(f *testing.F) {
	for _, c := range shapeCases {
		f.Add(c.x, c.y)
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		if x == y {
			return
		}
		if got, want := sameShape(x, y), shapeOf(sent{key: x}) == shapeOf(sent{key: y}); got != want {
			t.Errorf("sameShape(%q, %q) = %v, shapeOf says %v", x, y, got, want)
		}
	})
}

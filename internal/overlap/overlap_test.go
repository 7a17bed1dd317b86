package overlap

import "testing"

func TestDice(t *testing.T) {
	w := func(s string) float64 { return map[string]float64{"a": 1, "b": 2, "c": 3, "d": 4}[s] }
	tests := []struct {
		a, b []string
		want float64
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, 1},
		{[]string{"a", "b"}, []string{"c", "d"}, 0},
		{[]string{"a", "c"}, []string{"c", "d"}, 2 * 3.0 / (4 + 7)},
		{nil, nil, 0},
	}
	for _, tt := range tests {
		if got := Dice(tt.a, tt.b, Total(tt.a, w), Total(tt.b, w), w); got != tt.want {
			t.Errorf("Dice(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestShared(t *testing.T) {
	if got := Shared([]string{"a", "b", "d"}, []string{"b", "c", "d", "e"}); got != 2 {
		t.Errorf("Shared = %d, want 2", got)
	}
	if got := Shared([]int{1, 2}, nil); got != 0 {
		t.Errorf("Shared with an empty set = %d, want 0", got)
	}
}

func TestContainment(t *testing.T) {
	one := func(string) float64 { return 1 }
	for _, c := range []struct {
		a, b []string
		want float64
	}{
		{[]string{"a", "b"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "x"}, []string{"a", "b", "c", "d"}, 0.5},
		{nil, []string{"a"}, 0},
	} {
		if got := Containment(c.a, c.b, Total(c.a, one), Total(c.b, one), one); got != c.want {
			t.Errorf("Containment(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

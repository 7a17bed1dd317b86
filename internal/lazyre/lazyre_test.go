package lazyre

import (
	"sync"
	"testing"
)

func TestRegexp(t *testing.T) {
	re := New(`^(\d{4})-(\d{2})$`)
	tests := []struct {
		in    string
		match bool
	}{
		{"2024-05", true},
		{"2024-5", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := re.MatchString(tt.in); got != tt.match {
			t.Errorf("MatchString(%q) = %v, want %v", tt.in, got, tt.match)
		}
	}
	if m := re.FindStringSubmatch("2024-05"); len(m) != 3 || m[2] != "05" {
		t.Errorf("FindStringSubmatch: got %q", m)
	}
	if got := re.ReplaceAllString("2024-05", "$2/$1"); got != "05/2024" {
		t.Errorf("ReplaceAllString: got %q", got)
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	re := New(`a+b`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if !re.MatchString("xaab") {
				t.Error("no match")
			}
		})
	}
	wg.Wait()
}

func TestBadPatternPanicsOnUse(t *testing.T) {
	re := New(`(`) // no panic here
	defer func() {
		if recover() == nil {
			t.Error("MatchString with a bad pattern: no panic")
		}
	}()
	re.MatchString("x")
}

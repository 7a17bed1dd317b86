package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 100} {
			calls := make([]int, n)
			For(n, func(i int) { calls[i]++ })
			for i, c := range calls {
				if c != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: f(%d) called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

// TestForWithScratchIsNeverShared checks that each index is called once
// and that no scratch value is used by two calls at the same time, with
// at most one scratch per processor.
func TestForWithScratchIsNeverShared(t *testing.T) {
	type scratch struct{ busy atomic.Bool }
	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 1000} {
			var made atomic.Int64
			var shared atomic.Int64
			calls := make([]int, n)
			ForWith(n, func() *scratch { made.Add(1); return new(scratch) }, func(s *scratch, i int) {
				if s.busy.Swap(true) {
					shared.Add(1)
				}
				calls[i]++
				runtime.Gosched()
				s.busy.Store(false)
			})
			for i, c := range calls {
				if c != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: f(%d) called %d times", procs, n, i, c)
				}
			}
			if shared.Load() != 0 {
				t.Errorf("GOMAXPROCS %d, n %d: a scratch was used by two calls at once %d times", procs, n, shared.Load())
			}
			if m := made.Load(); m > int64(procs) || n > 0 && m == 0 || n == 0 && m != 0 {
				t.Errorf("GOMAXPROCS %d, n %d: %d scratch values made", procs, n, m)
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

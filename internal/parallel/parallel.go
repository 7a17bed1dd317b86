// Package parallel runs independent pieces of work on every processor.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for i in [0, n) on as many goroutines as there are
// processors (GOMAXPROCS), handing out indexes in order as goroutines
// come free: each takes the next index from a shared counter, so that no
// goroutine hands out work and a free one never waits. The calling
// goroutine is one of them. f must only write to its own index's results.
// With one processor, or n of one, it calls f in order on the calling
// goroutine.
func For(n int, f func(i int)) {
	ForWith(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// ForWith is For with a scratch value per goroutine: each goroutine calls
// newScratch once and passes what it returns to every f it calls, so that
// f can reuse memory from one index to the next without locking.
func ForWith[S any](n int, newScratch func() S, f func(scratch S, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		if n > 0 {
			s := newScratch()
			for i := range n {
				f(s, i)
			}
		}
		return
	}
	var next atomic.Int64
	work := func() {
		s := newScratch()
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			f(s, i)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

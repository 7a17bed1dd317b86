// Package parallel runs independent pieces of work on every processor.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for i in [0, n) on as many goroutines as there are
// processors (GOMAXPROCS), handing out indexes in order as goroutines
// come free. f must only write to its own index's results. With one
// processor, or n of one, it calls f in order on the calling goroutine.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

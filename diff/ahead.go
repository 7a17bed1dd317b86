package diff

import (
	"sync"
	"sync/atomic"
)

// ahead computes, on the core that the aligner's serial exact passes
// leave idle, the units of the sentences whose key the other document
// does not hold: no exact pass can pair them (they pair sentences of the
// same key), so weigh would compute them anyway. The units go to a list
// of ahead's own while the passes read the sentences, and to the
// sentences in finish, which weigh's goroutine calls: it first joins in,
// so that what is left is shared by both cores. Units are a function of
// the sentence's text alone: computed early or late, they are the same.
type ahead struct {
	ready sync.WaitGroup // the list is made
	done  sync.WaitGroup // the goroutine has stopped working
	list  []*sent        // written in finish only
	from  []aheadSpan    // each one's text, read by the workers
	units []sentWork
	next  atomic.Int64
}

type aheadSpan struct {
	text       string
	start, end int
}

// unitsAhead starts ahead's work for a and b.
func unitsAhead(a, b side) *ahead {
	ah := &ahead{}
	ah.ready.Add(1)
	ah.done.Add(1)
	go func() {
		defer ah.done.Done()
		ah.collect(a, b)
		ah.collect(b, a)
		ah.units = make([]sentWork, len(ah.list))
		ah.ready.Done()
		ah.work(newScratch())
	}()
	return ah
}

// collect adds to the list the sentences of s whose key other lacks.
func (ah *ahead) collect(s, other side) {
	keys := make(map[string]struct{}, len(other.sents))
	for i := range other.sents {
		keys[other.sents[i].key] = struct{}{}
	}
	for i := range s.sents {
		se := &s.sents[i]
		if _, ok := keys[se.key]; !ok {
			ah.list = append(ah.list, se)
			ah.from = append(ah.from, aheadSpan{s.doc.Text, se.start, se.end})
		}
	}
}

// work computes units for the sentences of the list no one has taken.
func (ah *ahead) work(sc *scratch) {
	for {
		k := int(ah.next.Add(1) - 1)
		if k >= len(ah.list) {
			return
		}
		f, w := ah.from[k], &ah.units[k]
		w.units, w.toks, w.figs = units(sc, f.text, f.start, f.end)
	}
}

// finish shares what is left of the list between the calling goroutine
// and the one already at it, waits for it, and gives each sentence of the
// list its units (as unitsOf would have).
func (ah *ahead) finish() {
	ah.ready.Wait()
	ah.work(newScratch())
	ah.done.Wait()
	for k, se := range ah.list {
		if se.work == nil {
			se.work = &sentWork{}
		}
		if w := se.work; w.units == nil {
			w.units, w.toks, w.figs = ah.units[k].units, ah.units[k].toks, ah.units[k].figs
		}
	}
}

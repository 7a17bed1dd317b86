package main

import (
	"io"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progressMin is the number of documents above which the commands that
// read a corpus show their progress.
const progressMin = 50

// progress is a bar on stderr for one stage of a long command ("reading
// 120 documents", "comparing 119 steps"). It is shown only for corpora of
// more than progressMin documents and only when stderr is a terminal, and
// it is removed when the stage ends, so nothing of it stays in a log or
// above the report. A nil *progress does nothing.
type progress struct {
	container *mpb.Progress
	bar       *mpb.Bar
}

// newProgress starts the bar of a stage over total items of a corpus of
// docs documents, or returns nil when it is not to be shown.
func newProgress(u *ui, name string, docs, total int) *progress {
	if docs <= progressMin || !isTerminal(u.err) {
		return nil
	}
	return startProgress(u.err, name, total)
}

// startProgress draws a bar on w, whatever w is (mpb itself draws
// nothing on a writer that is not a terminal unless told to).
func startProgress(w io.Writer, name string, total int, opts ...mpb.ContainerOption) *progress {
	c := mpb.New(append([]mpb.ContainerOption{mpb.WithOutput(w), mpb.WithWidth(32)}, opts...)...)
	b := c.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("docdrift: "+name, decor.WCSyncSpaceR), decor.CountersNoUnit("%d/%d", decor.WCSyncSpace)),
		mpb.AppendDecorators(decor.Percentage(decor.WCSyncSpace), decor.Elapsed(decor.ET_STYLE_GO, decor.WCSyncSpace)),
		mpb.BarRemoveOnComplete(),
	)
	return &progress{container: c, bar: b}
}

// step counts one item done.
func (p *progress) step() {
	if p != nil {
		p.bar.Increment()
	}
}

// set says how many items are done.
func (p *progress) set(done int) {
	if p != nil {
		p.bar.SetCurrent(int64(done))
	}
}

// done ends the stage, finished or not, and waits until the bar is gone.
func (p *progress) done() {
	if p == nil {
		return
	}
	if !p.bar.Completed() {
		p.bar.Abort(true)
	}
	p.container.Wait()
}

package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a count of processed inputs on stderr, at most ten times
// a second, when stderr is a terminal; otherwise it prints nothing.
type progress struct {
	w    io.Writer
	last time.Time
	on   bool
	n    int
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) tick(n int) {
	p.n = n
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r%d inputs processed", n)
}

func (p *progress) done() {
	if p.on && !p.last.IsZero() {
		fmt.Fprintf(p.w, "\r%d inputs processed\n", p.n)
	}
}

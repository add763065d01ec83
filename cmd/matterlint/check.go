package main

import (
	"fmt"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/batch"
	"github.com/matterlint/matterlint/report"
)

// inputRun is how a command that reads inputs checks them: the reader, the
// paths, the workers and what one item gives.
type inputRun[R report.Result] struct {
	command, what string // e.g. "crl", "CRL": names the command and its objects in messages
	reader        *input.Reader
	paths         []string
	jobs          int // parallel workers; 0 one per CPU
	// check turns one input item into its result; an error stops the run
	// (exit 2).
	check func(input.Item) (R, error)
	// inOrder, when set, sees each result in input order before it is
	// written (batch rules); ahead, when set, sees the results inOrder is
	// about to see, a worker's share at a time, before it does.
	inOrder func(R)
	ahead   func([]checked[R])
	// written, when set, sees each result after it is written (to recycle
	// what it holds).
	written func(R)
}

type checked[R any] struct {
	res    R
	err    error
	source string
	end    int64
}

// run reads every input, checks the items (in parallel, results in input
// order), shows progress, writes each result to w and returns the exit code.
func (r inputRun[R]) run(e *env, w *report.Writer) int {
	ignored := &ignoredFiles{}
	r.reader.Ignored = ignored.add
	exts := r.reader.Extensions
	if exts == nil {
		exts = input.DefaultExtensions()
	}
	prog := newProgress(e.stderr, e.stdout, r.paths, exts)
	var failed error
	batch.MapChunks(batch.Options[input.Item]{Jobs: r.jobs, Weight: itemWeight},
		func(emit func(input.Item) bool) { r.reader.Read(r.paths, emit) },
		func(it input.Item) checked[R] {
			res, err := r.check(it)
			return checked[R]{res: res, err: err, source: it.Source, end: it.End}
		},
		func(cs []checked[R]) bool {
			if r.ahead != nil {
				r.ahead(cs)
			}
			for _, c := range cs {
				if c.err != nil {
					fmt.Fprintf(e.stderr, "matterlint %s: %v\n", r.command, c.err)
					failed = c.err
					return false
				}
				prog.item(c.source, c.end)
				if r.inOrder != nil {
					r.inOrder(c.res)
				}
				if err := w.Write(c.res); err != nil {
					failed = err
				}
				if r.written != nil {
					r.written(c.res)
				}
				if failed != nil {
					return false
				}
			}
			return true
		})
	prog.finish()
	ignored.report(e.stderr, r.command)
	if err := w.Close(); err != nil || failed != nil {
		return exitUsage // run reports a write error
	}
	return finish(w.Summary(), e.stderr, r.command, r.what)
}

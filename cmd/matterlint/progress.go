package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/matterlint/matterlint/report"
)

// progress shows a batch's progress on stderr: the inputs done, the bytes
// read of the total size of the inputs (known once they are walked; unknown
// for standard input and FIFOs), the rate and the time left. It is on only
// when stderr is a terminal that is not also where the results go.
type progress struct {
	w           io.Writer
	on          bool
	start, last time.Time
	n           int
	done        int64 // bytes of the sources finished
	cur         string
	curEnd      int64
	total       atomic.Int64 // -1 until known
}

// newProgress returns the progress of reading paths (directories walked
// for the extensions exts) for results written to stdout.
func newProgress(stderr, stdout io.Writer, paths, exts []string) *progress {
	p := &progress{w: stderr, on: showProgress(fd(stderr), fd(stdout))}
	p.total.Store(-1)
	if p.on {
		p.start = time.Now()
		go func() { p.total.Store(totalSize(paths, exts)) }()
	}
	return p
}

// showProgress: stderr is a terminal, and stdout is not the same terminal.
func showProgress(stderr, stdout *os.File) bool {
	if stderr == nil {
		return false
	}
	es, err := stderr.Stat()
	if err != nil || es.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if stdout != nil {
		if st, err := stdout.Stat(); err == nil && sameFile(st, es) {
			return false
		}
	}
	return true
}

func sameFile(a, b fs.FileInfo) bool { return os.SameFile(a, b) }

// totalSize is the size of the regular files paths name or hold; -1 when a
// path is standard input or not a regular file or directory.
func totalSize(paths, exts []string) int64 {
	var total int64
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case p == "-" || err != nil:
			return -1
		case st.Mode().IsRegular():
			total += st.Size()
		case st.IsDir():
			filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && slices.Contains(exts, strings.ToLower(filepath.Ext(q))) {
					if info, err := os.Stat(q); err == nil && info.Mode().IsRegular() {
						total += info.Size()
					}
				}
				return nil
			})
		default:
			return -1
		}
	}
	return total
}

// item records one more input item, which ends at byte end of source.
func (p *progress) item(source string, end int64) {
	if !p.on {
		return
	}
	p.n++
	if source != p.cur {
		p.done += p.curEnd
		p.cur, p.curEnd = source, 0
	}
	p.curEnd = max(p.curEnd, end)
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		fmt.Fprintf(p.w, "\r%s\x1b[K", progressLine(p.n, p.done+p.curEnd, p.total.Load(), now.Sub(p.start)))
	}
}

// finish ends the progress line.
func (p *progress) finish() {
	if p.on && !p.last.IsZero() {
		fmt.Fprintf(p.w, "\r%s\x1b[K\n", progressLine(p.n, p.done+p.curEnd, p.total.Load(), time.Since(p.start)))
	}
}

// progressLine is e.g. "1200 inputs, 3.1 MB of 12.0 MB, 2.0 MB/s, 800 inputs/s, ETA 0:05".
func progressLine(n int, done, total int64, elapsed time.Duration) string {
	s := fmt.Sprintf("%d input%s, %s", n, report.Plural(n), mb(done))
	if total > 0 {
		s += " of " + mb(total)
	}
	secs := elapsed.Seconds()
	if secs <= 0 {
		return s
	}
	s += fmt.Sprintf(", %s/s, %.0f inputs/s", mb(int64(float64(done)/secs)), float64(n)/secs)
	if total > 0 && done > 0 && done <= total {
		left := time.Duration(float64(total-done) / (float64(done) / secs) * float64(time.Second))
		s += fmt.Sprintf(", ETA %d:%02d", int(left.Minutes()), int(left.Seconds())%60)
	}
	return s
}

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/1e6) }

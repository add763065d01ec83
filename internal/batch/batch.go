// Package batch runs a function over a stream of inputs on a bounded pool of
// workers and delivers the results in input order, with memory bounded by the
// number of batches in flight, not by the size of the stream.
package batch

import (
	"runtime"
	"sync"
)

// Size is the number of inputs handed to a worker at once.
const Size = 256

// Map reads inputs from produce, applies fn on jobs workers (all cores when
// jobs ≤ 0) and calls consume with each result in input order. If consume
// returns false, Map stops reading and returns after in-flight work ends.
func Map[In, Out any](jobs int, produce func(emit func(In) bool), fn func(In) Out, consume func(Out) bool) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type job struct {
		in  []In
		out chan []Out
	}
	work := make(chan *job, jobs)
	order := make(chan *job, 2*jobs+2)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				res := make([]Out, len(j.in))
				for i, x := range j.in {
					res[i] = fn(x)
				}
				j.out <- res
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		defer close(order)
		defer close(work)
		cur := make([]In, 0, Size)
		flush := func() bool {
			j := &job{in: cur, out: make(chan []Out, 1)}
			select {
			case order <- j:
			case <-stop:
				return false
			}
			work <- j
			cur = make([]In, 0, Size)
			return true
		}
		ok := true
		produce(func(x In) bool {
			cur = append(cur, x)
			if len(cur) == Size {
				ok = flush()
			}
			return ok
		})
		if ok && len(cur) > 0 {
			flush()
		}
	}()
	stopped := false
	for j := range order {
		res := <-j.out
		if stopped {
			continue
		}
		for _, r := range res {
			if !consume(r) {
				stopped = true
				close(stop)
				break
			}
		}
	}
	wg.Wait()
}

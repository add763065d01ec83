// Package batch runs a function over a stream of inputs on a bounded pool of
// workers and delivers the results in input order. Memory is bounded by a
// budget in bytes shared by all workers, not by the number of workers or the
// size of the stream.
package batch

import (
	"runtime"
	"sync"
)

// Size is the largest number of inputs handed to a worker at once.
const Size = 256

// DefaultBudget is the memory budget when Options.Budget is 0: the bytes of
// input that may be in flight (read, not yet consumed) at any time.
const DefaultBudget = 32 << 20

// Options control Map.
type Options[In any] struct {
	// Jobs is the number of workers; 0 or less means one per CPU.
	Jobs int
	// Budget caps the summed Weight of the inputs in flight; 0 or less means
	// DefaultBudget. An input heavier than the budget runs alone.
	Budget int64
	// Weight estimates the memory an input holds until its result is
	// consumed; nil counts every input as 1 byte.
	Weight func(In) int64
}

// budget is a counting semaphore over bytes.
type budget struct {
	mu      sync.Mutex
	cond    sync.Cond
	free    int64
	stopped bool
}

func newBudget(n int64) *budget {
	b := &budget{free: n}
	b.cond.L = &b.mu
	return b
}

// tryAcquire takes n bytes if they are free.
func (b *budget) tryAcquire(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.free >= n {
		b.free -= n
		return true
	}
	return false
}

// acquire waits for n bytes; it returns false when Map is stopping.
func (b *budget) acquire(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n && !b.stopped {
		b.cond.Wait()
	}
	if b.stopped {
		return false
	}
	b.free -= n
	return true
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

func (b *budget) stop() {
	b.mu.Lock()
	b.stopped = true
	b.mu.Unlock()
	b.cond.Broadcast()
}

// Map reads inputs from produce, applies fn on the workers and calls consume
// with each result in input order. If consume returns false, Map stops
// reading and returns after in-flight work ends.
func Map[In, Out any](opts Options[In], produce func(emit func(In) bool), fn func(In) Out, consume func(Out) bool) {
	MapChunks(opts, produce, fn, func(res []Out) bool {
		for _, r := range res {
			if !consume(r) {
				return false
			}
		}
		return true
	})
}

// MapChunks is Map with the results consumed a worker's share at a time
// (up to Size of them, in input order), so that a consumer can look ahead
// within a share, e.g. warm the memory its next results will touch.
func MapChunks[In, Out any](opts Options[In], produce func(emit func(In) bool), fn func(In) Out, consume func([]Out) bool) {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	limit := opts.Budget
	if limit <= 0 {
		limit = DefaultBudget
	}
	weigh := func(x In) int64 {
		w := int64(1)
		if opts.Weight != nil {
			w = max(opts.Weight(x), 1)
		}
		return min(w, limit)
	}
	// A batch is handed over when it is full or holds its share of the
	// budget, so that every worker can have work while the budget holds.
	share := max(limit/int64(4*jobs), 1)
	type job struct {
		in     []In
		weight int64
		out    chan []Out
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
	mem := newBudget(limit)
	stop := make(chan struct{})
	go func() {
		defer close(order)
		defer close(work)
		cur := &job{in: make([]In, 0, Size)}
		flush := func() bool {
			if len(cur.in) == 0 {
				return true
			}
			j := cur
			j.out = make(chan []Out, 1)
			select {
			case order <- j:
			case <-stop:
				mem.release(j.weight)
				return false
			}
			work <- j
			cur = &job{in: make([]In, 0, Size)}
			return true
		}
		ok := true
		produce(func(x In) bool {
			w := weigh(x)
			if !mem.tryAcquire(w) {
				// Hand over what is held before waiting, so that the
				// consumer can release it.
				if ok = flush() && mem.acquire(w); !ok {
					return false
				}
			}
			cur.in = append(cur.in, x)
			cur.weight += w
			if len(cur.in) == Size || cur.weight >= share {
				ok = flush()
			}
			return ok
		})
		if ok {
			flush()
		}
	}()
	stopped := false
	for j := range order {
		res := <-j.out
		if !stopped && !consume(res) {
			stopped = true
			close(stop)
			mem.stop()
		}
		mem.release(j.weight)
	}
	wg.Wait()
}

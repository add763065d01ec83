package batch_test

import (
	"sync"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/batch"
)

func produceN(n int) func(func(int) bool) {
	return func(emit func(int) bool) {
		for i := 0; i < n; i++ {
			if !emit(i) {
				return
			}
		}
	}
}

// TestMapKeepsOrder: results arrive in input order whatever the workers do.
func TestMapKeepsOrder(t *testing.T) {
	for _, opts := range []batch.Options[int]{{Jobs: 1}, {Jobs: 2}, {Jobs: 7}, {Jobs: 3, Budget: 10, Weight: func(i int) int64 { return int64(i % 13) }}} {
		next := 0
		batch.Map(opts, produceN(3*batch.Size+17), func(i int) int {
			if i%97 == 0 {
				time.Sleep(time.Millisecond) // make some batches slower
			}
			return i * 2
		}, func(r int) bool {
			if r != next*2 {
				t.Fatalf("jobs=%d: got %d at position %d", opts.Jobs, r, next)
			}
			next++
			return true
		})
		if next != 3*batch.Size+17 {
			t.Errorf("jobs=%d: %d results", opts.Jobs, next)
		}
	}
}

// TestMapStops: when consume returns false, Map returns without reading the
// whole stream, also while the producer waits for budget.
func TestMapStops(t *testing.T) {
	for _, opts := range []batch.Options[int]{{Jobs: 2}, {Jobs: 2, Budget: 3, Weight: func(int) int64 { return 2 }}} {
		produced := 0
		batch.Map(opts, func(emit func(int) bool) {
			for i := 0; i < 1_000_000; i++ {
				produced++
				if !emit(i) {
					return
				}
			}
		}, func(i int) int { return i }, func(r int) bool { return r < 10 })
		if produced >= 1_000_000 {
			t.Errorf("budget %d: producer read all %d inputs after consume stopped", opts.Budget, produced)
		}
	}
}

// TestMapBudgetSharedByWorkers: the weight in flight (emitted, not yet
// consumed) never exceeds the budget, whatever the number of workers.
func TestMapBudgetSharedByWorkers(t *testing.T) {
	const budget, weight = 1000, 100
	for _, jobs := range []int{1, 4, 16} {
		var mu sync.Mutex
		inFlight, peak := 0, 0
		batch.Map(batch.Options[int]{Jobs: jobs, Budget: budget, Weight: func(int) int64 { return weight }},
			func(emit func(int) bool) {
				for i := 0; i < 2000; i++ {
					mu.Lock()
					inFlight += weight
					peak = max(peak, inFlight)
					mu.Unlock()
					if !emit(i) {
						return
					}
				}
			},
			func(i int) int { return i },
			func(int) bool {
				mu.Lock()
				inFlight -= weight
				mu.Unlock()
				return true
			})
		// the producer counts an input just before it waits for its budget
		if peak > budget+weight {
			t.Errorf("jobs=%d: %d bytes in flight, budget %d", jobs, peak, budget)
		}
	}
}

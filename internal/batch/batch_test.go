package batch_test

import (
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
	for _, jobs := range []int{1, 2, 7} {
		next := 0
		batch.Map(jobs, produceN(3*batch.Size+17), func(i int) int {
			if i%97 == 0 {
				time.Sleep(time.Millisecond) // make some batches slower
			}
			return i * 2
		}, func(r int) bool {
			if r != next*2 {
				t.Fatalf("jobs=%d: got %d at position %d", jobs, r, next)
			}
			next++
			return true
		})
		if next != 3*batch.Size+17 {
			t.Errorf("jobs=%d: %d results", jobs, next)
		}
	}
}

// TestMapStops: when consume returns false, Map returns without reading the
// whole stream.
func TestMapStops(t *testing.T) {
	produced := 0
	batch.Map(2, func(emit func(int) bool) {
		for i := 0; i < 1_000_000; i++ {
			produced++
			if !emit(i) {
				return
			}
		}
	}, func(i int) int { return i }, func(r int) bool { return r < 10 })
	if produced >= 1_000_000 {
		t.Errorf("producer read all %d inputs after consume stopped", produced)
	}
}

package lint

import (
	"math/rand"
	"testing"
)

// TestHashSet: every hash added once is found again after the table grew,
// and hashes never added are not.
func TestHashSet(t *testing.T) {
	s := newHashSet()
	r := rand.New(rand.NewSource(7))
	var added []uint64
	for i := 0; i < 200000; i++ {
		h := r.Uint64()
		if s.add(h) {
			t.Fatalf("fresh hash %x reported as a duplicate", h)
		}
		added = append(added, h)
	}
	for _, h := range added {
		if !s.add(h) {
			t.Fatalf("hash %x lost after growing to %d slots", h, len(s.keys))
		}
	}
	if s.n != len(added) || s.n*5 > len(s.keys)*4 {
		t.Errorf("n=%d slots=%d", s.n, len(s.keys))
	}
	if first, second := s.add(0), s.add(0); first || !second {
		t.Errorf("hash 0: first add %v, second add %v", first, second)
	}
}

package lint

import (
	"hash/maphash"
	"math/bits"

	"github.com/matterlint/matterlint/matterext"
)

// Batch runs the batch rules of a registry over certificates added in
// order. A Batch is not safe for concurrent use: add certificates from one
// goroutine, in input order, so that results do not depend on parallelism.
type Batch struct {
	states []batchState
	n      uint32
}

type batchState struct {
	rule  *BatchRule
	state BatchState
}

// NewBatch returns a Batch for the batch rules registered in reg. pais, when
// not empty, are the PAIs DACs must be issued by.
func NewBatch(reg *Registry, pais []*matterext.Certificate) *Batch {
	b := &Batch{}
	opts := BatchOptions{PAIs: pais, Seed: maphash.MakeSeed()}
	for _, r := range reg.batches {
		b.states = append(b.states, batchState{rule: r, state: r.NewState(opts)})
	}
	return b
}

// Add checks the next certificate and returns the batch findings about it.
func (b *Batch) Add(c *matterext.Certificate, role matterext.Role) []Finding {
	b.n++
	var rep Reporter
	for _, s := range b.states {
		if s.rule.Roles&role == 0 {
			continue
		}
		rep.rule, rep.code = &s.rule.Metadata, s.rule.Code(role)
		s.state.Add(c, role, &rep)
	}
	return rep.findings
}

// N returns the number of certificates added.
func (b *Batch) N() uint32 { return b.n }

// hashSet is an open-addressing set of 64-bit hashes: 8 bytes a slot, at
// most 4/5 full and grown by half, so 10-15 bytes a certificate. Slots are
// picked by multiply-shift (any table size works), probing linearly.
type hashSet struct {
	keys []uint64
	n    int
}

func newHashSet() *hashSet { return &hashSet{keys: make([]uint64, 1024)} }

func (t *hashSet) slot(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(t.keys)))
	return int(hi)
}

// add records h and reports whether it was there already.
func (t *hashSet) add(h uint64) bool {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	for i := t.slot(h); ; i++ {
		if i == len(t.keys) {
			i = 0
		}
		switch t.keys[i] {
		case h:
			return true
		case 0:
			t.keys[i] = h
			t.n++
			if t.n*5 > len(t.keys)*4 {
				t.grow()
			}
			return false
		}
	}
}

func (t *hashSet) grow() {
	old := t.keys
	t.keys = make([]uint64, len(old)+len(old)/2)
	for _, h := range old {
		if h == 0 {
			continue
		}
		i := t.slot(h)
		for t.keys[i] != 0 {
			if i++; i == len(t.keys) {
				i = 0
			}
		}
		t.keys[i] = h
	}
}

package lint

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"runtime"

	"github.com/matterlint/matterlint/matterext"
)

// Batch runs the batch rules of a registry over certificates added in
// order. A Batch is not safe for concurrent use: add certificates from one
// goroutine, in input order, so that results do not depend on parallelism.
//
// Batch rules are exact: the values they compare (issuer and serial, public
// key) and a 128-bit keyed fingerprint of every certificate are kept in record files
// (in memory up to 256 KiB each, then in an unlinked temporary file under
// os.TempDir), and memory holds only a table of 32-bit fingerprints and
// record numbers, 10-15 bytes a certificate and rule. A fingerprint match
// is re-checked against the record, so two different values never count as
// one. Call Close to release the files.
type Batch struct {
	states []batchState
	n      uint32
	shared *batchShared
	rep    Reporter // reused: a Reporter per Add would be an allocation
	fetch  bool     // Ahead found memory that the next Add fetches first
}

type batchState struct {
	rule  *BatchRule
	state BatchState
	ahead aheader // the state, when it reads ahead; nil otherwise
}

// aheader is a BatchState that can read ahead for a certificate about to be
// added (Batch.Ahead).
type aheader interface {
	ahead(c *matterext.Certificate) // find the memory c's check will touch
	fetch()                         // read what ahead found, all at once
}

// batchShared is what the batch rules of one Batch share: a fingerprint of
// every certificate added (16 bytes each, by position), so that a rule that
// finds a value again can tell the same certificate given twice from two
// different certificates. The fingerprint is a 128-bit keyed hash (two
// maphash seeds drawn for the batch) of the DER: telling a repeat by it is
// wrong only if two different certificates that already share a serial or
// a key also collide in 128 secret-keyed bits.
type batchShared struct {
	seeds   [2]maphash.Seed
	digests recordFile
	pos     uint32   // position of the certificate being added, from 0
	sum     [16]byte // its fingerprint
}

// fingerprint is the keyed 128-bit hash of a certificate's DER.
func (s *batchShared) fingerprint(der []byte) (f [16]byte) {
	binary.LittleEndian.PutUint64(f[:8], maphash.Bytes(s.seeds[0], der))
	binary.LittleEndian.PutUint64(f[8:], maphash.Bytes(s.seeds[1], der))
	return f
}

// sharer is a batch state that uses its Batch's shared records.
type sharer interface{ share(*batchShared) }

// earlierSame reports whether the certificate at position pos is
// byte-identical to the one being added.
func (s *batchShared) earlierSame(pos uint32) bool {
	var d [16]byte
	s.digests.readAt(d[:], int64(pos)*16)
	return d == s.sum
}

// NewBatch returns a Batch for the batch rules registered in reg. pais, when
// not empty, are the PAIs DACs must be issued by.
func NewBatch(reg *Registry, pais []*matterext.Certificate) *Batch {
	b := &Batch{shared: &batchShared{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}}
	opts := BatchOptions{PAIs: pais, Seed: maphash.MakeSeed()}
	for _, r := range reg.batches {
		st := r.NewState(opts)
		if s, ok := st.(sharer); ok {
			s.share(b.shared)
		}
		a, _ := st.(aheader)
		b.states = append(b.states, batchState{rule: r, state: st, ahead: a})
	}
	return b
}

// Add checks the next certificate and returns the batch findings about it.
func (b *Batch) Add(c *matterext.Certificate, role matterext.Role) []Finding {
	if len(b.states) == 0 {
		b.n++
		return nil
	}
	return b.add(c, role, b.shared.fingerprint(c.Raw))
}

// add is Add with the certificate's fingerprint given.
func (b *Batch) add(c *matterext.Certificate, role matterext.Role, sum [16]byte) []Finding {
	if b.fetch {
		b.fetchAhead()
	}
	b.shared.pos, b.shared.sum = b.n, sum
	b.shared.digests.write(sum[:])
	b.n++
	rep := &b.rep
	rep.findings = nil
	for _, s := range b.states {
		if s.rule.Roles&role == 0 {
			continue
		}
		rep.rule, rep.code = &s.rule.Metadata, s.rule.Code(role)
		s.state.Add(c, role, rep)
	}
	f := rep.findings
	rep.findings = nil
	return f
}

// N returns the number of certificates added.
func (b *Batch) N() uint32 { return b.n }

// Ahead reads ahead for a certificate about to be added: called for the next
// certificates, in the order they will be added, before their Adds, it
// fetches the table memory their checks will touch for all of them at once
// instead of one cache miss at a time (in a batch of a million DACs the
// tables are far larger than the caches, and waiting for them is most of
// the batch rules' cost). It is only a hint: it changes no result.
func (b *Batch) Ahead(c *matterext.Certificate, role matterext.Role) {
	for _, s := range b.states {
		if s.ahead != nil && s.rule.Roles&role != 0 {
			s.ahead.ahead(c)
			b.fetch = true
		}
	}
}

// fetchAhead reads the memory the Ahead calls since the last Add found, in
// one tight loop of independent loads, so that their cache misses overlap.
func (b *Batch) fetchAhead() {
	b.fetch = false
	for _, s := range b.states {
		if s.ahead != nil {
			s.ahead.fetch()
		}
	}
}

// Close releases the temporary files of the batch rules.
func (b *Batch) Close() error {
	err := b.shared.digests.close()
	for _, s := range b.states {
		if c, ok := s.state.(io.Closer); ok {
			err = errors.Join(err, c.Close())
		}
	}
	return err
}

// recordBuffer is how many bytes a record file keeps in memory before
// writing them to its temporary file (a variable for tests).
var recordBuffer = 256 << 10

// recordFile is an append-only store of bytes: the newest in memory, the
// rest in a temporary file, unlinked when created where the system allows.
// When no temporary file can be written, everything stays in memory (exact
// still, memory growing with the batch).
type recordFile struct {
	f       *os.File
	name    string
	flushed int64 // bytes in f
	buf     []byte
	inMem   bool // writing to a file failed
}

func (r *recordFile) size() int64 { return r.flushed + int64(len(r.buf)) }

func (r *recordFile) write(p []byte) {
	if r.buf == nil {
		r.buf = make([]byte, 0, 4096)
	}
	r.buf = append(r.buf, p...)
	if len(r.buf) >= recordBuffer && !r.inMem {
		r.flush()
	}
}

func (r *recordFile) flush() {
	if r.f == nil {
		f, err := os.CreateTemp("", "matterlint-batch-*")
		if err != nil {
			r.inMem = true
			return
		}
		r.f, r.name = f, f.Name()
		if os.Remove(r.name) == nil {
			r.name = ""
		}
	}
	n, err := r.f.Write(r.buf)
	r.flushed += int64(n)
	r.buf = append(r.buf[:0], r.buf[n:]...)
	if err != nil {
		r.inMem = true
	}
}

// readAt fills p with the bytes at off, which were written before.
func (r *recordFile) readAt(p []byte, off int64) {
	if off < r.flushed {
		n := int(min(int64(len(p)), r.flushed-off))
		if _, err := r.f.ReadAt(p[:n], off); err != nil {
			// The file was written by this process and is still open:
			// a failure here leaves no exact answer to give.
			panic(fmt.Sprintf("matterlint: batch records: reading %s: %v", r.f.Name(), err))
		}
		p, off = p[n:], r.flushed
	}
	copy(p, r.buf[off-r.flushed:])
}

func (r *recordFile) close() error {
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	if r.name != "" {
		err = errors.Join(err, os.Remove(r.name))
	}
	r.f, r.buf = nil, nil
	return err
}

// exactSet is an exact set of byte strings, each remembered with the batch
// position of the certificate that brought it. Memory holds a table of
// slots, each a 32-bit fingerprint and a record number (8 bytes, at most
// 4/5 full and grown by half: 10-15 bytes a string); the strings are in a
// data record file and, per record, their offset, length and position in
// an index record file (16 bytes). The table is split in 256 segments that
// grow on their own, so growing costs a 256th of the table at a time.
type exactSet struct {
	seed    maphash.Seed
	t       *segments
	used    [256]int
	data    recordFile
	index   recordFile
	n       uint32
	cmp     []byte
	pending []*uint64 // the slots touch noted, for fetch
	sink    uint64    // what fetch reads, kept so that the reads are not elided
	// hash is maphash.Bytes with the set's seed; tests replace it to make
	// fingerprints collide.
	hash func(seed maphash.Seed, b []byte) uint64
}

// segments are the 256 parts of an exactSet's table. Parts of mapMin
// slots or more are mapped from the system (mapSlots) and given back as
// soon as they are replaced: memory is the table's, with no garbage
// waiting for a collection.
type segments struct {
	keys   [256][]uint64
	mapped [256]bool
}

const segmentSlots = 16

// mapMin is the smallest part mapped from the system (a variable for
// tests).
var mapMin = 8192

func (t *segments) alloc(seg, n int) {
	old, oldMapped := t.keys[seg], t.mapped[seg]
	t.keys[seg], t.mapped[seg] = nil, false
	if n >= mapMin {
		t.keys[seg] = mapSlots(n)
		t.mapped[seg] = t.keys[seg] != nil
	}
	if t.keys[seg] == nil {
		t.keys[seg] = make([]uint64, n)
	}
	t.rehash(seg, old)
	if oldMapped {
		unmapSlots(old)
	}
}

func (t *segments) rehash(seg int, old []uint64) {
	keys := t.keys[seg]
	for _, k := range old {
		if k == 0 {
			continue
		}
		i := slot(uint32(k>>32), len(keys))
		for keys[i] != 0 {
			if i++; i == len(keys) {
				i = 0
			}
		}
		keys[i] = k
	}
}

func (t *segments) free() {
	for i, m := range t.mapped {
		if m {
			unmapSlots(t.keys[i])
		}
		t.keys[i], t.mapped[i] = nil, false
	}
}

func newExactSet(seed maphash.Seed) *exactSet {
	s := &exactSet{seed: seed, hash: maphash.Bytes, t: &segments{}}
	for i := range s.t.keys {
		s.t.keys[i] = make([]uint64, segmentSlots)
	}
	// A set dropped without Close gives its mapped memory back when
	// collected.
	runtime.AddCleanup(s, (*segments).free, s.t)
	return s
}

// slot is where fingerprint fp starts probing in a segment of n slots.
func slot(fp uint32, n int) int { return int(uint64(fp) * uint64(n) >> 32) }

// add records v for the certificate at position pos; when v was recorded
// before, it returns the position of the certificate that brought it first
// and true instead.
func (s *exactSet) add(v []byte, pos uint32) (uint32, bool) {
	h := s.hash(s.seed, v)
	seg, fp := h>>56, uint32(h>>24)
	keys := s.t.keys[seg]
	i := slot(fp, len(keys))
	for {
		k := keys[i]
		if k == 0 {
			break
		}
		if uint32(k>>32) == fp {
			if p, ok := s.same(uint32(k)-1, v); ok {
				return p, true
			}
		}
		if i++; i == len(keys) {
			i = 0
		}
	}
	if s.n == 1<<32-1 {
		panic("matterlint: batch records: more than 2^32-1 certificates")
	}
	keys[i] = uint64(fp)<<32 | uint64(s.n+1)
	var e [16]byte
	binary.LittleEndian.PutUint64(e[0:], uint64(s.data.size()))
	binary.LittleEndian.PutUint32(e[8:], uint32(len(v)))
	binary.LittleEndian.PutUint32(e[12:], pos)
	s.index.write(e[:])
	s.data.write(v)
	s.n++
	if s.used[seg]++; s.used[seg]*5 > len(keys)*4 {
		s.t.alloc(int(seg), len(keys)+len(keys)/2)
	}
	return 0, false
}

// touch notes the table slot where v is looked up first; fetch reads the
// noted slots, so that later adds find them in the cache. No add may come
// between the two (it could move the slots).
func (s *exactSet) touch(v []byte) {
	h := s.hash(s.seed, v)
	keys := s.t.keys[h>>56]
	s.pending = append(s.pending, &keys[slot(uint32(h>>24), len(keys))])
}

func (s *exactSet) fetch() {
	for _, p := range s.pending {
		s.sink += *p
	}
	clear(s.pending)
	s.pending = s.pending[:0]
}

// same reports whether record rec holds v, and the position it came with.
func (s *exactSet) same(rec uint32, v []byte) (uint32, bool) {
	var e [16]byte
	s.index.readAt(e[:], int64(rec)*16)
	if int(binary.LittleEndian.Uint32(e[8:])) != len(v) {
		return 0, false
	}
	s.cmp = append(s.cmp[:0], make([]byte, len(v))...)
	s.data.readAt(s.cmp, int64(binary.LittleEndian.Uint64(e[0:])))
	return binary.LittleEndian.Uint32(e[12:]), bytes.Equal(s.cmp, v)
}

// slots is the number of table slots, for tests and memory figures.
func (s *exactSet) slots() int {
	n := 0
	for _, k := range s.t.keys {
		n += len(k)
	}
	return n
}

func (s *exactSet) Close() error {
	s.t.free()
	return errors.Join(s.data.close(), s.index.close())
}

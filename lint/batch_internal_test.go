package lint

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/matterext"
)

// TestExactSet checks exactSet against a map, with real hashes and with
// hashes made to collide: fingerprints equal for different strings (down to
// a constant hash) must never make two strings one. The strings include
// prefixes of one another and lengths that differ by one byte; there are
// enough of them that the record files spill to their temporary files.
func TestExactSet(t *testing.T) {
	hooks := []struct {
		name string
		n    int
		hash func(maphash.Seed, []byte) uint64
	}{
		{"maphash", 60000, maphash.Bytes},
		// 12 bits of hash: every fingerprint is shared by many strings.
		{"12 bits", 30000, func(s maphash.Seed, b []byte) uint64 { return maphash.Bytes(s, b) & 0xFFF0_0000_0000_0000 }},
		// Same segment and fingerprint, different low bits (not kept).
		{"low bits only", 2000, func(s maphash.Seed, b []byte) uint64 { return maphash.Bytes(s, b)&0xFFFFFF | 0x0100_0000_0000_0000 }},
		{"constant", 1500, func(maphash.Seed, []byte) uint64 { return 42 }},
	}
	defer func(n, m int) { recordBuffer, mapMin = n, m }(recordBuffer, mapMin)
	recordBuffer, mapMin = 4096, 64 // spill records, map table parts
	for _, h := range hooks {
		t.Run(h.name, func(t *testing.T) {
			s := newExactSet(maphash.MakeSeed())
			defer s.Close()
			s.hash = h.hash
			r := rand.New(rand.NewSource(1))
			first := map[string]uint32{}
			for pos := 0; pos < h.n; pos++ {
				// About a third of the adds repeat an earlier string.
				k := r.Intn(h.n * 2 / 3)
				v := []byte(strings.Repeat("x", k%5) + fmt.Sprintf("v%d", k))
				if k%7 == 0 {
					v = v[:len(v)-1] // a prefix of a neighbour's string
				}
				got, dup := s.add(v, uint32(pos))
				want, wantDup := first[string(v)]
				if dup != wantDup || (dup && got != want) {
					t.Fatalf("add %d %q: got (%d, %v), want (%d, %v)", pos, v, got, dup, want, wantDup)
				}
				if !wantDup {
					first[string(v)] = uint32(pos)
				}
			}
			if int(s.n) != len(first) {
				t.Errorf("%d records for %d distinct strings", s.n, len(first))
			}
			if s.data.f == nil {
				t.Errorf("data records never reached their temporary file (%d bytes)", s.data.size())
			}
			if s.slots()*4 < int(s.n)*5/4 {
				t.Errorf("%d slots for %d records", s.slots(), s.n)
			}
		})
	}
}

// TestRecordFile: bytes read back equal bytes written, across the boundary
// between the temporary file and the in-memory buffer.
func TestRecordFile(t *testing.T) {
	var f recordFile
	defer f.close()
	var want []byte
	r := rand.New(rand.NewSource(3))
	for f.flushed < 3*int64(recordBuffer) {
		p := make([]byte, r.Intn(300))
		r.Read(p)
		f.write(p)
		want = append(want, p...)
	}
	for i := 0; i < 2000; i++ {
		off := r.Intn(len(want))
		n := r.Intn(min(len(want)-off, 5000) + 1)
		got := make([]byte, n)
		f.readAt(got, int64(off))
		if string(got) != string(want[off:off+n]) {
			t.Fatalf("readAt(%d, %d) differs (flushed %d)", off, n, f.flushed)
		}
	}
}

// TestBatchRepeatedInput: a certificate given twice is a repeated input for
// both duplicate rules; two different certificates with one issuer and
// serial are a serial reuse, and two with one key a shared key, even when
// every fingerprint collides, and whether or not the batch reads ahead
// (Batch.Ahead) for the next certificates.
func TestBatchRepeatedInput(t *testing.T) {
	reg, err := Default().Select("all", []string{"e_batch_duplicate_serial", "e_batch_duplicate_public_key"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct{ collide, ahead bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		collide := mode.collide
		b := NewBatch(reg, nil)
		if collide {
			for _, s := range b.states {
				switch st := s.state.(type) {
				case *duplicateSerials:
					st.seen.hash = func(maphash.Seed, []byte) uint64 { return 7 }
				case *duplicateKeys:
					st.seen.hash = func(maphash.Seed, []byte) uint64 { return 7 }
				}
			}
		}
		cert := func(raw, serial, key string) *matterext.Certificate {
			c := &matterext.Certificate{Raw: []byte(raw)}
			c.Issuer.Raw = []byte("issuer")
			c.Serial.Bytes = []byte(serial)
			c.PublicKey.Key.Bytes = []byte(key)
			return c
		}
		steps := []struct {
			c    *matterext.Certificate
			want []string // rule: found
		}{
			{cert("A", "s1", "k1"), nil},
			{cert("B", "s2", "k2"), nil},
			{cert("A", "s1", "k1"), []string{"e_batch_duplicate_public_key: repeated input", "e_batch_duplicate_serial: repeated input"}},
			{cert("C", "s1", "k3"), []string{"e_batch_duplicate_serial: 7331"}},
			{cert("D", "s4", "k2"), []string{"e_batch_duplicate_public_key: shared key"}},
			{cert("E", "s", "k"), nil},     // prefixes of earlier values
			{cert("F", "s1x", "k1x"), nil}, // extensions of earlier values
			// A repeat of certificate 4, whose serial certificate 1 (the
			// first to bring it) had: still a serial reuse.
			{cert("C", "s1", "k3"), []string{"e_batch_duplicate_public_key: repeated input", "e_batch_duplicate_serial: 7331"}},
		}
		for i, st := range steps {
			if mode.ahead {
				for _, next := range steps[i:min(i+3, len(steps))] {
					b.Ahead(next.c, matterext.RoleDAC)
				}
			}
			var got []string
			for _, f := range b.Add(st.c, matterext.RoleDAC) {
				got = append(got, f.Rule.Name+": "+f.Found)
				if f.Found == "repeated input" && !strings.Contains(f.Message, "certificate ") {
					t.Errorf("message %q names no earlier certificate", f.Message)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(st.want) {
				t.Errorf("%+v, certificate %d: findings %v, want %v", mode, i+1, got, st.want)
			}
		}
		if err := b.Close(); err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkBatchState adds BATCH_STATE_N (default 1,000,000) synthetic
// DACs, one issuer, distinct serials and keys, to the duplicate-serial and
// duplicate-key states and reports the memory of their tables per
// certificate (table-B/cert, both rules), the heap in use at the end
// (heap-MB) and the bytes of the temporary record files (disk-B/cert).
func BenchmarkBatchState(b *testing.B) {
	n := 1000000
	if s := os.Getenv("BATCH_STATE_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	reg, err := Default().Select("all", []string{"e_batch_duplicate_serial", "e_batch_duplicate_public_key"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	issuer := []byte("0\x1c1\x1a0\x18\x06\x03U\x04\x03\x0c\x11Matterlint PAI 01")
	for b.Loop() {
		bt := NewBatch(reg, nil)
		c := &matterext.Certificate{}
		c.Issuer.Raw = issuer
		serial, key := make([]byte, 20), make([]byte, 65)
		key[0] = 4
		var sum [16]byte
		for i := 0; i < n; i++ {
			binary.BigEndian.PutUint64(serial[12:], uint64(i)*0x9E3779B97F4A7C15)
			binary.BigEndian.PutUint64(key[57:], uint64(i)*0xD6E8FEB86659FD93)
			binary.BigEndian.PutUint64(sum[:], uint64(i))
			c.Serial.Bytes, c.PublicKey.Key.Bytes = serial, key
			if f := bt.add(c, matterext.RoleDAC, sum); len(f) != 0 {
				b.Fatalf("certificate %d: %s", i, f[0].Message)
			}
		}
		var slots, disk int64
		for _, s := range bt.states {
			switch st := s.state.(type) {
			case *duplicateSerials:
				slots, disk = slots+int64(st.seen.slots()), disk+st.seen.data.size()+st.seen.index.size()
			case *duplicateKeys:
				slots, disk = slots+int64(st.seen.slots()), disk+st.seen.data.size()+st.seen.index.size()
			}
		}
		disk += bt.shared.digests.size()
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(slots*8)/float64(n), "table-B/cert")
		b.ReportMetric(float64(ms.HeapInuse)/1e6, "heap-MB")
		b.ReportMetric(float64(disk)/float64(n), "disk-B/cert")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/cert")
		runtime.KeepAlive(bt)
		bt.Close()
	}
}

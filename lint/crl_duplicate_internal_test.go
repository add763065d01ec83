package lint

import (
	"hash/maphash"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/matterext"
)

// TestDuplicateCRLEntries: the sorted-hash search finds what a map of every
// key (issuer, SerialHex) finds, in entry order, also when every key has the
// same hash (a constant hash function) or only a few bits of it.
func TestDuplicateCRLEntries(t *testing.T) {
	issuers := [][]byte{[]byte("issuer A"), []byte("issuer B"), nil}
	serials := [][]byte{{1}, {0, 1}, {2}, {0x80}, {0, 0x80}, {}, {0}}
	seed := maphash.MakeSeed()
	hashes := map[string]func([]byte) uint64{
		"maphash":  func(b []byte) uint64 { return maphash.Bytes(seed, b) },
		"constant": func([]byte) uint64 { return 0 },
		"one bit":  func(b []byte) uint64 { return maphash.Bytes(seed, b) & (1 << 63) },
	}
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 300 {
		l := &matterext.CRL{}
		for p := range r.IntN(40) {
			l.Entries = append(l.Entries, matterext.CRLEntry{Index: int32(p * 2), Issuer: issuers[r.IntN(len(issuers))],
				Serial: matterext.Integer{Present: true, Bytes: serials[r.IntN(len(serials))]}})
		}
		var want []crlDuplicate
		seen := map[string]int32{}
		for p, e := range l.Entries {
			k := string(e.Issuer) + "\x00" + matterext.SerialHex(e.Serial.Bytes)
			if j, dup := seen[k]; dup {
				want = append(want, crlDuplicate{p, j})
				continue
			}
			seen[k] = e.Index
		}
		for name, h := range hashes {
			got := duplicateCRLEntries(l, h)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(crlDuplicate{})); diff != "" {
				t.Fatalf("round %d, %s hash: (-want +got)\n%s", round, name, diff)
			}
		}
	}
}

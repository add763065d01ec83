package verify

import (
	"crypto/ecdsa"
	"sync"
	"sync/atomic"

	"github.com/matterlint/matterlint/verify/p256"
)

// tableKeyAfter is the number of signatures a Verifier checks with
// crypto/ecdsa before it builds the PAI key's table: building costs about
// 25 verifications (p256 package doc), so one-DAC runs never pay for it
// and batches do after a few dozen DACs.
const tableKeyAfter = 32

// tableKey verifies signatures under one public key, switching to a
// precomputed-table verifier (package p256, differentially tested against
// crypto/ecdsa) once enough signatures have been checked.
type tableKey struct {
	n     atomic.Int64
	once  sync.Once
	table atomic.Pointer[p256.PublicKey]
}

// verifier returns the ECDSA-with-digest verification function for pub.
func (t *tableKey) verifier(pub *ecdsa.PublicKey) func(digest, sig []byte) bool {
	if k := t.table.Load(); k != nil {
		return k.VerifyASN1
	}
	if t.n.Add(1) > tableKeyAfter {
		t.once.Do(func() {
			if k, err := p256.NewPublicKey(pub); err == nil {
				t.table.Store(k)
			}
		})
		if k := t.table.Load(); k != nil {
			return k.VerifyASN1
		}
	}
	return func(digest, sig []byte) bool { return ecdsa.VerifyASN1(pub, digest, sig) }
}

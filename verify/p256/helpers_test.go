package p256

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/asn1"
	"math/big"
	"math/rand/v2"
	"testing"

	"filippo.io/nistec"
)

// newRNG returns a deterministic random source for tests.
func newRNG(seed string) *rand.Rand {
	var s [32]byte
	copy(s[:], seed)
	return rand.New(rand.NewChaCha8(s))
}

// randScalar returns a uniformly random integer in [1, n-1].
func randScalar(rng *rand.Rand) *big.Int {
	for {
		var b [32]byte
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		k := new(big.Int).SetBytes(b[:])
		if k.Sign() > 0 && k.Cmp(curveN) < 0 {
			return k
		}
	}
}

// testKey returns a deterministic P-256 private key. (Since Go 1.26
// ecdsa.GenerateKey ignores its io.Reader.)
func testKey(tb testing.TB, rng *rand.Rand) *ecdsa.PrivateKey {
	tb.Helper()
	d := randScalar(rng)
	priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d.FillBytes(make([]byte, 32)))
	if err != nil {
		tb.Fatal(err)
	}
	return priv
}

// signDet returns the deterministic RFC 6979 signature of a 32-byte digest.
func signDet(tb testing.TB, priv *ecdsa.PrivateKey, digest []byte) []byte {
	tb.Helper()
	sig, err := priv.Sign(nil, digest, crypto.SHA256)
	if err != nil {
		tb.Fatal(err)
	}
	return sig
}

// forge returns a valid signature (r, s) of digest under an arbitrary public
// point q, without knowing its private key: it picks u1, u2, computes
// R = u1·G + u2·Q with nistec's constant-time paths (independent of the code
// under test) and solves for s = r/u2 and e = u1·s.
func forge(tb testing.TB, q *nistec.P256Point, rng *rand.Rand) (digest []byte, r, s *big.Int) {
	tb.Helper()
	for {
		u1, u2 := randScalar(rng), randScalar(rng)
		r, ok := xModN(tb, q, u1, u2)
		if !ok {
			continue
		}
		s := new(big.Int).ModInverse(u2, curveN)
		s.Mul(s, r).Mod(s, curveN)
		e := new(big.Int).Mul(u1, s)
		e.Mod(e, curveN)
		return e.FillBytes(make([]byte, 32)), r, s
	}
}

// xModN returns x(u1·G + u2·Q) mod n, or false if that is infinity or zero.
func xModN(tb testing.TB, q *nistec.P256Point, u1, u2 *big.Int) (*big.Int, bool) {
	tb.Helper()
	p1, err := nistec.NewP256Point().ScalarBaseMult(u1.FillBytes(make([]byte, 32)))
	if err != nil {
		tb.Fatal(err)
	}
	p2, err := nistec.NewP256Point().ScalarMult(q, u2.FillBytes(make([]byte, 32)))
	if err != nil {
		tb.Fatal(err)
	}
	x, err := p1.Add(p1, p2).BytesX()
	if err != nil {
		return nil, false
	}
	r := new(big.Int).SetBytes(x)
	r.Mod(r, curveN)
	return r, r.Sign() != 0
}

// derSig is the canonical DER encoding of (r, s) (encoding/asn1 produces
// minimal INTEGERs, negative ones for negative values).
func derSig(tb testing.TB, r, s *big.Int) []byte {
	tb.Helper()
	b, err := asn1.Marshal(struct{ R, S *big.Int }{r, s})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// pointOf returns the nistec point of an ecdsa public key.
func pointOf(tb testing.TB, k *ecdsa.PublicKey) *nistec.P256Point {
	tb.Helper()
	b, err := k.Bytes()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := nistec.NewP256Point().SetBytes(b)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// privScalar returns the private scalar of priv.
func privScalar(tb testing.TB, priv *ecdsa.PrivateKey) *big.Int {
	tb.Helper()
	b, err := priv.Bytes()
	if err != nil {
		tb.Fatal(err)
	}
	return new(big.Int).SetBytes(b)
}

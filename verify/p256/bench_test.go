package p256

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchSet is one key and a batch of valid signatures, shared by the
// benchmarks so that every variant verifies exactly the same inputs.
type benchSet struct {
	priv    *ecdsa.PrivateKey
	digests [][]byte
	sigs    [][]byte
}

func newBenchSet(tb testing.TB, n int) *benchSet {
	tb.Helper()
	rng := rand.New(rand.NewChaCha8([32]byte{'b', 'e', 'n', 'c', 'h'}))
	priv := testKey(tb, rng)
	bs := &benchSet{priv: priv}
	for i := range n {
		d := sha256.Sum256(fmt.Appendf(nil, "DAC tbsCertificate %d", i))
		sig := signDet(tb, priv, d[:])
		bs.digests = append(bs.digests, d[:])
		bs.sigs = append(bs.sigs, sig)
	}
	return bs
}

// BenchmarkVerify compares the table verifier with crypto/ecdsa on the same
// key and signatures. Compare the two sub-benchmarks of one run: the
// machine's speed varies between runs.
func BenchmarkVerify(b *testing.B) {
	bs := newBenchSet(b, 64)
	pk, err := NewPublicKey(&bs.priv.PublicKey)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("p256table", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if !pk.VerifyASN1(bs.digests[i%64], bs.sigs[i%64]) {
				b.Fatal("valid signature rejected")
			}
			i++
		}
	})
	b.Run("ecdsa", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if !ecdsa.VerifyASN1(&bs.priv.PublicKey, bs.digests[i%64], bs.sigs[i%64]) {
				b.Fatal("valid signature rejected")
			}
			i++
		}
	})
}

// BenchmarkNewPublicKey measures the table build cost.
func BenchmarkNewPublicKey(b *testing.B) {
	bs := newBenchSet(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewPublicKey(&bs.priv.PublicKey); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWindow shows the window trade-off that chose defaultWindow.
func BenchmarkWindow(b *testing.B) {
	bs := newBenchSet(b, 64)
	b.Run("ecdsa", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if !ecdsa.VerifyASN1(&bs.priv.PublicKey, bs.digests[i%64], bs.sigs[i%64]) {
				b.Fatal("valid signature rejected")
			}
			i++
		}
	})
	for _, w := range []uint{4, 6, 7, 8, 9, 10, 11, 12} {
		pk, err := newPublicKey(&bs.priv.PublicKey, w)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("w=%d/KiB=%d", w, pk.TableBytes()>>10), func(b *testing.B) {
			i := 0
			for b.Loop() {
				if !pk.VerifyASN1(bs.digests[i%64], bs.sigs[i%64]) {
					b.Fatal("valid signature rejected")
				}
				i++
			}
		})
	}
}

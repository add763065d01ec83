package fuzz

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"math/big"
	"sync"
	"testing"

	"github.com/matterlint/matterlint/verify/p256"
)

// p256FuzzKeys caches the fuzz keys: a table costs milliseconds to build,
// ~25 crypto/ecdsa verifications, so keys are drawn from a fixed set of 64,
// which includes d = 1 (Q = G), d = 2 and d = n-1 (Q = -G).
var p256FuzzKeys struct {
	sync.Mutex
	priv [64]*ecdsa.PrivateKey
	pk   [64]*p256.PublicKey
}

var p256FuzzN = elliptic.P256().Params().N

func p256FuzzKey(t *testing.T, seed uint8) (*ecdsa.PrivateKey, *p256.PublicKey) {
	i := seed % 64
	p256FuzzKeys.Lock()
	defer p256FuzzKeys.Unlock()
	if p256FuzzKeys.pk[i] == nil {
		var d *big.Int
		switch i {
		case 0:
			d = big.NewInt(1)
		case 1:
			d = big.NewInt(2)
		case 2:
			d = new(big.Int).Sub(p256FuzzN, big.NewInt(1))
		default:
			h := sha256.Sum256([]byte{'p', '2', '5', '6', i})
			d = new(big.Int).SetBytes(h[:])
			d.Mod(d, new(big.Int).Sub(p256FuzzN, big.NewInt(1))).Add(d, big.NewInt(1))
		}
		priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d.FillBytes(make([]byte, 32)))
		if err != nil {
			t.Fatal(err)
		}
		pk, err := p256.NewPublicKey(&priv.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		p256FuzzKeys.priv[i], p256FuzzKeys.pk[i] = priv, pk
	}
	return p256FuzzKeys.priv[i], p256FuzzKeys.pk[i]
}

// p256FuzzDER encodes (r, s) as DER by hand, so that any magnitude (zero,
// >= n, with extra leading zeros) can be expressed; the encoding is
// canonical unless pad adds a leading zero byte.
func p256FuzzDER(r, s []byte, padR, padS bool) []byte {
	enc := func(v []byte, pad bool) []byte {
		for len(v) > 1 && v[0] == 0 {
			v = v[1:]
		}
		if len(v) == 0 {
			v = []byte{0}
		}
		if v[0]&0x80 != 0 || pad {
			v = append([]byte{0}, v...)
		}
		return append([]byte{0x02, byte(len(v))}, v...)
	}
	body := append(enc(r, padR), enc(s, padS)...)
	return append([]byte{0x30, byte(len(body))}, body...)
}

// FuzzP256Verify: verify/p256 returns exactly what crypto/ecdsa returns, for
// arbitrary signature bytes and for valid signatures that are mutated
// (XOR masks, high-s, ±delta on r and s, n added, leading zeros, digest
// truncation and bit flips).
func FuzzP256Verify(f *testing.F) {
	d32 := sha256.Sum256([]byte("DAC"))
	f.Add(uint8(3), d32[:], []byte{}, uint8(1), uint16(0))
	f.Add(uint8(0), d32[:], []byte{}, uint8(1), uint16(0))
	f.Add(uint8(4), d32[:], []byte{0, 0, 0, 1}, uint8(1), uint16(0))
	f.Add(uint8(5), d32[:], []byte{1, 2}, uint8(2), uint16(7))
	f.Add(uint8(6), d32[:], []byte{0xff}, uint8(2|4|8), uint16(0x100))
	f.Add(uint8(7), d32[:20], []byte{}, uint8(1), uint16(0))
	f.Add(uint8(8), append(d32[:], d32[:]...), []byte{}, uint8(1), uint16(0))
	f.Add(uint8(9), []byte{}, []byte{}, uint8(1), uint16(0))
	f.Add(uint8(10), d32[:], []byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}, uint8(0), uint16(0))
	f.Add(uint8(2), d32[:], []byte{}, uint8(2|16|32), uint16(3))
	f.Add(uint8(11), d32[:], []byte{}, uint8(2|64|128), uint16(0xffff))

	f.Fuzz(func(t *testing.T, keySeed uint8, digest, data []byte, mode uint8, delta uint16) {
		if len(digest) > 128 || len(data) > 256 {
			return
		}
		priv, pk := p256FuzzKey(t, keySeed)
		pub := &priv.PublicKey
		check := func(what string, digest, sig []byte) bool {
			want := ecdsa.VerifyASN1(pub, digest, sig)
			if got := pk.VerifyASN1(digest, sig); got != want {
				t.Fatalf("%s: VerifyASN1 = %v, crypto/ecdsa = %v (digest %x, sig %x)", what, got, want, digest, sig)
			}
			return want
		}
		checkRaw := func(what string, digest, r, s []byte) bool {
			want := ecdsa.Verify(pub, digest, new(big.Int).SetBytes(r), new(big.Int).SetBytes(s))
			if got := pk.Verify(digest, r, s); got != want {
				t.Fatalf("%s: Verify = %v, crypto/ecdsa = %v (digest %x, r %x, s %x)", what, got, want, digest, r, s)
			}
			return want
		}

		if mode&3 == 0 {
			// Arbitrary signature bytes and, split in two, raw integers.
			check("raw DER", digest, data)
			h := len(data) / 2
			checkRaw("raw integers", digest, data[:h], data[h:])
			return
		}

		// A valid deterministic signature of the (possibly non-32-byte)
		// digest, then mutations of it.
		sig, err := priv.Sign(nil, digest, crypto.SHA256)
		if err != nil {
			return
		}
		if mode&3 == 1 {
			// XOR the data into the signature; extra data is appended.
			mut := append([]byte(nil), sig...)
			for i, b := range data {
				if i < len(mut) {
					mut[i] ^= b
				} else {
					mut = append(mut, b)
				}
			}
			if valid := check("xor", digest, mut); !valid && len(data) == 0 {
				t.Fatal("crypto/ecdsa rejects its own signature")
			}
			return
		}

		// Structured mutations on the integers.
		var r, s *big.Int
		if !p256FuzzParse(sig, &r, &s) {
			t.Fatalf("cannot parse crypto/ecdsa's signature %x", sig)
		}
		d := new(big.Int).SetInt64(int64(delta))
		if mode&4 != 0 {
			s.Sub(p256FuzzN, s) // high-s twin
		}
		if mode&8 != 0 {
			r.Add(r, d)
		}
		if mode&16 != 0 {
			s.Sub(s, d)
		}
		if mode&32 != 0 {
			r.Add(r, p256FuzzN)
		}
		if mode&64 != 0 && len(digest) > 0 {
			digest = append([]byte(nil), digest...)
			digest[int(delta)%len(digest)] ^= 1 << (delta >> 13)
		}
		for _, v := range []*big.Int{r, s} {
			if v.Sign() < 0 {
				v.Neg(v)
			}
		}
		rb, sb := r.Bytes(), s.Bytes()
		if mode&128 != 0 {
			// XOR data into the magnitudes.
			for i, b := range data {
				if i%2 == 0 && i/2 < len(rb) {
					rb[i/2] ^= b
				} else if i/2 < len(sb) {
					sb[i/2] ^= b
				}
			}
		}
		pad := make([]byte, int(delta>>8)%4)
		checkRaw("integers", digest, append(pad, rb...), append(pad, sb...))
		if len(rb) <= 40 && len(sb) <= 40 {
			check("integers DER", digest, p256FuzzDER(rb, sb, delta&1 != 0, delta&2 != 0))
		}
	})
}

// p256FuzzParse reads the canonical encoding crypto/ecdsa produces.
func p256FuzzParse(sig []byte, r, s **big.Int) bool {
	if len(sig) < 8 || sig[0] != 0x30 || int(sig[1]) != len(sig)-2 {
		return false
	}
	rest := sig[2:]
	for _, out := range []**big.Int{r, s} {
		if len(rest) < 2 || rest[0] != 2 || int(rest[1]) > len(rest)-2 {
			return false
		}
		l := int(rest[1])
		*out = new(big.Int).SetBytes(rest[2 : 2+l])
		rest = rest[2+l:]
	}
	return len(rest) == 0
}

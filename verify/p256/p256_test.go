package p256

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"fmt"
	"math/big"
	"math/rand/v2"
	"sync"
	"testing"

	"filippo.io/nistec"
)

var (
	bigN = new(big.Int).Set(curveN)
	bigP = elliptic.P256().Params().P
)

func mustKey(tb testing.TB, k *ecdsa.PublicKey) *PublicKey {
	tb.Helper()
	pk, err := NewPublicKey(k)
	if err != nil {
		tb.Fatal(err)
	}
	return pk
}

// checker compares every verification with crypto/ecdsa.
type checker struct {
	t     *testing.T
	pk    *PublicKey
	pub   *ecdsa.PublicKey
	n     int // comparisons made
	valid int // of which crypto/ecdsa said true
}

func newChecker(t *testing.T, pub *ecdsa.PublicKey) *checker {
	return &checker{t: t, pk: mustKey(t, pub), pub: pub}
}

// asn1 compares VerifyASN1 with ecdsa.VerifyASN1 and returns the verdict.
func (c *checker) asn1(what string, digest, sig []byte) bool {
	c.t.Helper()
	want := ecdsa.VerifyASN1(c.pub, digest, sig)
	got := c.pk.VerifyASN1(digest, sig)
	if r, s, ok := parseCanonical(sig); ok {
		// The fast path itself, whatever VerifyASN1 dispatches to.
		if fast := c.pk.verify(digest, r, s); fast != want {
			c.t.Errorf("%s: fast path = %v, crypto/ecdsa = %v", what, fast, want)
		}
	}
	c.n++
	if want {
		c.valid++
	}
	if got != want {
		c.t.Errorf("%s: VerifyASN1 = %v, crypto/ecdsa = %v\ndigest %x\nsig    %x", what, got, want, digest, sig)
	}
	return want
}

// raw compares Verify with ecdsa.Verify on the same magnitudes.
func (c *checker) raw(what string, digest, r, s []byte) bool {
	c.t.Helper()
	want := ecdsa.Verify(c.pub, digest, new(big.Int).SetBytes(r), new(big.Int).SetBytes(s))
	got := c.pk.Verify(digest, r, s)
	if fast := c.pk.verify(digest, trimZeros(r), trimZeros(s)); fast != want {
		c.t.Errorf("%s: fast path = %v, crypto/ecdsa = %v", what, fast, want)
	}
	c.n++
	if want {
		c.valid++
	}
	if got != want {
		c.t.Errorf("%s: Verify = %v, crypto/ecdsa = %v\ndigest %x\nr %x\ns %x", what, got, want, digest, r, s)
	}
	return want
}

// both checks (r, s) through Verify and through its canonical DER encoding.
func (c *checker) both(what string, digest []byte, r, s *big.Int) bool {
	c.t.Helper()
	w1 := c.raw(what+" (raw)", digest, r.Bytes(), s.Bytes())
	w2 := c.asn1(what+" (DER)", digest, derSig(c.t, r, s))
	if w1 != w2 {
		c.t.Fatalf("%s: crypto/ecdsa Verify and VerifyASN1 disagree", what)
	}
	return w1
}

// mustValid checks a signature that crypto/ecdsa must accept.
func (c *checker) mustValid(what string, digest []byte, r, s *big.Int) {
	c.t.Helper()
	if !c.both(what, digest, r, s) {
		c.t.Fatalf("%s: test bug: crypto/ecdsa rejects a signature built to be valid", what)
	}
}

func parseDER(t *testing.T, sig []byte) (r, s *big.Int) {
	t.Helper()
	rb, sb, ok := parseCanonical(sig)
	if !ok {
		t.Fatalf("not canonical: %x", sig)
	}
	return new(big.Int).SetBytes(rb), new(big.Int).SetBytes(sb)
}

func flipBit(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i/8] ^= 0x80 >> (i % 8)
	return c
}

// mutations runs every single-bit flip of r, s (as 32-byte values), of the
// digest and of the DER encoding, the high-s twin, and ±1 neighbours.
func (c *checker) mutations(what string, digest []byte, r, s *big.Int) {
	c.t.Helper()
	c.mustValid(what, digest, r, s)
	r32, s32 := r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))
	for i := range 256 {
		fr := new(big.Int).SetBytes(flipBit(r32, i))
		fs := new(big.Int).SetBytes(flipBit(s32, i))
		c.both(fmt.Sprintf("%s r^bit%d", what, i), digest, fr, s)
		c.both(fmt.Sprintf("%s s^bit%d", what, i), digest, r, fs)
	}
	for i := range len(digest) * 8 {
		c.both(fmt.Sprintf("%s digest^bit%d", what, i), flipBit(digest, i), r, s)
	}
	der := derSig(c.t, r, s)
	for i := range len(der) * 8 {
		c.asn1(fmt.Sprintf("%s DER^bit%d", what, i), digest, flipBit(der, i))
	}
	// High-s: crypto/ecdsa accepts (r, n-s) too.
	hs := new(big.Int).Sub(bigN, s)
	if !c.both(what+" high-s", digest, r, hs) {
		c.t.Errorf("%s: crypto/ecdsa rejected the high-s twin", what)
	}
	one := big.NewInt(1)
	c.both(what+" r+1", digest, new(big.Int).Add(r, one), s)
	c.both(what+" r-1", digest, new(big.Int).Sub(r, one), s)
	c.both(what+" s+1", digest, r, new(big.Int).Add(s, one))
	c.both(what+" s-1", digest, r, new(big.Int).Sub(s, one))
	c.both(what+" r+n", digest, new(big.Int).Add(r, bigN), s)
	c.both(what+" s+n", digest, r, new(big.Int).Add(s, bigN))
	c.both(what+" swapped", digest, s, r)
}

// TestDifferentialBitFlips: valid signatures under random keys, and every
// single-bit mutation of them, give crypto/ecdsa's verdict.
func TestDifferentialBitFlips(t *testing.T) {
	rng := newRNG("bitflips")
	keys := 6
	if testing.Short() {
		keys = 2
	}
	for i := range keys {
		priv := testKey(t, rng)
		c := newChecker(t, &priv.PublicKey)
		d := sha256.Sum256(fmt.Appendf(nil, "message %d", i))
		r, s := parseDER(t, signDet(t, priv, d[:]))
		c.mutations(fmt.Sprintf("key%d/rfc6979", i), d[:], r, s)
		fd, fr, fs := forge(t, pointOf(t, &priv.PublicKey), rng)
		c.mutations(fmt.Sprintf("key%d/forged", i), fd, fr, fs)
		if c.valid < 4 {
			t.Fatalf("only %d valid signatures among %d comparisons", c.valid, c.n)
		}
	}
}

// TestDifferentialManyKeys: many random keys and messages.
func TestDifferentialManyKeys(t *testing.T) {
	rng := newRNG("manykeys")
	keys := 60
	if testing.Short() {
		keys = 10
	}
	for i := range keys {
		priv := testKey(t, rng)
		c := newChecker(t, &priv.PublicKey)
		for j := range 4 {
			d := sha256.Sum256(fmt.Appendf(nil, "key %d message %d", i, j))
			sig := signDet(t, priv, d[:])
			if !c.asn1("valid", d[:], sig) {
				t.Fatal("crypto/ecdsa rejected a fresh signature")
			}
			r, s := parseDER(t, sig)
			c.mustValid("valid", d[:], r, s)
			c.both("high-s", d[:], r, new(big.Int).Sub(bigN, s))
			// A random bit of r, s and the digest.
			c.both("r flip", d[:], new(big.Int).Xor(r, new(big.Int).Lsh(big.NewInt(1), uint(rng.IntN(256)))), s)
			c.both("s flip", d[:], r, new(big.Int).Xor(s, new(big.Int).Lsh(big.NewInt(1), uint(rng.IntN(256)))))
			c.both("digest flip", flipBit(d[:], rng.IntN(256)), r, s)
			// Another key's signature.
			other := testKey(t, rng)
			c.asn1("other key", d[:], signDet(t, other, d[:]))
		}
		fd, fr, fs := forge(t, pointOf(t, &priv.PublicKey), rng)
		c.mustValid("forged", fd, fr, fs)
	}
}

// TestEdgeScalars: r and s at and around 0 and n, at 2^256-1, and with leading
// zeros, against a valid counterpart.
func TestEdgeScalars(t *testing.T) {
	rng := newRNG("edges")
	priv := testKey(t, rng)
	c := newChecker(t, &priv.PublicKey)
	d := sha256.Sum256([]byte("edge"))
	r, s := parseDER(t, signDet(t, priv, d[:]))
	c.mustValid("valid", d[:], r, s)

	one := big.NewInt(1)
	max256 := new(big.Int).Sub(new(big.Int).Lsh(one, 256), one)
	edges := map[string]*big.Int{
		"0":       big.NewInt(0),
		"1":       one,
		"2":       big.NewInt(2),
		"n-1":     new(big.Int).Sub(bigN, one),
		"n":       bigN,
		"n+1":     new(big.Int).Add(bigN, one),
		"p":       bigP,
		"p-1":     new(big.Int).Sub(bigP, one),
		"2^255":   new(big.Int).Lsh(one, 255),
		"2^256-1": max256,
		"2^256":   new(big.Int).Lsh(one, 256),
		"2^264":   new(big.Int).Lsh(one, 264),
		"r+n":     new(big.Int).Add(r, bigN),
		"s+n":     new(big.Int).Add(s, bigN),
	}
	for name, v := range edges {
		c.both("r="+name, d[:], v, s)
		c.both("s="+name, d[:], r, v)
		c.both("r=s="+name, d[:], v, v)
	}

	// Leading zeros in the raw API are magnitudes: still valid.
	for _, pad := range []int{1, 2, 8, 40} {
		rz := append(make([]byte, pad), r.Bytes()...)
		sz := append(make([]byte, pad), s.Bytes()...)
		if !c.raw(fmt.Sprintf("leading zeros %d", pad), d[:], rz, sz) {
			t.Errorf("crypto/ecdsa rejected leading zeros %d", pad)
		}
		c.raw("zero r padded", d[:], make([]byte, pad), s.Bytes())
	}
	c.raw("empty r", d[:], nil, s.Bytes())
	c.raw("empty s", d[:], r.Bytes(), nil)

	// Signatures whose r or s is short (small values): build them with
	// forge until r or s has leading zero bytes in its 32-byte form, which
	// exercises the DER length handling (about 1 in 128 tries each).
	q := pointOf(t, &priv.PublicKey)
	var shortR, shortS bool
	for i := 0; i < 5000 && !(shortR && shortS); i++ {
		fd, fr, fs := forge(t, q, rng)
		if fr.BitLen() <= 248 && !shortR {
			shortR = true
			c.mustValid("short r", fd, fr, fs)
		}
		if fs.BitLen() <= 248 && !shortS {
			shortS = true
			c.mustValid("short s", fd, fr, fs)
		}
		if fr.BitLen() < 256 && fs.BitLen() < 256 {
			// No 0x00 pad byte on either integer.
			c.mustValid("unpadded", fd, fr, fs)
		}
	}
	if !shortR || !shortS {
		t.Error("did not find short r and s")
	}
}

// pointWithX returns the first point whose x coordinate is >= x.
func pointWithX(t *testing.T, x *big.Int) (*nistec.P256Point, *big.Int) {
	t.Helper()
	x = new(big.Int).Set(x)
	for {
		enc := append([]byte{2}, x.FillBytes(make([]byte, 32))...)
		if p, err := nistec.NewP256Point().SetBytes(enc); err == nil {
			return p, x
		}
		x.Add(x, big.NewInt(1))
	}
}

// keyForR returns a public key under which (r = x(R) mod n, s) is a valid
// signature of digest: Q = u2⁻¹·(R - u1·G) for random u1, u2.
func keyForR(t *testing.T, rng *rand.Rand, R *nistec.P256Point, r *big.Int) (pub *ecdsa.PublicKey, digest []byte, s *big.Int) {
	t.Helper()
	u1, u2 := randScalar(rng), randScalar(rng)
	u1G, _ := nistec.NewP256Point().ScalarBaseMult(u1.FillBytes(make([]byte, 32)))
	diff := nistec.NewP256Point().Add(R, u1G.Negate(u1G))
	inv := new(big.Int).ModInverse(u2, bigN)
	q, _ := nistec.NewP256Point().ScalarMult(diff, inv.FillBytes(make([]byte, 32)))
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), q.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	s = new(big.Int).Mul(inv, r)
	s.Mod(s, bigN)
	e := new(big.Int).Mul(u1, s)
	e.Mod(e, bigN)
	return pub, e.FillBytes(make([]byte, 32)), s
}

// TestSmallRS: valid signatures with small r or s, so that r+n and s+n
// still fit in 32 bytes. crypto/ecdsa rejects them (r, s must be < n); a
// verifier that reduced s mod n would accept (r, s+n).
func TestSmallRS(t *testing.T) {
	rng := newRNG("smallrs")
	priv := testKey(t, rng)
	c := newChecker(t, &priv.PublicKey)
	one := big.NewInt(1)
	limit := new(big.Int).Sub(new(big.Int).Lsh(one, 256), bigN) // v + n < 2^256 for v < limit
	// With the private key, any s can be chosen: s = k⁻¹(e + r·d) gives
	// e = s·k - r·d.
	for _, s := range []*big.Int{one, big.NewInt(2), big.NewInt(0x80), big.NewInt(0xff01),
		new(big.Int).Lsh(one, 100), new(big.Int).Sub(limit, one), new(big.Int).Sub(bigN, one)} {
		k := randScalar(rng)
		r, ok := xModN(t, nistec.NewP256Point(), k, one)
		if !ok {
			t.Fatal("unlucky nonce")
		}
		e := new(big.Int).Mul(s, k)
		e.Sub(e, new(big.Int).Mul(r, privScalar(t, priv))).Mod(e, bigN)
		digest := e.FillBytes(make([]byte, 32))
		c.mustValid(fmt.Sprintf("s=%x", s), digest, r, s)
		if s.Cmp(limit) < 0 {
			sn := new(big.Int).Add(s, bigN)
			if sn.BitLen() > 256 {
				t.Fatal("test bug: s+n too long")
			}
			if c.both(fmt.Sprintf("s=%x+n", s), digest, r, sn) {
				t.Error("crypto/ecdsa accepted s >= n")
			}
			c.both(fmt.Sprintf("s=%x+2n", s), digest, r, new(big.Int).Add(sn, bigN))
		}
		c.both(fmt.Sprintf("s=%x high-s", s), digest, r, new(big.Int).Sub(bigN, s))
	}
	// Small r: pick R with a small x, then the key.
	for _, x0 := range []int64{1, 1000, 1 << 40} {
		R, x := pointWithX(t, big.NewInt(x0))
		pub, digest, s := keyForR(t, rng, R, x)
		c := newChecker(t, pub)
		c.mustValid(fmt.Sprintf("r=%x", x), digest, x, s)
		rn := new(big.Int).Add(x, bigN)
		if c.both(fmt.Sprintf("r=%x+n", x), digest, rn, s) {
			t.Error("crypto/ecdsa accepted r >= n")
		}
		c.mutations(fmt.Sprintf("r=%x", x), digest, x, s)
	}
}

// TestDER: malformed and non-canonical encodings of a valid signature.
func TestDER(t *testing.T) {
	rng := newRNG("der")
	priv := testKey(t, rng)
	c := newChecker(t, &priv.PublicKey)
	q := pointOf(t, &priv.PublicKey)

	// A signature with both r and s having the high bit set (33-byte
	// INTEGERs) and one with neither.
	var d, rb, sb []byte
	var r, s *big.Int
	for {
		d, r, s = forge(t, q, rng)
		if r.BitLen() == 256 && s.BitLen() == 256 {
			break
		}
	}
	c.mustValid("valid", d, r, s)
	rb, sb = r.Bytes(), s.Bytes()

	integer := func(v []byte) []byte { return append([]byte{0x02, byte(len(v))}, v...) }
	seq := func(parts ...[]byte) []byte {
		body := bytes.Join(parts, nil)
		return append([]byte{0x30, byte(len(body))}, body...)
	}
	pad := func(v []byte) []byte { return append([]byte{0}, v...) }
	canon := seq(integer(pad(rb)), integer(pad(sb)))
	if !bytes.Equal(canon, derSig(t, r, s)) {
		t.Fatalf("test bug: canonical encoding mismatch")
	}
	body := canon[2:]
	cases := map[string][]byte{
		"canonical":            canon,
		"empty":                {},
		"seq only":             {0x30},
		"empty seq":            {0x30, 0x00},
		"r only":               seq(integer(pad(rb))),
		"three integers":       seq(integer(pad(rb)), integer(pad(sb)), integer([]byte{1})),
		"missing pad r":        seq(integer(rb), integer(pad(sb))),
		"missing pad s":        seq(integer(pad(rb)), integer(sb)),
		"double pad r":         seq(integer(pad(pad(rb))), integer(pad(sb))),
		"double pad s":         seq(integer(pad(rb)), integer(pad(pad(sb)))),
		"trailing byte":        append(bytes.Clone(canon), 0x00),
		"trailing seq":         append(bytes.Clone(canon), canon...),
		"trailing in seq":      seq(integer(pad(rb)), integer(pad(sb)), []byte{0x00}),
		"long form length":     append([]byte{0x30, 0x81, byte(len(body))}, body...),
		"long form 2":          append([]byte{0x30, 0x82, 0x00, byte(len(body))}, body...),
		"indefinite":           append(append([]byte{0x30, 0x80}, body...), 0, 0),
		"length too long":      append([]byte{0x30, byte(len(body) + 1)}, body...),
		"length too short":     append([]byte{0x30, byte(len(body) - 1)}, body...),
		"truncated":            canon[:len(canon)-1],
		"set tag":              append([]byte{0x31}, canon[1:]...),
		"constructed integer":  seq(append([]byte{0x22, byte(len(rb) + 1)}, pad(rb)...), integer(pad(sb))),
		"bit string r":         seq(append([]byte{0x03, byte(len(rb) + 1)}, pad(rb)...), integer(pad(sb))),
		"empty integer r":      seq([]byte{0x02, 0x00}, integer(pad(sb))),
		"empty integer s":      seq(integer(pad(rb)), []byte{0x02, 0x00}),
		"integer long form r":  seq(append([]byte{0x02, 0x81, byte(len(rb) + 1)}, pad(rb)...), integer(pad(sb))),
		"negative r":           seq(integer(rb), integer(pad(sb))),
		"negative s (asn1)":    derSig(t, r, new(big.Int).Neg(s)),
		"negative r (asn1)":    derSig(t, new(big.Int).Neg(r), s),
		"negative n-r (asn1)":  derSig(t, new(big.Int).Sub(r, bigN), s),
		"zero r":               seq(integer([]byte{0}), integer(pad(sb))),
		"zero r non-minimal":   seq(integer([]byte{0, 0}), integer(pad(sb))),
		"minus one r":          seq(integer([]byte{0xff}), integer(pad(sb))),
		"r with 0x00 0x00 pad": seq(integer(append([]byte{0, 0}, rb...)), integer(pad(sb))),
		"r 34 bytes":           seq(integer(append([]byte{0x01}, pad(rb)...)), integer(pad(sb))),
		"r plus n":             derSig(t, new(big.Int).Add(r, bigN), s),
		"r 33 bytes nonzero":   seq(integer(append([]byte{0x01}, rb...)), integer(pad(sb))),
		"high tag number":      append([]byte{0x3f, 0x10}, canon[1:]...),
		"swapped":              seq(integer(pad(sb)), integer(pad(rb))),
		"inner seq":            seq(seq(integer(pad(rb)), integer(pad(sb)))),
	}
	for name, sig := range cases {
		got := c.asn1(name, d, sig)
		if got != (name == "canonical") {
			t.Errorf("%s: crypto/ecdsa says %v (test expectation wrong?)", name, got)
		}
	}

	// A valid signature whose r and s have no pad byte, with pads added.
	for {
		d, r, s = forge(t, q, rng)
		if r.BitLen() < 256 && s.BitLen() < 256 && r.BitLen() > 248 && s.BitLen() > 248 {
			break
		}
	}
	rb, sb = r.Bytes(), s.Bytes()
	c.mustValid("unpadded valid", d, r, s)
	c.asn1("unneeded pad r", d, seq(integer(pad(rb)), integer(sb)))
	c.asn1("unneeded pad s", d, seq(integer(rb), integer(pad(sb))))
	c.asn1("unpadded canonical", d, seq(integer(rb), integer(sb)))
}

// TestDigests: digests of every interesting length, including ones that must
// be truncated and 32-byte values at or above n.
func TestDigests(t *testing.T) {
	rng := newRNG("digests")
	priv := testKey(t, rng)
	c := newChecker(t, &priv.PublicKey)
	d := privScalar(t, priv)

	// sign signs the integer e (already reduced) with a random nonce.
	sign := func(e *big.Int) (r, s *big.Int) {
		for {
			k := randScalar(rng)
			x, ok := xModN(t, nistec.NewP256Point(), k, big.NewInt(1)) // k·G + 1·∞
			if !ok {
				continue
			}
			s := new(big.Int).ModInverse(k, bigN)
			s.Mul(s, new(big.Int).Add(e, new(big.Int).Mul(x, d)))
			s.Mod(s, bigN)
			if s.Sign() != 0 {
				return x, s
			}
		}
	}
	for _, l := range []int{0, 1, 2, 16, 20, 28, 31, 32, 33, 48, 64, 100} {
		digest := make([]byte, l)
		for i := range digest {
			digest[i] = byte(rng.Uint32())
		}
		// hashToNat: leftmost 32 bytes, mod n.
		e := new(big.Int).SetBytes(digest[:min(l, 32)])
		e.Mod(e, bigN)
		r, s := sign(e)
		c.mutations(fmt.Sprintf("len %d", l), digest, r, s)
	}

	// 32-byte digests >= n reduce mod n.
	for _, v := range []*big.Int{
		bigN,
		new(big.Int).Add(bigN, big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)),
	} {
		digest := v.FillBytes(make([]byte, 32))
		e := new(big.Int).Mod(v, bigN)
		r, s := sign(e)
		c.mustValid(fmt.Sprintf("digest %x", digest), digest, r, s)
		c.mustValid("digest reduced", e.FillBytes(make([]byte, 32)), r, s)
	}
	// Zero digest (u1 = 0) and digest = n (also e = 0).
	r, s := sign(new(big.Int))
	c.mustValid("zero digest", make([]byte, 32), r, s)
	c.mustValid("empty digest", nil, r, s)
	c.mustValid("digest n", bigN.FillBytes(make([]byte, 32)), r, s)
}

// TestSpecialKeys: the generator, its negation, small multiples, keys with
// small x coordinates, and cases where R is the point at infinity or
// intermediate sums double.
func TestSpecialKeys(t *testing.T) {
	rng := newRNG("special")
	one := big.NewInt(1)
	scalars := map[string]*big.Int{
		"G (d=1)":     one,
		"2G":          big.NewInt(2),
		"3G":          big.NewInt(3),
		"-G (d=n-1)":  new(big.Int).Sub(bigN, one),
		"(n-1)/2 G":   new(big.Int).Rsh(new(big.Int).Sub(bigN, one), 1),
		"2^128 G":     new(big.Int).Lsh(one, 128),
		"2^255 G":     new(big.Int).Lsh(one, 255),
		"2^8 G":       big.NewInt(256),
		"(2^256-1)%n": new(big.Int).Mod(new(big.Int).Sub(new(big.Int).Lsh(one, 256), one), bigN),
	}
	for name, dk := range scalars {
		priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), dk.FillBytes(make([]byte, 32)))
		if err != nil {
			t.Fatal(err)
		}
		c := newChecker(t, &priv.PublicKey)
		q := pointOf(t, &priv.PublicKey)
		for i := range 8 {
			dg := sha256.Sum256(fmt.Appendf(nil, "%s %d", name, i))
			sig := signDet(t, priv, dg[:])
			if !c.asn1(name, dg[:], sig) {
				t.Fatalf("%s: crypto/ecdsa rejected a fresh signature", name)
			}
			fd, fr, fs := forge(t, q, rng)
			c.mustValid(name+" forged", fd, fr, fs)
		}
		// R = ∞: u1·G + u2·Q = O ⇔ e + r·d ≡ 0 (mod n).
		r := randScalar(rng)
		e := new(big.Int).Mul(r, dk)
		e.Neg(e).Mod(e, bigN)
		if c.both(name+" R=∞", e.FillBytes(make([]byte, 32)), r, randScalar(rng)) {
			t.Errorf("%s: crypto/ecdsa accepted R = ∞", name)
		}
		// u1·G = u2·Q: e ≡ r·d, the final sum is a doubling.
		e.Mul(r, dk).Mod(e, bigN)
		c.both(name+" u1G=u2Q", e.FillBytes(make([]byte, 32)), r, randScalar(rng))
	}

	// Public keys with small x (no known private key).
	found := 0
	for x := int64(0); found < 4 && x < 200; x++ {
		for _, prefix := range []byte{2, 3} {
			enc := append([]byte{prefix}, big.NewInt(x).FillBytes(make([]byte, 32))...)
			q, err := nistec.NewP256Point().SetBytes(enc)
			if err != nil {
				continue
			}
			found++
			pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), q.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			c := newChecker(t, pub)
			for range 4 {
				fd, fr, fs := forge(t, q, rng)
				c.mustValid(fmt.Sprintf("x=%d", x), fd, fr, fs)
			}
			fd, fr, fs := forge(t, q, rng)
			c.mutations(fmt.Sprintf("x=%d", x), fd, fr, fs)
		}
	}
	if found < 4 {
		t.Fatalf("found only %d small-x keys", found)
	}
}

// TestXAboveN: x(R) in [n, p), so that r = x(R) - n. It never happens by
// chance (probability ~2^-128), so build R first and solve for the key.
func TestXAboveN(t *testing.T) {
	rng := newRNG("xaboven")
	R, x := pointWithX(t, bigN)
	if x.Cmp(bigP) >= 0 {
		t.Fatal("test bug: no x in [n, p)")
	}
	r := new(big.Int).Sub(x, bigN)
	for i := range 4 {
		pub, digest, s := keyForR(t, rng, R, r)
		c := newChecker(t, pub)
		c.mutations(fmt.Sprintf("x>=n #%d", i), digest, r, s)
		// r = x itself is >= n and must be rejected.
		if c.both("r = x(R)", digest, x, s) {
			t.Error("crypto/ecdsa accepted r >= n")
		}
	}
}

// TestRecode: the signed digits reconstruct the scalar and stay in range.
func TestRecode(t *testing.T) {
	rng := newRNG("recode")
	one := big.NewInt(1)
	vals := []*big.Int{
		big.NewInt(0), one, big.NewInt(2),
		new(big.Int).Sub(bigN, one), bigN,
		new(big.Int).Sub(new(big.Int).Lsh(one, 256), one),
		new(big.Int).Lsh(one, 255),
	}
	for _, b := range []byte{0x7f, 0x80, 0xff, 0x55, 0xaa, 0x01} {
		vals = append(vals, new(big.Int).SetBytes(bytes.Repeat([]byte{b}, 32)))
	}
	for range 300 {
		vals = append(vals, randScalar(rng))
	}
	for w := uint(2); w <= 16; w++ {
		nwin := int((257 + w - 1) / w)
		half := int32(1) << (w - 1)
		d := make([]int32, nwin)
		for _, v := range vals {
			var b [32]byte
			v.FillBytes(b[:])
			l := scalarLimbs(&b)
			recode(&l, w, d)
			sum := new(big.Int)
			for i := nwin - 1; i >= 0; i-- {
				if d[i] > half || d[i] <= -half {
					t.Fatalf("w=%d: digit %d = %d out of range", w, i, d[i])
				}
				sum.Lsh(sum, w).Add(sum, big.NewInt(int64(d[i])))
			}
			if sum.Cmp(v) != 0 {
				t.Fatalf("w=%d: recode(%x) reconstructs %x", w, v, sum)
			}
		}
	}
}

// TestTableMult: the table multiplication agrees with nistec's ScalarMult
// for every window width and for scalars that stress the recoding.
func TestTableMult(t *testing.T) {
	rng := newRNG("tablemult")
	priv := testKey(t, rng)
	q := pointOf(t, &priv.PublicKey)
	one := big.NewInt(1)
	scalars := []*big.Int{
		one, big.NewInt(2), big.NewInt(3),
		new(big.Int).Sub(bigN, one), new(big.Int).Sub(bigN, big.NewInt(2)),
		new(big.Int).Lsh(one, 255), new(big.Int).Lsh(one, 128),
		new(big.Int).SetBytes(bytes.Repeat([]byte{0x80}, 32)),
		new(big.Int).SetBytes(bytes.Repeat([]byte{0x7f}, 32)),
		new(big.Int).Sub(new(big.Int).Lsh(one, 256), one), // >= n: u·Q = (u mod n)·Q
		bigN, // n·Q = ∞
	}
	for range 30 {
		scalars = append(scalars, randScalar(rng))
	}
	windows := []uint{2, 3, 4, 5, 6, 7, 8, 9, 10}
	if !testing.Short() {
		windows = append(windows, 11, 12)
	}
	for _, w := range windows {
		pk, err := newPublicKey(&priv.PublicKey, w)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range scalars {
			var b [32]byte
			u.FillBytes(b[:])
			got := nistec.NewP256Point()
			pk.addMul(got, &b)
			red := new(big.Int).Mod(u, bigN).FillBytes(make([]byte, 32))
			want, err := nistec.NewP256Point().ScalarMult(q, red)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("w=%d: table mult of %x wrong", w, u)
			}
			// Also with a non-infinity accumulator.
			acc := nistec.NewP256Point().SetGenerator()
			pk.addMul(acc, &b)
			want.Add(want, nistec.NewP256Point().SetGenerator())
			if !bytes.Equal(acc.Bytes(), want.Bytes()) {
				t.Fatalf("w=%d: G + table mult of %x wrong", w, u)
			}
		}
	}
}

// TestWindows: every window width verifies like crypto/ecdsa.
func TestWindows(t *testing.T) {
	rng := newRNG("windows")
	priv := testKey(t, rng)
	q := pointOf(t, &priv.PublicKey)
	for _, w := range []uint{2, 5, 8, 10, 12} {
		pk, err := newPublicKey(&priv.PublicKey, w)
		if err != nil {
			t.Fatal(err)
		}
		c := &checker{t: t, pk: pk, pub: &priv.PublicKey}
		for range 20 {
			fd, fr, fs := forge(t, q, rng)
			c.mustValid(fmt.Sprintf("w=%d", w), fd, fr, fs)
			c.both(fmt.Sprintf("w=%d wrong digest", w), flipBit(fd, rng.IntN(256)), fr, fs)
		}
		if _, err := NewPublicKeyWindow(&priv.PublicKey, int(w)); err != nil {
			t.Errorf("NewPublicKeyWindow(%d): %v", w, err)
		}
	}
	for _, w := range []int{-1, 0, 1, 14, 64} {
		if _, err := NewPublicKeyWindow(&priv.PublicKey, w); err == nil {
			t.Errorf("NewPublicKeyWindow(%d) succeeded", w)
		}
	}
}

// TestRandomSignatures: random (mostly invalid) byte strings and integers.
func TestRandomSignatures(t *testing.T) {
	rng := newRNG("random")
	priv := testKey(t, rng)
	c := newChecker(t, &priv.PublicKey)
	for range 300 {
		d := make([]byte, rng.IntN(70))
		for i := range d {
			d[i] = byte(rng.Uint32())
		}
		r := make([]byte, rng.IntN(40))
		s := make([]byte, rng.IntN(40))
		for i := range r {
			r[i] = byte(rng.Uint32())
		}
		for i := range s {
			s[i] = byte(rng.Uint32())
		}
		c.raw("random", d, r, s)
		c.asn1("random DER", d, derSig(t, new(big.Int).SetBytes(r), new(big.Int).SetBytes(s)))
		junk := make([]byte, rng.IntN(80))
		for i := range junk {
			junk[i] = byte(rng.Uint32())
		}
		c.asn1("junk", d, junk)
	}
}

// TestConcurrent: a PublicKey is safe for concurrent use (run with -race).
func TestConcurrent(t *testing.T) {
	rng := newRNG("concurrent")
	priv := testKey(t, rng)
	pk := mustKey(t, &priv.PublicKey)
	var digests, sigs [][]byte
	for i := range 16 {
		d := sha256.Sum256([]byte{byte(i)})
		digests = append(digests, d[:])
		sigs = append(sigs, signDet(t, priv, d[:]))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range sigs {
				j := (i + g) % len(sigs)
				if !pk.VerifyASN1(digests[j], sigs[j]) {
					t.Error("valid signature rejected")
				}
				if pk.VerifyASN1(digests[(j+1)%len(sigs)], sigs[j]) {
					t.Error("signature accepted for the wrong digest")
				}
			}
		})
	}
	wg.Wait()
}

// TestAllocs keeps the fast path's allocation count in check.
func TestAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	rng := newRNG("allocs")
	priv := testKey(t, rng)
	pk := mustKey(t, &priv.PublicKey)
	d := sha256.Sum256([]byte("allocs"))
	sig := signDet(t, priv, d[:])
	n := testing.AllocsPerRun(100, func() {
		if !pk.VerifyASN1(d[:], sig) {
			t.Fatal("rejected")
		}
	})
	if n > 40 {
		t.Errorf("%v allocations per verification", n)
	}
}

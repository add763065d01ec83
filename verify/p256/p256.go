// Package p256 verifies many ECDSA P-256 signatures under one public key
// faster than crypto/ecdsa, by precomputing a per-key table.
//
// A Matter attestation batch has one PAI public key and up to millions of
// DAC signatures made with it. crypto/ecdsa.VerifyASN1 computes
// u1·G + u2·Q with a constant-time, table-based ScalarBaseMult for u1·G (cheap)
// and a constant-time ScalarMult for u2·Q that does ~255 doublings, ~52
// additions and builds a 16-point table every call (about two thirds of the
// cost of a verification). Verification only handles public data, so none of
// that needs to be constant time, and Q is fixed for the whole batch.
//
// # Design
//
// [NewPublicKey] builds a fixed-base table for Q: for every window i of
// w bits it stores j·2^(w·i)·Q for j = 1..2^(w-1) (w = 8: 33 windows ×
// 128 points, ~400 KiB per key, built in a few milliseconds). Verify
// recodes u2 into signed base-2^w digits and computes u2·Q as one point
// addition per non-zero digit (a table look-up, negated for negative digits),
// with no doublings at all. u1·G uses nistec's ScalarBaseMult, which is already
// a fixed-base comb over a precomputed generator table and, at ~11 µs, is
// cheaper than anything a variable-time table built on the same public API
// achieves.
//
// All field and group arithmetic is done by filippo.io/nistec, the exported
// copy of the standard library's crypto/internal/fips140/nistec (the same
// assembly/fiat-crypto code crypto/ecdsa runs, with complete addition
// formulas, on-curve checks in SetBytes and an explicit point at infinity).
// This package contains no field arithmetic of its own: only scalar recoding,
// table indexing, and the mod-n scalar math, which uses math/big (variable
// time is fine here; its ~2 µs modular inverse is a small part of the total and
// is double checked: w·s ≡ 1 mod n or the signature is rejected). A bespoke
// field implementation (affine tables with mixed additions, no final
// inversion, no wasted doublings) was considered and not built: its gain is
// unmeasured and bounded by the ~55 % of the time spent in additions and
// BytesX, while it would put hundreds of lines of unverified carry-handling
// code on the security path; the table method already meets the target. With
// the purego build tag (fiat-crypto for nistec and for crypto/ecdsa alike)
// the ratio is similar (~0.34x).
//
// Measured on a shared 2-core amd64 machine (Go 1.26.8, medians of five runs,
// both verifiers in the same run; see BenchmarkVerify, BenchmarkWindow and
// BenchmarkDACCheck): VerifyASN1 ~31 µs against ~76 µs for
// crypto/ecdsa.VerifyASN1 on the same key and signatures (0.41x); the table
// costs ~1.9 ms and 396 KiB per key. Of the remaining time, about 35 % is
// ScalarBaseMult, 45 % the ~32 table additions (nistec's complete Add, which
// always computes a doubling too), 12 % the final inversion in BytesX and
// 8 % math/big. Wider windows (NewPublicKeyWindow) gain only 5–10 % more:
// w = 10 is ~0.40x with 1.2 MiB, w = 12 ~0.38x with 4.1 MiB, partly lost to
// cache misses, so the default stays at w = 8.
//
// The final check is exact: R = u1·G + u2·Q must not be the point at
// infinity, and x(R) mod n (x(R) < p < 2n, so at most one subtraction) must
// equal r.
//
// # Semantics
//
// The result is the same bool crypto/ecdsa returns for the same inputs:
//
//   - r and s must satisfy 0 < r, s < n; high-s signatures are accepted,
//     as crypto/ecdsa accepts them.
//   - The digest is converted like crypto/ecdsa's hashToNat for P-256: the
//     leftmost 32 bytes (all of it if shorter, an empty digest is zero) are
//     read as a big-endian integer and reduced mod n. Any digest length works.
//   - VerifyASN1 takes a fast path only for the exact canonical DER encoding
//     SEQUENCE { INTEGER r, INTEGER s } (short-form lengths, minimal
//     non-negative integers, no trailing data), which crypto/ecdsa's parser
//     always accepts; every other byte string is handed to crypto/ecdsa.VerifyASN1,
//     so DER strictness is crypto/ecdsa's by construction.
//   - If the FIPS 140-3 mode of the Go Cryptographic Module is enabled
//     (crypto/fips140.Enabled), every call is delegated to crypto/ecdsa so
//     that only the validated module is used.
//
// Keys crypto/ecdsa would reject (point not on the curve, coordinates not
// reduced, the point at infinity, a curve other than P-256) make
// [NewPublicKey] return an error; crypto/ecdsa returns false for every
// signature under such a key. Unlike crypto/ecdsa, NewPublicKey also refuses
// a key whose Curve is not elliptic.P256() itself but another value with the
// same Params, and returns an error for nil coordinates where crypto/ecdsa
// panics.
//
// A PublicKey is immutable and safe for concurrent use.
package p256

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/fips140"
	"errors"
	"math/big"

	"filippo.io/nistec"
)

// defaultWindow is the window width w used by NewPublicKey. See the package
// documentation and BenchmarkWindow for the trade-off.
const defaultWindow = 8

// PublicKey is a P-256 ECDSA public key with a precomputed table that makes
// verification of many signatures under it cheap.
type PublicKey struct {
	w     uint // window width in bits
	nwin  int  // number of windows
	half  int  // 2^(w-1): table points per window
	table []nistec.P256Point

	pub     *ecdsa.PublicKey // fallback, a private copy
	encoded [65]byte         // uncompressed SEC 1 encoding of Q
}

var (
	curveN    = elliptic.P256().Params().N
	nBytes    = curveN.FillBytes(make([]byte, 32))
	errCurve  = errors.New("p256: public key is not on curve P-256")
	errNilKey = errors.New("p256: nil public key or coordinate")
)

// NewPublicKey precomputes the verification table for k, which must be a
// valid P-256 public key with Curve == elliptic.P256(). It costs a few
// milliseconds and about 400 KiB.
func NewPublicKey(k *ecdsa.PublicKey) (*PublicKey, error) {
	return newPublicKey(k, defaultWindow)
}

// NewPublicKeyWindow is like NewPublicKey with a window width of w bits,
// 2 <= w <= 13. The table holds ceil(257/w)·2^(w-1) points of 96 bytes:
// w = 8 (the default) is ~400 KiB, w = 10 ~1.2 MiB, w = 12 ~4.1 MiB. Wider
// windows save one point addition per w bits of the scalar and cost
// proportionally more memory and build time.
func NewPublicKeyWindow(k *ecdsa.PublicKey, w int) (*PublicKey, error) {
	if w < 2 || w > 13 {
		return nil, errors.New("p256: window width out of range")
	}
	return newPublicKey(k, uint(w))
}

// ParseUncompressedPublicKey is like NewPublicKey but takes the 65-byte
// uncompressed SEC 1 encoding (0x04 || X || Y), as accepted by
// crypto/ecdsa.ParseUncompressedPublicKey.
func ParseUncompressedPublicKey(b []byte) (*PublicKey, error) {
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), b)
	if err != nil {
		return nil, err
	}
	return fromECDSA(pub, defaultWindow)
}

func newPublicKey(k *ecdsa.PublicKey, w uint) (*PublicKey, error) {
	if k == nil || k.Curve == nil {
		return nil, errNilKey
	}
	//lint:ignore SA1019 only checked for nil: ecdsa.PublicKey.Bytes would panic.
	if k.X == nil || k.Y == nil {
		return nil, errNilKey
	}
	// crypto/ecdsa also verifies keys whose Curve merely has P-256's
	// Params; PublicKey.Bytes (below) does not, so neither do we.
	if k.Curve != elliptic.P256() {
		return nil, errCurve
	}
	// Bytes validates the key exactly as crypto/ecdsa.VerifyASN1 does
	// (publicKeyToFIPS: non-negative coordinates of at most 256 bits, below
	// p, on the curve); the point at infinity has no such encoding.
	b, err := k.Bytes()
	if err != nil {
		return nil, err
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), b)
	if err != nil {
		return nil, err
	}
	return fromECDSA(pub, w)
}

// fromECDSA builds the table for a validated key, which it keeps (a private
// copy) for the fallback paths.
func fromECDSA(pub *ecdsa.PublicKey, w uint) (*PublicKey, error) {
	if w < 2 || w > 16 {
		return nil, errors.New("p256: window width out of range")
	}
	b, err := pub.Bytes()
	if err != nil || len(b) != 65 {
		return nil, errCurve
	}
	pk := &PublicKey{w: w, pub: pub}
	copy(pk.encoded[:], b)
	// SetBytes rejects coordinates >= p and points not on the curve.
	q, err := nistec.NewP256Point().SetBytes(pk.encoded[:])
	if err != nil {
		return nil, err
	}
	pk.buildTable(q)
	return pk, nil
}

// ECDSA returns a copy of the key as a crypto/ecdsa public key.
func (k *PublicKey) ECDSA() *ecdsa.PublicKey {
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), k.encoded[:])
	if err != nil {
		panic("p256: internal error: stored key does not parse")
	}
	return pub
}

// Bytes returns the 65-byte uncompressed SEC 1 encoding of the key.
func (k *PublicKey) Bytes() []byte {
	b := k.encoded
	return b[:]
}

// TableBytes returns the memory used by the precomputed table, in bytes.
func (k *PublicKey) TableBytes() int {
	return len(k.table) * p256PointSize
}

// VerifyASN1 reports whether sig, an ASN.1 DER ECDSA-Sig-Value, is a valid
// signature of digest by k. It returns exactly what
// crypto/ecdsa.VerifyASN1(k.ECDSA(), digest, sig) returns.
func (k *PublicKey) VerifyASN1(digest, sig []byte) bool {
	if fips140.Enabled() {
		return ecdsa.VerifyASN1(k.pub, digest, sig)
	}
	r, s, ok := parseCanonical(sig)
	if !ok {
		// Not canonical DER (or not a plausible P-256 signature): let
		// crypto/ecdsa decide, so that DER strictness is its own.
		return ecdsa.VerifyASN1(k.pub, digest, sig)
	}
	return k.verify(digest, r, s)
}

// Verify reports whether (r, s) is a valid signature of digest by k. r and s
// are unsigned big-endian magnitudes and may carry leading zero bytes (such
// as DER INTEGER contents). It returns exactly what
// crypto/ecdsa.Verify(k.ECDSA(), digest, new(big.Int).SetBytes(r),
// new(big.Int).SetBytes(s)) returns.
func (k *PublicKey) Verify(digest, r, s []byte) bool {
	r, s = trimZeros(r), trimZeros(s)
	if fips140.Enabled() {
		return ecdsa.Verify(k.pub, digest, new(big.Int).SetBytes(r), new(big.Int).SetBytes(s))
	}
	return k.verify(digest, r, s)
}

func trimZeros(b []byte) []byte {
	for len(b) > 0 && b[0] == 0 {
		b = b[1:]
	}
	return b
}

// parseCanonical parses the canonical DER encoding of an ECDSA-Sig-Value
// with both integers at most 33 bytes long. It returns the integers'
// magnitudes without leading zeros. ok is false for any other input.
func parseCanonical(sig []byte) (r, s []byte, ok bool) {
	if len(sig) < 2 || sig[0] != 0x30 || sig[1] >= 0x80 || int(sig[1]) != len(sig)-2 {
		return nil, nil, false
	}
	rest := sig[2:]
	r, rest, ok = parseCanonicalInt(rest)
	if !ok {
		return nil, nil, false
	}
	s, rest, ok = parseCanonicalInt(rest)
	if !ok || len(rest) != 0 {
		return nil, nil, false
	}
	return r, s, true
}

// parseCanonicalInt reads a minimally encoded, non-negative DER INTEGER of at
// most 33 content bytes with a short-form length.
func parseCanonicalInt(b []byte) (v, rest []byte, ok bool) {
	if len(b) < 3 || b[0] != 0x02 {
		return nil, nil, false
	}
	l := int(b[1])
	if l == 0 || l > 33 || len(b)-2 < l {
		return nil, nil, false
	}
	v, rest = b[2:2+l], b[2+l:]
	if v[0]&0x80 != 0 {
		return nil, nil, false // negative
	}
	if l > 1 && v[0] == 0 && v[1]&0x80 == 0 {
		return nil, nil, false // non-minimal
	}
	if v[0] == 0 && l > 1 {
		v = v[1:]
	}
	return v, rest, true
}

// inRange reports whether the big-endian magnitude b, without leading zeros,
// is in [1, n-1], and if so writes it left-padded into out.
func inRange(b []byte, out *[32]byte) bool {
	if len(b) == 0 || len(b) > 32 || (len(b) == 1 && b[0] == 0) {
		return false
	}
	*out = [32]byte{}
	copy(out[32-len(b):], b)
	for i := range 32 {
		if out[i] != nBytes[i] {
			return out[i] < nBytes[i]
		}
	}
	return false // equal to n
}

// verify is the fast path. rb and sb are magnitudes without leading zeros.
func (k *PublicKey) verify(digest, rb, sb []byte) bool {
	var r32, s32 [32]byte
	if !inRange(rb, &r32) || !inRange(sb, &s32) {
		return false
	}

	// e = leftmost 256 bits of the digest, mod n (crypto/ecdsa hashToNat).
	if len(digest) > 32 {
		digest = digest[:32]
	}
	var scratch [4]big.Int
	e, r, s, t := &scratch[0], &scratch[1], &scratch[2], &scratch[3]
	e.SetBytes(digest)
	if e.Cmp(curveN) >= 0 {
		e.Sub(e, curveN)
	}
	r.SetBytes(r32[:])
	s.SetBytes(s32[:])

	// w = s⁻¹ mod n, double checked.
	var wi big.Int
	w := wi.ModInverse(s, curveN)
	if w == nil || t.Mul(w, s).Mod(t, curveN).Cmp(bigOne) != 0 {
		return false
	}
	var u1b, u2b [32]byte
	t.Mul(e, w).Mod(t, curveN).FillBytes(u1b[:])
	t.Mul(r, w).Mod(t, curveN).FillBytes(u2b[:])

	// R = u1·G + u2·Q
	acc := nistec.NewP256Point()
	if _, err := acc.ScalarBaseMult(u1b[:]); err != nil {
		return false
	}
	k.addMul(acc, &u2b)
	x, err := acc.BytesX()
	if err != nil {
		return false // R is the point at infinity
	}

	// x(R) < p < 2n, so x mod n is x or x - n.
	t.SetBytes(x)
	if t.Cmp(curveN) >= 0 {
		t.Sub(t, curveN)
	}
	return t.Cmp(r) == 0
}

var bigOne = big.NewInt(1)

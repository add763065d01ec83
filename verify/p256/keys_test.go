//lint:file-ignore SA1019 these tests build invalid keys through the deprecated coordinate fields on purpose.

package p256

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"math/big"
	"testing"

	"filippo.io/nistec"
)

// otherP256 is a curve value that is not elliptic.P256() but has its Params.
type otherP256 struct{ elliptic.Curve }

// TestInvalidKeys: keys crypto/ecdsa cannot verify under are rejected.
func TestInvalidKeys(t *testing.T) {
	rng := newRNG("invalid")
	priv := testKey(t, rng)
	X, Y := priv.X, priv.Y
	one := big.NewInt(1)
	bad := map[string]*ecdsa.PublicKey{
		"nil X":                           {Curve: elliptic.P256(), Y: Y},
		"P-256 params, other Curve value": {Curve: otherP256{elliptic.P256()}, X: X, Y: Y},
		"nil Y":                           {Curve: elliptic.P256(), X: X},
		"nil curve":                       {X: X, Y: Y},
		"off curve":                       {Curve: elliptic.P256(), X: X, Y: new(big.Int).Add(Y, one)},
		"X+p":                             {Curve: elliptic.P256(), X: new(big.Int).Add(X, bigP), Y: Y},
		"Y+p":                             {Curve: elliptic.P256(), X: X, Y: new(big.Int).Add(Y, bigP)},
		"negative Y":                      {Curve: elliptic.P256(), X: X, Y: new(big.Int).Sub(Y, bigP)},
		"infinity":                        {Curve: elliptic.P256(), X: new(big.Int), Y: new(big.Int)},
		"P-384 curve":                     {Curve: elliptic.P384(), X: X, Y: Y},
		"X 2^256":                         {Curve: elliptic.P256(), X: new(big.Int).Lsh(one, 256), Y: Y},
	}
	d := sha256.Sum256([]byte("k"))
	sig := signDet(t, priv, d[:])
	for name, k := range bad {
		if _, err := NewPublicKey(k); err == nil {
			t.Errorf("%s: NewPublicKey accepted an invalid key", name)
		}
		// crypto/ecdsa verifies under a look-alike Curve value; NewPublicKey
		// refuses it (documented), which can only lose, never invent, a
		// valid verdict.
		if name != "P-256 params, other Curve value" && k.Curve != nil && k.X != nil && k.Y != nil && ecdsa.VerifyASN1(k, d[:], sig) {
			t.Errorf("%s: crypto/ecdsa accepted a signature under it", name)
		}
	}
	if _, err := NewPublicKey(nil); err == nil {
		t.Error("NewPublicKey(nil) succeeded")
	}
	good, _ := priv.PublicKey.Bytes()
	for name, b := range map[string][]byte{
		"empty":      nil,
		"infinity":   {0},
		"compressed": nistecCompressed(t, good),
		"short":      good[:64],
		"long":       append(bytes.Clone(good), 0),
		"prefix 3":   append([]byte{3}, good[1:]...),
		"off curve":  flipBit(good, 64*8-1),
	} {
		if _, err := ParseUncompressedPublicKey(b); err == nil {
			t.Errorf("%s: ParseUncompressedPublicKey accepted %x", name, b)
		}
	}
	pk, err := ParseUncompressedPublicKey(good)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pk.Bytes(), good) || !pk.ECDSA().Equal(&priv.PublicKey) {
		t.Error("key round trip mismatch")
	}
	if !pk.VerifyASN1(d[:], sig) {
		t.Error("parsed key rejects a valid signature")
	}
	if _, err := newPublicKey(&priv.PublicKey, 1); err == nil {
		t.Error("window 1 accepted")
	}
}

func nistecCompressed(t *testing.T, uncompressed []byte) []byte {
	p, err := nistec.NewP256Point().SetBytes(uncompressed)
	if err != nil {
		t.Fatal(err)
	}
	return p.BytesCompressed()
}

// TestKeyIsCopied: mutating the caller's key after NewPublicKey has no effect.
func TestKeyIsCopied(t *testing.T) {
	rng := newRNG("copy")
	priv := testKey(t, rng)
	pub := priv.PublicKey
	pub.X, pub.Y = new(big.Int).Set(priv.X), new(big.Int).Set(priv.Y)
	pk := mustKey(t, &pub)
	other := testKey(t, rng)
	pub.X.Set(other.X)
	pub.Y.Set(other.Y)
	d := sha256.Sum256([]byte("copy"))
	if !pk.VerifyASN1(d[:], signDet(t, priv, d[:])) {
		t.Error("key changed with the caller's copy")
	}
	k := pk.ECDSA()
	k.X.SetInt64(1)
	if !pk.ECDSA().Equal(&priv.PublicKey) {
		t.Error("ECDSA() exposes internal state")
	}
	want, _ := priv.PublicKey.Bytes()
	b := pk.Bytes()
	b[1] ^= 1
	if !bytes.Equal(pk.Bytes(), want) {
		t.Error("Bytes() exposes internal state")
	}
}

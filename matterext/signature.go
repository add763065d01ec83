package matterext

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"errors"
	"time"
)

// Signature errors.
var (
	// ErrUnsupportedKey: the public key is not an uncompressed P-256 point.
	ErrUnsupportedKey = errors.New("public key is not a P-256 id-ecPublicKey point")
	// ErrUnsupportedAlgorithm: the signature algorithm is not ecdsa-with-SHA256.
	ErrUnsupportedAlgorithm = errors.New("signature algorithm is not ecdsa-with-SHA256")
	// ErrBadSignature: the signature does not verify.
	ErrBadSignature = errors.New("signature does not verify")
)

// ECDSAPublicKey returns c's P-256 public key.
func (c *Certificate) ECDSAPublicKey() (*ecdsa.PublicKey, error) {
	pk := &c.PublicKey
	if !pk.Algorithm.OID.Equal(OIDECPublicKey) || !OID(namedCurve(pk.Algorithm.Params)).Equal(OIDCurveP256) || pk.Key.UnusedBits != 0 {
		return nil, ErrUnsupportedKey
	}
	k, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), pk.Key.Bytes)
	if err != nil {
		return nil, ErrUnsupportedKey
	}
	return k, nil
}

// CheckSignature verifies that c was signed (ecdsa-with-SHA256) by the
// holder of pub.
func (c *Certificate) CheckSignature(pub *ecdsa.PublicKey) error {
	if !c.SignatureAlgorithm.OID.Equal(OIDECDSAWithSHA256) {
		return ErrUnsupportedAlgorithm
	}
	if !c.Signature.Present || c.Signature.UnusedBits != 0 {
		return ErrBadSignature
	}
	sum := sha256.Sum256(c.RawTBS)
	if !ecdsa.VerifyASN1(pub, sum[:], c.Signature.Bytes) {
		return ErrBadSignature
	}
	return nil
}

// ValidAtIssuance reports whether t lies within c's validity, both ends
// inclusive, as the SDK's IsCertificateValidAtIssuance compares them. A
// certificate whose dates do not decode is never valid.
func (c *Certificate) ValidAtIssuance(t time.Time) bool {
	nb, na := &c.NotBefore, &c.NotAfter
	if !nb.Present || !na.Present || nb.Err != "" || na.Err != "" {
		return false
	}
	return !t.Before(nb.T) && !t.After(na.T)
}

func namedCurve(params []byte) []byte {
	if len(params) < 2 || params[0] != TagOID || int(params[1]) != len(params)-2 {
		return nil
	}
	return params[2:]
}

package matterext

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"errors"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
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
	return c.CheckSignatureFunc(func(digest, sig []byte) bool { return ecdsa.VerifyASN1(pub, digest, sig) })
}

// CheckSignatureFunc is CheckSignature with the ECDSA verification done by
// verifyASN1 (given the SHA-256 digest of the TBSCertificate and the DER
// Ecdsa-Sig-Value), e.g. a verifier with precomputed tables for the key.
func (c *Certificate) CheckSignatureFunc(verifyASN1 func(digest, sig []byte) bool) error {
	if !c.SignatureAlgorithm.OID.Equal(OIDECDSAWithSHA256) {
		return ErrUnsupportedAlgorithm
	}
	if !c.Signature.Present || c.Signature.UnusedBits != 0 {
		return ErrBadSignature
	}
	sum := sha256.Sum256(c.RawTBS)
	if !verifyASN1(sum[:], c.Signature.Bytes) {
		return ErrBadSignature
	}
	return nil
}

// ValidAtIssuance reports whether t lies within c's validity, both ends
// inclusive, as the SDK's IsCertificateValidAtIssuance compares them. A
// certificate whose dates do not decode is never valid.
func (c *Certificate) ValidAtIssuance(t time.Time) bool {
	nb, na := &c.NotBefore, &c.NotAfter
	if !nb.Present || !na.Present || nb.Err != nil || na.Err != nil {
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

// SplitECDSASignature reads a DER Ecdsa-Sig-Value (SEQUENCE { r INTEGER,
// s INTEGER }) and returns the content octets of r and s; ok is false when b
// is not exactly that.
func SplitECDSASignature(b []byte) (r, s []byte, ok bool) {
	in := cryptobyte.String(b)
	var seq, ri, si cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || len(in) > 0 ||
		!seq.ReadASN1(&ri, cbasn1.INTEGER) || !seq.ReadASN1(&si, cbasn1.INTEGER) || len(seq) > 0 {
		return nil, nil, false
	}
	return ri, si, true
}

// ValidP256SigComponent reports whether r or s of a P-256 signature is a
// positive, minimally encoded INTEGER of at most 33 octets (32 bytes of
// magnitude plus a sign octet).
func ValidP256SigComponent(b []byte) bool {
	i := Integer{Present: true, Bytes: b}
	return i.Minimal() && !i.Negative() && !i.Zero() && len(b) <= 33
}

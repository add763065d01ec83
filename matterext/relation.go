package matterext

import "bytes"

// KeyIDMatch says how a certificate's authorityKeyIdentifier relates to the
// subjectKeyIdentifier of a candidate issuer.
type KeyIDMatch uint8

const (
	// KeyIDMatches: the AKID's keyIdentifier equals the issuer's SKID.
	KeyIDMatches KeyIDMatch = iota
	// KeyIDMismatch: both are present and differ.
	KeyIDMismatch
	// KeyIDNoAKID: the certificate has no usable AKID keyIdentifier (the
	// extension is absent, does not decode, or has no [0] keyIdentifier).
	KeyIDNoAKID
	// KeyIDNoSKID: the issuer has no usable SKID (absent or undecodable).
	KeyIDNoSKID
)

func (m KeyIDMatch) String() string {
	switch m {
	case KeyIDMatches:
		return "AKID matches the issuer's SKID"
	case KeyIDMismatch:
		return "AKID differs from the issuer's SKID"
	case KeyIDNoAKID:
		return "no AKID keyIdentifier"
	}
	return "the issuer has no SKID"
}

// Relation is how a certificate relates to a candidate issuer, as chain
// builders (the SDK's, the DCL's, RFC 5280 §6.1) look at it: names, then key
// identifiers. It says nothing about the signature; see CheckSignatureFrom.
type Relation struct {
	// Names is true when the certificate's issuer is byte-for-byte the
	// candidate's subject (what the SDK's TC_DA_1_7 checks and OpenSSL's
	// chain building compares, after canonicalisation).
	Names bool
	// KeyID compares the certificate's AKID with the candidate's SKID.
	KeyID KeyIDMatch
}

// Relate compares c with a candidate issuer. What a missing AKID or SKID
// means is the caller's choice: KeyID says which is missing, and only
// KeyIDMismatch proves that the candidate is not the issuer.
func Relate(c, issuer *Certificate) Relation {
	r := Relation{Names: bytes.Equal(c.Issuer.Raw, issuer.Subject.Raw)}
	ak, sk := c.AuthorityKeyID, issuer.SubjectKeyID
	switch {
	case ak == nil || ak.Err != nil || !ak.HasKeyID:
		r.KeyID = KeyIDNoAKID
	case sk == nil || sk.Err != nil:
		r.KeyID = KeyIDNoSKID
	case !bytes.Equal(ak.KeyID, sk.ID):
		r.KeyID = KeyIDMismatch
	}
	return r
}

// CheckSignatureFrom verifies that c was signed (ecdsa-with-SHA256) with
// issuer's P-256 key. The error wraps ErrUnsupportedKey when the issuer's
// key cannot verify, else it is ErrUnsupportedAlgorithm or ErrBadSignature.
func (c *Certificate) CheckSignatureFrom(issuer *Certificate) error {
	key, err := issuer.ECDSAPublicKey()
	if err != nil {
		return err
	}
	return c.CheckSignature(key)
}

package verify

import (
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/matterlint/matterlint/matterext"
)

// opensslNullKeyID reports whether VerifyAttestationCertificateFormat of SDK
// releases before PR #40566 dereferences a NULL key identifier on c with
// OpenSSL 3 (src/crypto/CHIPCryptoPALOpenSSL.cpp): the function walks the
// extensions in order, leaving at the first basicConstraints or keyUsage
// that fails its check, and at a subjectKeyIdentifier or
// authorityKeyIdentifier reads X509_get0_subject_key_id(x)->length or
// X509_get0_authority_key_id(x)->length. OpenSSL returns NULL from those
// when the certificate's extension cache is invalid (any extension it
// caches does not decode: X509_check_purpose fails), when the SKID does not
// decode, or when the AKID has no keyIdentifier. Checked against Debian's
// OpenSSL 3.0 on the SDK's four struct_*_fuzzed_* vectors.
func opensslNullKeyID(c *matterext.Certificate) bool {
	invalid := opensslCacheInvalid(c)
	for i := range c.Extensions {
		e := &c.Extensions[i]
		switch {
		case e.OID.Equal(matterext.OIDExtBasicConstraints):
			if !e.Critical || c.BasicConstraints == nil || c.BasicConstraints.Err != nil {
				return false // the format check fails here first
			}
		case e.OID.Equal(matterext.OIDExtKeyUsage):
			if !e.Critical || c.KeyUsage == nil || c.KeyUsage.Err != nil {
				return false
			}
		case e.OID.Equal(matterext.OIDExtSubjectKeyID):
			switch s := c.SubjectKeyID; {
			case e.Critical:
				return false
			case invalid || s == nil || s.Err != nil:
				return true
			case len(s.ID) != 20:
				return false
			}
		case e.OID.Equal(matterext.OIDExtAuthorityKeyID):
			switch a := c.AuthorityKeyID; {
			case e.Critical:
				return false
			case invalid || a == nil || a.Err != nil || !a.HasKeyID:
				return true
			case len(a.KeyID) != 20:
				return false
			}
		}
	}
	return false
}

// opensslCached are extensions OpenSSL decodes when it caches a
// certificate's extensions (ossl_x509v3_cache_extensions), with the outer
// ASN.1 tag of their value.
var opensslCached = []struct {
	oid matterext.OID
	tag cbasn1.Tag
}{
	{matterext.OIDExtBasicConstraints, cbasn1.SEQUENCE},
	{matterext.OIDExtKeyUsage, cbasn1.BIT_STRING},
	{matterext.OIDExtExtKeyUsage, cbasn1.SEQUENCE},
	{matterext.OIDExtSubjectKeyID, cbasn1.OCTET_STRING},
	{matterext.OIDExtAuthorityKeyID, cbasn1.SEQUENCE},
	{matterext.OIDExtSubjectAltName, cbasn1.SEQUENCE},
	{matterext.OID{0x55, 0x1D, 0x12}, cbasn1.SEQUENCE}, // issuerAltName
	{matterext.OIDExtCRLDistPoints, cbasn1.SEQUENCE},
	{matterext.OID{0x55, 0x1D, 0x1E}, cbasn1.SEQUENCE}, // nameConstraints
}

// opensslCacheInvalid reports whether an extension OpenSSL caches is not a
// single element of its type (a structural approximation of OpenSSL's
// decoders), or a decoded one failed in our decoder.
func opensslCacheInvalid(c *matterext.Certificate) bool {
	if bc := c.BasicConstraints; bc != nil && bc.Err != nil {
		return true
	}
	if ku := c.KeyUsage; ku != nil && ku.Err != nil {
		return true
	}
	if s := c.SubjectKeyID; s != nil && s.Err != nil {
		return true
	}
	if a := c.AuthorityKeyID; a != nil && a.Err != nil {
		return true
	}
	for i := range c.Extensions {
		e := &c.Extensions[i]
		for _, k := range opensslCached {
			if !e.OID.Equal(k.oid) {
				continue
			}
			v := cryptobyte.String(e.Value)
			var body cryptobyte.String
			if !v.ReadASN1(&body, k.tag) || len(v) != 0 {
				return true
			}
			if k.tag == cbasn1.SEQUENCE && k.oid.Equal(matterext.OIDExtCRLDistPoints) && !wellFormedDistPoints(body) {
				return true
			}
		}
	}
	return false
}

// wellFormedDistPoints reports whether body is a sequence of DistributionPoint
// SEQUENCEs whose fields are context-tagged [0]-[2].
func wellFormedDistPoints(body cryptobyte.String) bool {
	for !body.Empty() {
		var dp cryptobyte.String
		if !body.ReadASN1(&dp, cbasn1.SEQUENCE) {
			return false
		}
		for !dp.Empty() {
			var tag cbasn1.Tag
			var field cryptobyte.String
			if !dp.ReadAnyASN1(&field, &tag) || tag&0xC0 != 0x80 || tag&0x1F > 2 {
				return false
			}
		}
	}
	return true
}

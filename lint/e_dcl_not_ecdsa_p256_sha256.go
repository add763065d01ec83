package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_not_ecdsa_p256_sha256",
		description: "The DCL rejects a certificate not signed with ecdsa-with-SHA256 or whose key is not ECDSA P-256, as crypto/x509 reads them",
		roles:       rolesDCL &^ matterext.RoleCRLSigner,
		check:       DCLCheck{Func: fnX509("VerifyECDSAP256SHA256"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "ecdsa-with-SHA256 and an ECDSA P-256 key",
		quote:       "the certificate is signed with ecdsa-with-SHA256 and that its subject public key is an ECDSA key on the prime256v1 (P-256 / secp256r1) curve",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyECDSAP256SHA256 doc comment",
		note:        "crypto/x509 names the algorithm from its OID; the Matter rules e_sig_alg_not_ecdsa_with_sha256, e_sig_alg_has_parameters and e_spki_curve_not_p256 also read the encoding.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclECDSAP256SHA256(c) },
	}))
}

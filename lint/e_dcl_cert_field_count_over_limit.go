package lint

import (
	"crypto/x509"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_cert_field_count_over_limit",
		description: "The DCL rejects a certificate with more than 100 subjectAltName entries or more than 50 subject attributes",
		roles:       rolesDCL,
		check:       DCLCheck{Func: fnX509("ParseAndValidateCertificate"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "at most 100 SANs and 50 subject attributes",
		quote:       "2. Checks that the number of Subject Alternative Names (SANs) does not exceed MaxSANCount (100) 3. Checks that the number of subject fields does not exceed MaxSubjectFields (50)",
		quoteSource: dclDoc + "x/pki/x509/x509.go ParseAndValidateCertificate doc comment",
		note:        "The DCL's third limit, 20480 characters of PEM text (2048 for a revocation point's crlSignerCertificate, in ValidateBasic), counts the submitted text, which lint does not see; matterlint dcl check applies it.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclFieldCounts(c) },
	}))
}

package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_ca_extensions_invalid",
		description: "The DCL's CA profile: basicConstraints critical; keyUsage present and critical, with keyCertSign and cRLSign and nothing but digitalSignature beside them; a 20-octet SKID; a 20-octet AKID when not self-issued",
		roles:       matterext.RolePAA | matterext.RolePAI | matterext.RoleDAC | rolesNOCCA,
		check:       DCLCheck{Func: fnX509("VerifyCAExtensions"), Order: 2, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "the DCL's CA profile",
		quote:       "BasicConstraints extension SHALL be present and marked critical. KeyUsage extension SHALL be present and marked critical. KeyUsage SHALL include keyCertSign and cRLSign. KeyUsage MAY include digitalSignature; no other bits SHALL be set. SubjectKeyIdentifier SHALL be present.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyCAExtensions doc comment",
		note:        "A certificate linted as PAI or DAC takes this profile when its basicConstraints has cA TRUE, as VerifyDAChainNonRoot decides for MsgAddX509Cert. The key-usage conditions are caKeyUsageMissing and caKeyUsageForbidden, shared with e_ca_key_usage_cert_sign_missing, e_ca_key_usage_crl_sign_missing and e_ca_key_usage_forbidden_bits.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclCAExtensions(c) },
		applies:     addCertCA,
	}))
}

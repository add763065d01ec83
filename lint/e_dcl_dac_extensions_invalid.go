package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_dac_extensions_invalid",
		description: "The DCL's DAC profile (cA FALSE in MsgAddX509Cert): basicConstraints critical; keyUsage present, critical and exactly digitalSignature; 20-octet SKID and AKID",
		roles:       matterext.RolePAI | matterext.RoleDAC,
		check:       DCLCheck{Func: fnX509("verifyDACExtensions"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "the DCL's DAC profile",
		quote:       "BasicConstraints SHALL be encoded, marked critical, with cA=FALSE. KeyUsage SHALL be encoded, marked critical, exactly digitalSignature. SubjectKeyIdentifier SHALL be present. AuthorityKeyIdentifier SHALL be present.",
		quoteSource: dclDoc + "x/pki/x509/x509.go verifyEndEntityExtensions doc comment",
		note:        "A certificate linted as PAI or DAC takes this profile when its basicConstraints has cA FALSE, as VerifyDAChainNonRoot decides. Its key-usage condition is the same as e_dac_key_usage_not_digital_signature_only's (one function serves both).",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclEndEntity(c, "DAC") },
		applies:     addCertEndEntity,
	}))
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ca_key_usage_cert_sign_missing",
				"A CA's (PAA, PAI, RCAC, ICAC) keyUsage must assert keyCertSign",
				citePAA+"; "+citePAI+"; "+citeNOCCA, SourceMatter),
			Roles: rolesCA | rolesNOCCA, SDK: SDKFormat,
			Quote:       "KeyUsage SHALL be marked critical and have the keyCertSign and cRLSign bits set.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.4 point 9 (PAI, p.368) and §6.2.2.5 point 8 (PAA, p.370) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); DCL equivalent: zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) 'KeyUsage SHALL include both keyCertSign and cRLSign bits'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && caKeyUsageMissing(ku.Bits)&kuCertSign != 0 {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "keyCertSign|cRLSign", ctx.Role.String()+" keyUsage is "+matterext.KeyUsageString(ku.Bits)+"; keyCertSign is missing")
			}
		},
	})
}

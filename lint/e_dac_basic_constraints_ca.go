package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_basic_constraints_ca",
				"A DAC's basicConstraints must have cA FALSE (omitted)",
				citeDAC, SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKFormat,
			Quote:       "Basic Constraint extension SHALL be marked critical and have the cA field set to FALSE.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.3 point 11a (p.364) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); DCL: zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) 'BasicConstraints cA SHALL be set to FALSE'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && bc.CA {
				r.Add(bcLoc+".cA", "TRUE", "FALSE (omitted)", "DAC basicConstraints has cA TRUE; a DAC is an end-entity certificate")
			}
		},
	})
}

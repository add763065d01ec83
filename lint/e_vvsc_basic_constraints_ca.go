package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_vvsc_basic_constraints_ca",
				"A VID verification signer certificate's basicConstraints must have cA FALSE",
				citeVVSC, SourceDCL),
			Roles: matterext.RoleVVSC, SDK: SDKNotChecked,
			Quote:       "BasicConstraints cA SHALL be set to FALSE",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) verifyEndEntityExtensions (message `certKind + \": BasicConstraints cA SHALL be set to FALSE\"`, certKind \"VVSC\" from VerifyVVSCExtensions)",
			Note:        "The DCL rejects a VVSC with cA TRUE with ErrInappropriateCertificateType (408), the trust anchor and the signers below it alike.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && bc.CA {
				r.Add(bcLoc+".cA", "TRUE", "FALSE", "VVSC basicConstraints has cA TRUE; a VID verification signer must be an end entity")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crlsigner_basic_constraints_ca",
				"A delegated CRL signer must not be a CA (basicConstraints cA FALSE)",
				citeCRLSigner, SourceDCL),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
			Quote:       "Basic Constraint extension's cA field SHALL be set to FALSE",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (HEAD 7319bed3) (delegated CRL signer)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && bc.CA {
				r.Add(bcLoc+".cA", "TRUE", "FALSE", "CRL signer basicConstraints has cA TRUE; a delegated CRL signer is a leaf")
			}
		},
	})
}

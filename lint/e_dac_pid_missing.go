package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_pid_missing",
				"A DAC subject must carry a Matter Product ID",
				citeDAC+"; DefaultDACVerifier::VerifyAttestationInformation step 10", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKProductID,
			Note: "The SDK reports a missing DAC PID as kDacProductIdMismatch (306). chip-cert validate-att-cert does not require it.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && !vp.HasPID() {
				r.Add("tbsCertificate.subject", "no PID", "matter-att-pid attribute", "DAC subject has no Matter PID"+missingHint(vp, false))
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_vid_missing",
				"A DAC subject must carry a Matter Vendor ID",
				citeDAC+"; DefaultDACVerifier::VerifyAttestationInformation step 9", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKVendorID,
			Note: "The SDK reports a missing DAC VID as kDacVendorIdMismatch (305), not as a format error. The DCL requires a VID only under a VID-scoped PAA.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && !vp.HasVID() {
				r.Add("tbsCertificate.subject", "no VID", "matter-att-vid attribute", "DAC subject has no Matter VID"+missingHint(vp, true))
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_pai_vid_missing",
				"A PAI subject must carry a Matter Vendor ID",
				citePAI+"; DefaultDACVerifier::VerifyAttestationInformation step 9", SourceMatter),
			Roles: matterext.RolePAI, SDK: SDKVendorID,
			Note: "The SDK reports a missing PAI VID as kDacVendorIdMismatch (305). The DCL accepts a PAI without VID under a non-VID-scoped PAA.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && !vp.HasVID() {
				r.Add("tbsCertificate.subject", "no VID", "matter-att-vid attribute", "PAI subject has no Matter VID"+missingHint(vp, true))
			}
		},
	})
}

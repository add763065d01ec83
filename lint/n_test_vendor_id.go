package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_test_vendor_id",
				"The VID is a test vendor ID (0xFFF1-0xFFF4), which production devices must not use",
				"Matter Vendor ID namespace (0xFFF1-0xFFF4 test vendors); TC_DA_1_2 step 6.2; matter-pki-rules.md §3.3", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && vp.HasVID() && vp.VID >= 0xFFF1 && vp.VID <= 0xFFF4 {
				r.Add("tbsCertificate.subject", matterext.FormatID(vp.VID), "an assigned vendor ID", "VID "+matterext.FormatID(vp.VID)+" is a test vendor ID")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_test_vendor_id",
				"The VID is a test vendor ID (0xFFF1-0xFFF4), which production devices must not use",
				"Matter Vendor ID namespace (0xFFF1-0xFFF4 test vendors); TC_DA_1_2 step 6.2; matter-pki-rules.md §3.3", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
			Quote:       "if not self.is_pics_sdk_ci_only: asserts.assert_in(vendor_id, range(1, 0xfff0), \"Vendor ID is out of range\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 6.2 (CD vendor_id); test VIDs: connectedhomeip src/lib/core/CHIPVendorIdentifiers.hpp `TestVendor1 = 0xFFF1u` … `TestVendor4 = 0xFFF4u`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && vp.HasVID() && vp.VID >= 0xFFF1 && vp.VID <= 0xFFF4 {
				r.Add("tbsCertificate.subject", matterext.FormatID(vp.VID), "an assigned vendor ID", "VID "+matterext.FormatID(vp.VID)+" is a test vendor ID")
			}
		},
	})
}

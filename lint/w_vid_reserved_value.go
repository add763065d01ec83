package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_vid_reserved_value",
				"The VID must not be 0x0000 (Common/Unspecified) or outside 0x0001-0xFFF4 (0xFFFF is the SDK's \"not specified\" sentinel)",
				"Matter Vendor ID namespace; TC_DA_1_2 step 6.2 (VID 1..0xFFEF outside CI); matter-pki-rules.md §3.3", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
			Note:        "The SDK does not range-check VIDs; the DCL reads 0000 as \"no VID\".",
			Quote:       "Common = 0x0000u, Unspecified = 0x0000u, ... NotSpecified = 0xFFFFu",
			QuoteSource: "connectedhomeip src/lib/core/CHIPVendorIdentifiers.hpp enum VendorId ('As per specifications (section 2.5.2 Vendor Identifier)'); range check only in connectedhomeip src/python_testing/TC_DA_1_2.py range(1, 0xfff0)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && vp.HasVID() && (vp.VID == 0 || vp.VID > 0xFFF4) {
				r.Add("tbsCertificate.subject", matterext.FormatID(vp.VID), "0001-FFF4", "VID "+matterext.FormatID(vp.VID)+" is reserved")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_vendor_id_out_of_range",
				"The CD vendor_id must be in 0x0001-0xFFEF outside test (CI) environments",
				citeTCDA12+" step 6.2", SourceTestHarness),
			SDK:         SDKNotChecked,
			Note:        "Test vendor IDs 0xFFF1-0xFFF4 are fine for development CDs signed with the test key.",
			Quote:       "vendor_id field matches `basic_info_vendor_id` and is in the standard vendor ID range",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 6.2 (code: range(1, 0xfff0), skipped when is_pics_sdk_ci_only)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagVendorID); f != nil && (f.Uint == 0 || f.Uint > 0xFFEF) {
				r.Add(cdFieldLoc(f), matterext.FormatID(uint16(f.Uint)), "0001-FFEF", "vendor_id "+matterext.FormatID(uint16(f.Uint))+" is outside 0x0001-0xFFEF")
			}
		},
	})
}

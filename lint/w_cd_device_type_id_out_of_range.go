package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_device_type_id_out_of_range",
				"The CD device_type_id must be in 0..2^31-2",
				citeTCDA12, SourceTestHarness),
			SDK:         SDKNotChecked,
			Quote:       "device_type_id has a value between 0 and (2^31 - 1)",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 6.4 (code: `asserts.assert_in(device_type_id, range(0, (2**31)-1), \"Device type ID is out of range\")`)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagDeviceTypeID); f != nil && f.Uint > 1<<31-2 {
				r.Add(cdFieldLoc(f), itoa(int64(f.Uint)), "0..2147483646", "device_type_id "+itoa(int64(f.Uint))+" is out of range")
			}
		},
	})
}

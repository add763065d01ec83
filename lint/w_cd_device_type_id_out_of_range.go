package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_device_type_id_out_of_range",
				"The CD device_type_id must be in 0..2^31-2",
				citeTCDA12, SourceTestHarness),
			SDK: SDKNotChecked,
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagDeviceTypeID); f != nil && f.Uint > 1<<31-2 {
				r.Add(cdFieldLoc(f), itoa(int64(f.Uint)), "0..2147483646", "device_type_id "+itoa(int64(f.Uint))+" is out of range")
			}
		},
	})
}

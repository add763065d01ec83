package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_paa_path_len_invalid",
				"A PAA's pathLenConstraint must be absent or 1",
				citePAA, SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			bc := basicConstraints(ctx.Cert)
			if bc == nil || !bc.PathLen.Present {
				return
			}
			if v, ok := bc.PathLen.Int64(); !ok || v != 1 {
				r.Add(bcLoc+".pathLenConstraint", itoa(v), "absent or 1", "PAA pathLenConstraint is "+itoa(v)+"; expected absent or 1")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_pai_path_len_not_zero",
				"A PAI's basicConstraints must carry pathLenConstraint 0",
				citePAI, SourceMatter),
			Roles: matterext.RolePAI, SDK: SDKFormat,
			Note: "The DCL accepts a PAI without pathLenConstraint; the SDK rejects it.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			bc := basicConstraints(ctx.Cert)
			if bc == nil || !bc.CA {
				return
			}
			if !bc.PathLen.Present {
				r.Add(bcLoc+".pathLenConstraint", "absent", "0", "PAI basicConstraints has no pathLenConstraint; expected 0")
				return
			}
			if v, ok := bc.PathLen.Int64(); !ok || v != 0 {
				r.Add(bcLoc+".pathLenConstraint", itoa(v), "0", "PAI pathLenConstraint is "+itoa(v)+"; expected 0")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_pid_with_is_paa", "A revocation point of a PAA (isPAA) must not carry a pid", citePoint, SourceDCL),
			Roles:        matterext.RolePoint,
		},
		Check: func(ctx *Context, r *Reporter) {
			if p := ctx.Point; p.IsPAA && p.PID != 0 {
				r.Add("pid", itoa(int64(p.PID)), "0 (empty)", "isPAA is true, so pid must be empty")
			}
		},
	})
}

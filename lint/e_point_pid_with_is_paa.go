package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_pid_with_is_paa", "A revocation point of a PAA (isPAA) must not carry a pid", citePoint, SourceDCL),
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			if p := p; p.IsPAA && p.PID != 0 {
				r.Add("pid", itoa(int64(p.PID)), "0 (empty)", "isPAA is true, so pid must be empty")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_pid_with_is_paa", "A revocation point of a PAA (isPAA) must not carry a pid", citePoint, SourceDCL),
			Quote:        "This field SHALL only be provided if the IsPAA field is false and if the CRLSignerCertificate field has a ProductID in its subject",
			QuoteSource:  "Matter Core spec 1.4.1 §11.23.9 (ProductID) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); DCL verifyPAA: NewErrNotEmptyPidForRootCertificate",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			if p := p; p.IsPAA && p.PID != 0 {
				r.Add("pid", itoa(int64(p.PID)), "0 (empty)", "isPAA is true, so pid must be empty")
			}
		},
	})
}

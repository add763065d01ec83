package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_paa_pid_present",
				"A PAA must not carry a Matter Product ID",
				citePAA+"; DefaultDACVerifier::VerifyAttestationInformation step 18; chip-cert validate-att-cert", SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKFormat, PAA: PAAProductID,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && vp.HasPID() {
				r.Add("tbsCertificate.subject", "PID "+matterext.FormatID(vp.PID)+" ("+vp.PIDForm.String()+")", "no PID", "PAA subject carries PID "+matterext.FormatID(vp.PID)+"; a PAA must not have a PID")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_pai_pid_zero",
				"A PAI PID of 0000 is treated as absent by the CD checks but as present by the DAC/PAI PID check; omit the PID instead",
				"Matter SDK DefaultDACVerifier (VerifyAttestationInformation step 10 vs ValidateCertificateDeclarationPayload); matter-pki-rules.md §8 item 9", SourceMatter),
			Roles: matterext.RolePAI, SDK: SDKNotChecked,
			Quote:       ".paiProductId = paiVidPid.mProductId.ValueOr(0), ... if (deviceInfo.paiProductId != 0) // if PAI PID is present",
			QuoteSource: "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation / ValidateCertificateDeclarationPayload (vs `if (paiVidPid.mProductId.HasValue())` for the DAC/PAI PID check)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && vp.HasPID() && vp.PID == 0 {
				r.Add("tbsCertificate.subject", "PID 0000", "no PID or a real PID", "PAI PID is 0000; the SDK treats it inconsistently")
			}
		},
	})
}

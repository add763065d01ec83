package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_pid_missing",
				"A DAC subject must carry a Matter Product ID",
				citeDAC+"; DefaultDACVerifier::VerifyAttestationInformation step 10", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKProductID,
			Note:        "The SDK reports a missing DAC PID as kDacProductIdMismatch (306). chip-cert validate-att-cert does not require it.",
			Quote:       "asserts.assert_true(dac_pid_str is not None, \"PID must be present in the DAC\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py parse_ids_from_certs (step 7.0); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `VerifyOrExit(dacVidPid.mProductId.HasValue(), attestationError = AttestationVerificationResult::kDacProductIdMismatch);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && !vp.HasPID() {
				r.Add("tbsCertificate.subject", "no PID", "matter-att-pid attribute", "DAC subject has no Matter PID"+missingHint(vp, false))
			}
		},
	})
}

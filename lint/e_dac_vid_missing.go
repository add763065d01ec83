package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_vid_missing",
				"A DAC subject must carry a Matter Vendor ID",
				citeDAC+"; DefaultDACVerifier::VerifyAttestationInformation step 9", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKVendorID,
			Note:        "The SDK reports a missing DAC VID as kDacVendorIdMismatch (305), not as a format error. The DCL requires a VID only under a VID-scoped PAA.",
			Quote:       "asserts.assert_true(dac_vid_str is not None, \"VID must be present in the DAC\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py parse_ids_from_certs (step 7.0); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `paiVidPid.mVendorId.HasValue() && paiVidPid.mVendorId == dacVidPid.mVendorId` → kDacVendorIdMismatch",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && !vp.HasVID() {
				r.Add("tbsCertificate.subject", "no VID", "matter-att-vid attribute", "DAC subject has no Matter VID"+missingHint(vp, true))
			}
		},
	})
}

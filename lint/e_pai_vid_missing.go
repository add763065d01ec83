package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_pai_vid_missing",
				"A PAI subject must carry a Matter Vendor ID",
				citePAI+"; DefaultDACVerifier::VerifyAttestationInformation step 9", SourceMatter),
			Roles: matterext.RolePAI, SDK: SDKVendorID,
			Note:        "The SDK reports a missing PAI VID as kDacVendorIdMismatch (305). The DCL accepts a PAI without VID under a non-VID-scoped PAA.",
			Quote:       "A PAI SHALL be assigned to a Vendor ID value.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.1 (p.360) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); harness: connectedhomeip src/python_testing/TC_DA_1_2.py 'VID must be present in the PAI'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && !vp.HasVID() {
				r.Add("tbsCertificate.subject", "no VID", "matter-att-vid attribute", "PAI subject has no Matter VID"+missingHint(vp, true))
			}
		},
	})
}

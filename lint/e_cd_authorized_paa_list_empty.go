package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_authorized_paa_list_empty",
				"When present, the CD authorized_paa_list must name at least one PAA (an empty list matches no PAA)",
				citeCDPay+" step 7; SDK vector struct_cd_authorized_paa_list_count0", SourceMatter),
			SDK:         SDKCDPAA,
			Quote:       "The Subject Key Id of the PAA SHALL match one of the values present in the authorized_paa_list in the Certification Declaration.",
			QuoteSource: "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (checked when cdContent.authorizedPAAListPresent; an empty list can match nothing → kCertificationDeclarationInvalidPAA)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagAuthorizedPAAList); f != nil && len(f.Blobs) == 0 {
				r.Add(cdFieldLoc(f), "0 entries", "1 to 10 PAA key IDs, or no list", "authorized_paa_list is present but empty, so every PAA is refused")
			}
		},
	})
}

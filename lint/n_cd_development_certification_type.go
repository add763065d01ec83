package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_cd_development_certification_type",
				"The CD certification_type is 0 (development and test); certified devices carry 1 (provisional) or 2 (official)",
				citeTCDA12+" (non-CI: type 1 or 2; after certification: 2); matter-pki-rules.md §5.2", SourceTestHarness),
			SDK:         SDKNotChecked,
			Quote:       "asserts.assert_in(certification_type, [CertificationType.kProvisional, CertificationType.kOfficial], \"Certification declaration is not marked as production or provisional.\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 6.9 (only when post_cert_test); CertificationType 0 = kDevelopmentAndTest",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagCertificationType); f != nil && f.Uint == 0 {
				r.Add(cdFieldLoc(f), "0", "1 or 2", "certification_type is 0 (development and test)")
			}
		},
	})
}

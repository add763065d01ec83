package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_version_not_v2", "A CRL with extensions (all Matter CRLs: AKID and CRL number) must be v2 (version INTEGER 1)", citeCRL+".1.2.1", SourceRFC5280),
			Quote:        "When extensions are used, as required by this profile, this field MUST be present and MUST specify version 2 (the integer value is 1).",
			QuoteSource:  "RFC 5280 §5.1.2.1",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			v, ok := l.Version.Int64()
			if !l.Version.Present || !ok || v != 1 {
				found := "absent (v1)"
				if l.Version.Present {
					found = "INTEGER " + l.Version.String()
				}
				r.Add("tbsCertList.version", found, "v2 (INTEGER 1)", "CRL version is "+found+"; expected v2")
			}
		},
	})
}

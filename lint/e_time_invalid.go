package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_time_invalid",
				"notBefore and notAfter must be UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ (seconds present, Zulu, no fractions) with valid dates",
				"RFC 5280 §4.1.2.5.1, §4.1.2.5.2; X.690 §11.7, §11.8", SourceRFC5280),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "For the purposes of this profile, UTCTime values MUST be expressed in Greenwich Mean Time (Zulu) and MUST include seconds (i.e., times are YYMMDDHHMMSSZ), even where the number of seconds is zero.",
			QuoteSource: "RFC 5280 §4.1.2.5.1 (GeneralizedTime: §4.1.2.5.2 '...MUST include seconds (i.e., times are YYYYMMDDHHMMSSZ)... MUST NOT include fractional seconds.')",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, f := range []struct {
				loc string
				t   *matterext.Time
			}{{"tbsCertificate.validity.notBefore", &ctx.Cert.NotBefore}, {"tbsCertificate.validity.notAfter", &ctx.Cert.NotAfter}} {
				if f.t.Present && f.t.Err != nil {
					r.Add(f.loc, matterext.TagName(f.t.Tag)+" "+printable(f.t.Raw), "YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ", f.t.Err.Msg)
				}
			}
		},
	})
}

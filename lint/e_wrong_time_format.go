package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_wrong_time_format",
				"Validity dates through 2049 must be UTCTime and dates from 2050 GeneralizedTime (99991231235959Z, \"no well-defined expiration\", is GeneralizedTime)",
				"RFC 5280 §4.1.2.5; Matter SDK chip-cert CertUtils.cpp SetValidityTime; matter-pki-rules.md §2.1", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Quote:       "CAs conforming to this profile MUST always encode certificate validity dates through the year 2049 as UTCTime; certificate validity dates in 2050 or later MUST be encoded as GeneralizedTime.",
			QuoteSource: "RFC 5280 §4.1.2.5 (99991231235959Z: 'To indicate that a certificate has no well-defined expiration date, the notAfter SHOULD be assigned the GeneralizedTime value of 99991231235959Z.')",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, f := range []struct {
				loc string
				t   *matterext.Time
			}{{"tbsCertificate.validity.notBefore", &ctx.Cert.NotBefore}, {"tbsCertificate.validity.notAfter", &ctx.Cert.NotAfter}} {
				if !f.t.Present || f.t.Err != nil {
					continue
				}
				y := f.t.T.Year()
				if f.t.Tag == matterext.TagGeneralizedTime && y < 2050 {
					r.Add(f.loc, "GeneralizedTime "+string(f.t.Raw), "UTCTime", "year "+itoa(int64(y))+" is before 2050, so it must be encoded as UTCTime")
				}
				// A UTCTime cannot express 2050 or later, so the other direction
				// cannot occur once the value decoded.
			}
		},
	})
}

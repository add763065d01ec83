package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_time_invalid", "CRL times must be DER UTCTime through 2049 and GeneralizedTime from 2050 (seconds, Z, no fractions)", citeCRL+".1.2.4-5, §5.1.2.6; X.690 §11.7-11.8", SourceRFC5280),
			Quote:        "CRL issuers conforming to this profile MUST encode thisUpdate as UTCTime for dates through the year 2049. CRL issuers conforming to this profile MUST encode thisUpdate as GeneralizedTime for dates in the year 2050 or later.",
			QuoteSource:  "RFC 5280 §5.1.2.4 (same rule for nextUpdate §5.1.2.5, revocationDate §5.1.2.6; format per §4.1.2.5.1/2)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			eachCRLTime(l, func(f crlTimeField, t matterext.Time) {
				switch {
				case !t.Present:
				case t.Err != nil:
					r.Add(f.loc(), matterext.TagName(t.Tag)+" "+printable(t.Raw), "YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ", f.loc()+": "+t.Err.Msg)
				case t.Tag == matterext.TagGeneralizedTime && t.T.Year() < 2050:
					r.Add(f.loc(), "GeneralizedTime "+string(t.Raw), "UTCTime", f.loc()+" is before 2050, so it must be a UTCTime")
				}
			})
		},
	})
}

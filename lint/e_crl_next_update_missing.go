package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_next_update_missing", "A CRL must carry nextUpdate, so that its freshness can be judged", citeCRL+".1.2.5 (conforming CAs MUST include it); ecosystem.md §5 (consumers cache until nextUpdate)", SourceRFC5280),
			Quote:        "Conforming CRL issuers MUST include the nextUpdate field in all CRLs.",
			QuoteSource:  "RFC 5280 §5.1.2.5",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			if !l.NextUpdate.Present {
				r.Add("tbsCertList.nextUpdate", "absent", "a time after thisUpdate", "the CRL has no nextUpdate")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_malformed", "Every field of the CRL must be present and decode", citeCRL+" (§5.1)", SourceRFC5280),
			Quote:        "The X.509 v2 CRL syntax is as follows. For signature calculation, the data that is to be signed is ASN.1 DER encoded.",
			QuoteSource:  "RFC 5280 §5.1 (CRL Fields)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			for _, e := range l.Errors {
				r.Add(e.Path, e.Msg, "a well-formed field", e.Path+": "+e.Msg)
			}
			if n := len(l.TrailingData); n > 0 {
				r.Add("CertificateList", itoa(int64(n))+" trailing bytes", "none", itoa(int64(n))+" bytes follow the CertificateList")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_number_invalid", "A CRL must carry a non-critical cRLNumber: a non-negative, minimally encoded INTEGER of at most 20 octets", citeCRL+".2.3", SourceRFC5280),
			Quote:        "CRL issuers conforming to this profile MUST include this extension in all CRLs and MUST mark this extension as non-critical. ... Conforming CRL issuers MUST NOT use CRLNumber values longer than 20 octets.",
			QuoteSource:  "RFC 5280 §5.2.3 (CRLNumber ::= INTEGER (0..MAX))",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			n := l.CRLNumber
			const loc = "tbsCertList.crlExtensions[cRLNumber]"
			switch {
			case n == nil:
				r.Add("tbsCertList.crlExtensions", "absent", "cRLNumber", "the CRL has no cRLNumber")
			case n.Err != nil:
				r.Add(loc, n.Err.Msg, "an INTEGER", "cRLNumber does not decode: "+n.Err.Msg)
			case n.Number.Negative() || !n.Number.Minimal() || len(n.Number.Bytes) > 20:
				r.Add(loc, "0x"+matterext.HexColon(n.Number.Bytes), "0..2^159, minimal", "cRLNumber is negative, not minimal, or longer than 20 octets")
			case n.Ext.Critical:
				r.Add(loc+".critical", "true", "false", "cRLNumber is marked critical")
			}
		},
	})
}

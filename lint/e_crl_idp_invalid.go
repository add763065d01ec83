package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_idp_invalid", "An issuingDistributionPoint must be critical, decode, name its point by one URI, and not claim both onlyContainsUserCerts and onlyContainsCACerts",
				citeCRL+".2.5; "+citeCRLBuild+" step 6b (the fullName must be exactly the point's dataURL)", SourceMatter),
			Quote:       "The issuing distribution point is a critical CRL extension ... -- at most one of onlyContainsUserCerts, onlyContainsCACerts, -- and onlyContainsAttributeCerts may be set to TRUE.",
			QuoteSource: "RFC 5280 §5.2.5 (first sentence + ASN.1 comment); Matter URI match: connectedhomeip credentials/generate_revocation_set.py step 7b 'CRL Issuing Distribution Point URI is not CRL URL, continue...'",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			p := l.IDP
			if p == nil {
				return
			}
			const loc = "tbsCertList.crlExtensions[issuingDistributionPoint]"
			switch {
			case p.Err != nil:
				r.Add(loc, p.Err.Msg, "a valid IssuingDistributionPoint", "issuingDistributionPoint does not decode: "+p.Err.Msg)
				return
			case !p.Ext.Critical:
				r.Add(loc+".critical", "false", "true", "issuingDistributionPoint is not marked critical")
			}
			if p.OnlyContainsUserCerts && p.OnlyContainsCACerts {
				r.Add(loc, "onlyContainsUserCerts and onlyContainsCACerts", "at most one", "issuingDistributionPoint asserts both onlyContainsUserCerts and onlyContainsCACerts")
			}
			if p.HasFullName && (len(p.FullNameURIs) != 1 || p.FullNameOthers > 0) {
				r.Add(loc+".distributionPoint.fullName", itoa(int64(len(p.FullNameURIs)))+" URIs, "+itoa(int64(p.FullNameOthers))+" other names", "exactly one URI",
					"the distribution point's fullName must be exactly one URI (the DCL dataURL)")
			}
		},
	})
}

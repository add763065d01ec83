package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_certificate_issuer_invalid", "A certificateIssuer entry extension must be critical, hold a directoryName, and appear only in an indirect CRL (IDP indirectCRL TRUE)",
				citeCRL+".3.3, §5.2.5", SourceRFC5280),
			Quote:       "CRL issuers MUST mark this extension as critical since an implementation that ignored this extension could not correctly attribute CRL entries to certificates.",
			QuoteSource: "RFC 5280 §5.3.3 (Certificate Issuer)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			indirect := l.IDP != nil && l.IDP.IndirectCRL
			for i := range l.Entries {
				e := &l.Entries[i]
				if !e.HasUnusualExtensions() {
					continue // no certificateIssuer
				}
				exts := l.EntryExtensions(e)
				ciErr := l.CertificateIssuerErr(e)
				for j := range exts {
					x := &exts[j]
					if !x.OID.Equal(matterext.OIDExtCertificateIssuer) {
						continue
					}
					loc := x.Path()
					switch {
					case ciErr != "":
						r.Add(loc, ciErr, "GeneralNames with a directoryName", "entry "+itoa(int64(e.Index))+": certificateIssuer: "+ciErr)
					case !x.Critical:
						r.Add(loc+".critical", "false", "true", "entry "+itoa(int64(e.Index))+": certificateIssuer is not critical")
					case !indirect:
						r.Add(loc, "certificateIssuer in a CRL without indirectCRL", "issuingDistributionPoint indirectCRL TRUE",
							"entry "+itoa(int64(e.Index))+" names another certificate issuer, but the CRL is not marked indirect")
					}
				}
			}
		},
	})
}

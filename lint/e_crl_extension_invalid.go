package lint

import "github.com/matterlint/matterlint/matterext"

// knownCRLExtensions are the CRL and entry extensions a relying party
// processes.
var knownCRLExtensions = []matterext.OID{
	matterext.OIDExtAuthorityKeyID, matterext.OIDExtCRLNumber, matterext.OIDExtIssuingDistPoint, matterext.OIDExtDeltaCRLIndicator,
	matterext.OIDExtFreshestCRL, matterext.OIDExtReasonCode, matterext.OIDExtInvalidityDate, matterext.OIDExtCertificateIssuer,
}

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_extension_invalid", "CRL and entry extensions must be well-formed, appear once, and no unknown extension may be critical", citeCRL+".2, §5.3", SourceRFC5280),
			Quote:        "If a CRL contains a critical extension that the application cannot process, then the application MUST NOT use that CRL to determine the status of certificates.",
			QuoteSource:  "RFC 5280 §5.2 (entry extensions: §5.3 says the same of critical CRL entry extensions)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			checkExtensionList(r, l.Extensions)
			// Entries mostly repeat a few extension lists (a reasonCode): a
			// list that gave no finding gives none again, wherever it is.
			clean := map[string]bool{}
			for i := range l.Entries {
				e := &l.Entries[i]
				der, ok := l.EntryExtensionsDER(e)
				if !ok || clean[string(der)] {
					continue
				}
				if !checkExtensionList(r, l.EntryExtensions(e)) && len(clean) < 4096 {
					clean[string(der)] = true
				}
			}
		},
	})
}

// checkExtensionList reports the malformed, repeated and unknown critical
// extensions of one list, and whether it reported any.
func checkExtensionList(r *Reporter, list []matterext.Extension) bool {
	found := false
next:
	for i := range list {
		x := &list[i]
		loc := func() string { found = true; return x.Base + "[" + itoa(int64(x.Index)) + "]" }
		if x.Err != nil {
			r.Add(loc(), x.Err.Msg, "a well-formed Extension", "malformed extension: "+x.Err.Msg)
			continue
		}
		for j := 0; j < i; j++ {
			if list[j].OID.Equal(x.OID) {
				r.Add(loc(), x.OID.Name()+" again", "one "+x.OID.Name(), x.OID.Name()+" appears twice")
				continue next
			}
		}
		if x.Critical {
			for _, k := range knownCRLExtensions {
				if k.Equal(x.OID) {
					continue next
				}
			}
			r.Add(loc()+".critical", x.OID.String()+" critical", "non-critical", "unknown extension "+x.OID.String()+" is marked critical")
		}
	}
	return found
}

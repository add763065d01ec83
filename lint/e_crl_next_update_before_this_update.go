package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_next_update_before_this_update", "nextUpdate must be later than thisUpdate, and no entry may be revoked after thisUpdate", citeCRL+".1.2.5, §5.3.2", SourceRFC5280),
			Quote:        "This field indicates the date by which the next CRL will be issued. The next CRL could be issued before the indicated date, but it will not be issued any later than the indicated date.",
			QuoteSource:  "RFC 5280 §5.1.2.5 (no explicit ordering MUST; revocationDate vs thisUpdate is zlint's inference, lint_crl_revocation_time_not_after_this_update)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			this, next := &l.ThisUpdate, &l.NextUpdate
			if this.Present && next.Present && this.Err == nil && next.Err == nil && !next.T.After(this.T) {
				r.Add("tbsCertList.nextUpdate", string(next.Raw), "after "+string(this.Raw), "nextUpdate "+string(next.Raw)+" is not after thisUpdate "+string(this.Raw))
			}
			if !this.Present || this.Err != nil {
				return
			}
			for i := range l.Entries {
				e := &l.Entries[i]
				if d := l.RevocationDate(e); d.Present && d.Err == nil && d.T.After(this.T) {
					r.Add("tbsCertList.revokedCertificates["+itoa(int64(e.Index))+"].revocationDate", string(d.Raw), "not after thisUpdate",
						"entry "+itoa(int64(e.Index))+" is revoked at "+string(d.Raw)+", after thisUpdate "+string(this.Raw))
				}
			}
		},
	})
}

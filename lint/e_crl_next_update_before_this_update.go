package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_next_update_before_this_update", "nextUpdate must be later than thisUpdate, and no entry may be revoked after thisUpdate", citeCRL+".1.2.5, §5.3.2", SourceRFC5280),
			Roles:        matterext.RoleCRL,
		},
		Check: func(ctx *Context, r *Reporter) {
			l := ctx.CRL
			this, next := &l.ThisUpdate, &l.NextUpdate
			if this.Present && next.Present && this.Err == "" && next.Err == "" && !next.T.After(this.T) {
				r.Add("tbsCertList.nextUpdate", string(next.Raw), "after "+string(this.Raw), "nextUpdate "+string(next.Raw)+" is not after thisUpdate "+string(this.Raw))
			}
			if !this.Present || this.Err != "" {
				return
			}
			for i := range l.Entries {
				e := &l.Entries[i]
				if d := l.RevocationDate(e); d.Present && d.Err == "" && d.T.After(this.T) {
					r.Add("tbsCertList.revokedCertificates["+itoa(int64(e.Index))+"].revocationDate", string(d.Raw), "not after thisUpdate",
						"entry "+itoa(int64(e.Index))+" is revoked at "+string(d.Raw)+", after thisUpdate "+string(this.Raw))
				}
			}
		},
	})
}

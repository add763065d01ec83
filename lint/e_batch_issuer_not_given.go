package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&BatchRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_issuer_not_given", "Every DAC of a batch must be issued by one of the PAIs given (issuer name and AKID)",
				"Matter SDK ValidateCertificateChain (DAC issuer = PAI subject, AKID = SKID); TC_DA_1_7; matter-pki-rules.md §2.2", SourceMatter),
			Roles: matterext.RoleDAC,
		},
		NewState: func(o BatchOptions) BatchState { return issuersGiven(o.PAIs) },
	})
}

// issuersGiven checks DACs against the PAIs of the batch (none: no check).
type issuersGiven []*matterext.Certificate

func (pais issuersGiven) Add(c *matterext.Certificate, _ matterext.Role, r *Reporter) {
	if len(pais) == 0 {
		return
	}
	for _, p := range pais {
		if rel := matterext.Relate(c, p); rel.Names && rel.KeyID != matterext.KeyIDMismatch {
			return
		}
	}
	ak := "none"
	if c.AuthorityKeyID != nil {
		ak = matterext.KeyIDHex(c.AuthorityKeyID.KeyID)
	}
	r.Add("tbsCertificate.issuer", c.Issuer.String(), "one of the given PAIs", "the DAC's issuer "+c.Issuer.String()+" (AKID "+ak+") is none of the given PAIs")
}

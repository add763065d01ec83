package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&BatchRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_issuer_not_given", "Every DAC of a batch must be issued by one of the PAIs given (issuer name and AKID)",
				"Matter SDK ValidateCertificateChain (DAC issuer = PAI subject, AKID = SKID); TC_DA_1_7; matter-pki-rules.md §2.2", SourceMatter),
			Roles:       matterext.RoleDAC,
			Quote:       "Verify that the `dac_cert` `issuer field is byte-forbyte equivalent to the `pai_cert`subject field.",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_7.py steps_one_dut step {DUT}.4 (typos verbatim); assert `asserts.assert_equal(dac_cert.issuer, pai_cert.subject, \"DAC issuer does not match PAI subject\")`",
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

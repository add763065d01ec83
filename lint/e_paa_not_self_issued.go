package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_paa_not_self_issued",
				"A PAA is a root: its issuer must equal its subject byte for byte",
				"DCL MsgProposeAddX509RootCert (root must be self-signed); "+citePAA, SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKNotChecked,
			Quote:       "The PAA certificate is an implicitly trusted self-signed root certificate.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.1 (p.360) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); DCL: types/pki/errors.go NewErrRootCertificateIsNotSelfSigned 'Provided root certificate must be self-signed'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if c.Issuer.Present && c.Subject.Present && !c.SelfIssued() {
				r.Add("tbsCertificate.issuer", c.Issuer.String(), c.Subject.String(), "PAA issuer differs from its subject; a PAA must be self-issued")
			}
		},
	})
}

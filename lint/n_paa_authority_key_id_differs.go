package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_paa_authority_key_id_differs",
				"A self-signed PAA that carries an authorityKeyIdentifier usually has AKID = SKID",
				citePAA+" (AKID optional; \"a self-signed PAA usually carries AKID = SKID\")", SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKNotChecked,
			Note:        "Commissioners accept it, but the DCL takes such a PAA as not self-signed and refuses its proposal with ErrRootCertificateIsNotSelfSigned (414): e_dcl_root_not_self_signed.",
			Quote:       "In this case, the subject and authority key identifiers would be identical, but only the subject key identifier is needed for certification path building.",
			QuoteSource: "RFC 5280 §4.2.1.1 (self-signed case); PAA AKID optional per zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyCAExtensions comment '§6.2.2.5 leaves AKI optional for self-signed PAAs'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if !c.SelfIssued() {
				return
			}
			if matterext.Relate(c, c).KeyID == matterext.KeyIDMismatch {
				ak, sk := c.AuthorityKeyID, c.SubjectKeyID
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", matterext.HexColon(ak.KeyID), matterext.HexColon(sk.ID),
					"self-signed PAA has AKID "+matterext.HexColon(ak.KeyID)+" but SKID "+matterext.HexColon(sk.ID))
			}
		},
	})
}

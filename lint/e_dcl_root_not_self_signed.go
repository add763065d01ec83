package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_root_not_self_signed",
				"A root (PAA, RCAC) must be self-signed as the DCL decides it: issuer DN bytes equal to the subject's and, when the AKID has a keyIdentifier, AKID equal to SKID",
				"DCL x/pki/x509/x509.go Certificate.IsSelfSigned, checked by keeper msg_server_propose_add_x_509_root_cert.go ProposeAddX509RootCert (ErrInappropriateCertificateType, 408) and msg_server_add_noc_x_509_root_cert.go AddNocX509RootCert (ErrRootCertificateIsNotSelfSigned, 414), on Go's crypto/x509 parse; docs/research/dcl-handlers.md §1.4, §3.1, §3.3", SourceDCL),
			Roles: matterext.RolePAA | matterext.RoleRCAC | matterext.RoleVVSC, SDK: SDKNotChecked,
			Quote:       "Provided root certificate must be self-signed",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger types/pki/errors.go (HEAD 7319bed3) NewErrRootCertificateIsNotSelfSigned (ErrRootCertificateIsNotSelfSigned, 414)",
			Note:        "The DCL never checks a root's signature: a root whose issuer DN equals its subject DN and whose AKID equals its SKID (or that has no AKID) is self-signed whoever signed it. A PAA's issuer DN differing from its subject is also e_paa_not_self_issued; an AKID that differs from the SKID is only a notice for commissioners (n_paa_authority_key_id_differs).",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.X509()
			if c == nil || DCLSelfSigned(c) {
				return
			}
			if ctx.Role == matterext.RoleVVSC && string(c.RawIssuer) != string(c.RawSubject) {
				return // a VVSC intermediate (MsgAddNocX509IcaCert)
			}
			code := "(ErrRootCertificateIsNotSelfSigned, 414)"
			if ctx.Role == matterext.RolePAA {
				code = "(ProposeAddX509RootCert: ErrInappropriateCertificateType, 408)"
			}
			if string(c.RawIssuer) != string(c.RawSubject) {
				r.Add("tbsCertificate.issuer", "issuer DN ≠ subject DN", "issuer DN = subject DN",
					ctx.Role.String()+" issuer DN differs from its subject DN; the DCL rejects a root that is not self-signed "+code)
				return
			}
			skid := "(none)"
			if len(c.SubjectKeyId) > 0 {
				skid = matterext.HexColon(c.SubjectKeyId)
			}
			r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", matterext.HexColon(c.AuthorityKeyId), skid,
				ctx.Role.String()+" AKID differs from its SKID "+skid+"; the DCL rejects a root that is not self-signed "+code)
		},
	})
}

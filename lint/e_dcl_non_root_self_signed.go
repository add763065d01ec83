package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_non_root_self_signed",
				"A PAI, DAC, ICAC or delegated CRL signer must not be self-signed as the DCL decides it (issuer DN bytes equal to the subject's, and AKID absent or equal to SKID)",
				"DCL x/pki/x509/x509.go Certificate.IsSelfSigned (on Go's crypto/x509 parse), checked by keeper msg_server_add_x_509_cert.go AddX509Cert, msg_server_add_noc_x_509_ica_cert.go AddNocX509IcaCert and the revocation-point handlers (isPAA false) (420); docs/research/dcl-handlers.md §1.4, §3.2, §3.4", SourceDCL),
			Roles: matterext.RolePAI | matterext.RoleDAC | matterext.RoleICAC | matterext.RoleCRLSigner, SDK: SDKNotChecked,
			Quote:       "Provided non-root certificate must not be self-signed",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger types/pki/errors.go (HEAD 7319bed3) NewErrNonRootCertificateSelfSigned (ErrNonRootCertificateSelfSigned, 420: 'Intermediate or leaf certificate must not be self-signed')",
			Note:        "A certificate whose issuer DN equals its subject DN but whose AKID differs from its SKID is not self-signed for the DCL and takes the non-root path.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if c := ctx.X509(); c != nil && DCLSelfSigned(c) {
				r.Add("tbsCertificate.issuer", "issuer DN = subject DN, AKID absent or = SKID", "not self-signed",
					ctx.Role.String()+" is self-signed (issuer DN equals subject DN and the AKID is absent or equals the SKID); the DCL takes only roots as self-signed (420)")
			}
		},
	})
}

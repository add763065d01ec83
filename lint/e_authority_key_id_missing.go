package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_missing",
				"PAI, DAC, ICAC, NOC and VVSC (even a self-signed one, for the DCL) must carry an authorityKeyIdentifier (the PAI's is the key used to find its PAA)",
				citeDAC+"; "+citePAI, SourceMatter),
			Roles: matterext.RolePAI | matterext.RoleDAC | matterext.RoleICAC | matterext.RoleNOC | matterext.RoleVVSC, SDK: SDKFormat,
			Quote:       "// Mandatory extension for DAC and PAI certs. VerifyOrExit(extAKIDPresent, err = CHIP_ERROR_INTERNAL);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) (inside `if (certType == AttestationCertType::kDAC || certType == AttestationCertType::kPAI)`)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.AuthorityKeyID == nil {
				r.Add("tbsCertificate.extensions", "absent", "authorityKeyIdentifier", "authorityKeyIdentifier extension is missing; a "+ctx.Role.String()+" must carry one")
			}
		},
	})
}

package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_basic_constraints_path_len_present",
				"A DAC's basicConstraints must not carry pathLenConstraint",
				citeDAC+" (expected DER 30 00)", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKFormat,
			Quote:       "if (certType == AttestationCertType::kDAC) { VerifyOrExit(!isCA && pathLen == -1, err = CHIP_ERROR_INTERNAL); }",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && bc.PathLen.Present {
				v := bc.PathLen.String()
				r.Add(bcLoc+".pathLenConstraint", v, "absent", "DAC basicConstraints has pathLenConstraint "+v+"; it must be absent")
			}
		},
	})
}

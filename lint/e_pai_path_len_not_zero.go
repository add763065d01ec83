package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_pai_path_len_not_zero",
				"A PAI's basicConstraints must carry pathLenConstraint 0",
				citePAI, SourceMatter),
			Roles: matterext.RolePAI, SDK: SDKFormat,
			Note:        "The DCL and the SDK agree: the DCL's VerifyPAIPathLen rejects a PAI whose pathLenConstraint is absent, 1 or anything but an explicit 0 (ErrInvalidCertificate, 409), as the SDK's format check does (kPaiFormatInvalid). An ICAC has no pathLen rule at the DCL.",
			Quote:       "PAI: BasicConstraints pathLenConstraint SHALL be present and set to 0",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyPAIPathLen (comment: 'Matter R1.6 §6.2.2.4 rule 9'); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `VerifyOrExit(isCA && pathLen == 0, err = CHIP_ERROR_INTERNAL);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			bc := basicConstraints(ctx.Cert)
			if bc == nil || !bc.CA {
				return
			}
			if !bc.PathLen.Present {
				r.Add(bcLoc+".pathLenConstraint", "absent", "0", "PAI basicConstraints has no pathLenConstraint; expected 0")
				return
			}
			if v, ok := bc.PathLen.Int64(); !ok || !paiPathLenOK(true, v) {
				r.Add(bcLoc+".pathLenConstraint", bc.PathLen.String(), "0", "PAI pathLenConstraint is "+bc.PathLen.String()+"; expected 0")
			}
		},
	})
}

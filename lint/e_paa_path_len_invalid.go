package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_paa_path_len_invalid",
				"A PAA's pathLenConstraint must be absent or 1",
				citePAA, SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKFormat,
			Quote:       "// For PAA, pathlen must be absent or equal to 1 (see Matter 1.1 spec 6.2.2.5) VerifyOrExit(isCA && (pathLen == -1 || pathLen == 1), err = CHIP_ERROR_INTERNAL);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5); DCL: zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyPAAPathLen 'PAA: BasicConstraints pathLenConstraint MAY be omitted; if present SHALL be 1'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			bc := basicConstraints(ctx.Cert)
			if bc == nil || !bc.PathLen.Present {
				return
			}
			if v, ok := bc.PathLen.Int64(); !ok || !paaPathLenOK(true, v) {
				r.Add(bcLoc+".pathLenConstraint", bc.PathLen.String(), "absent or 1", "PAA pathLenConstraint is "+bc.PathLen.String()+"; expected absent or 1")
			}
		},
	})
}

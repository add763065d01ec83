package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_paa_pid_present",
				"A PAA must not carry a Matter Product ID",
				citePAA+"; DefaultDACVerifier::VerifyAttestationInformation step 18; chip-cert validate-att-cert", SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKFormat, PAA: PAAProductID,
			Quote:       "Matter R1.6 §6.2.2.5 rule 8 prohibits a ProductID in the PAA's subject (and equivalently issuer, since PAAs are self-signed).",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyNoPIDInSubject comment (error text: 'Product ID (pid) must be empty for root certificates'); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `VerifyOrExit(!paaVidPid.mProductId.HasValue(), attestationError = AttestationVerificationResult::kPaaFormatInvalid);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if vp, err := ctx.VIDPID(); err == nil && vp.HasPID() {
				r.Add("tbsCertificate.subject", "PID "+matterext.FormatID(vp.PID)+" ("+vp.PIDForm.String()+")", "no PID", "PAA subject carries PID "+matterext.FormatID(vp.PID)+"; a PAA must not have a PID")
			}
		},
	})
}

package lint

import "time"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_not_valid_at_time",
				"The certificate must be valid at the evaluation time (--at): notBefore ≤ t < notAfter",
				"Matter SDK IsCertificateValidAtCurrentTime (DefaultDACVerifier step 19, chip-cert validate-att-cert); matter-pki-rules.md §4.3", SourceMatter),
			Roles: rolesAny, SDK: SDKDacExpired, NeedsTime: true,
			Note:        "The SDK checks only the DAC against the current time (and only when the platform has a clock); PAI and PAA are checked at the DAC's issuance time by the chain check. This rule runs only when an evaluation time is given. The DCL rejects (409) a submitted certificate, of any kind, that is outside its validity at block time, and one whose ledger parents are (crypto/x509 Verify in keeper/all_certificates.go verifyCertificate): with --profile dcl, give the block time as --at.",
			Quote:       "VerifyOrExit(IsCertificateValidAtCurrentTime(info.dacDerBuffer) == CHIP_NO_ERROR, attestationError = AttestationVerificationResult::kDacExpired);",
			QuoteSource: "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation (under #if !defined(CURRENT_TIME_NOT_IMPLEMENTED)); cf. RFC 5280 §4.1.2.5 'from notBefore through notAfter, inclusive'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			nb, na := &ctx.Cert.NotBefore, &ctx.Cert.NotAfter
			at := ctx.At.UTC().Format(time.RFC3339)
			if nb.Present && nb.Err == nil && ctx.At.Before(nb.T) {
				r.Add("tbsCertificate.validity.notBefore", nb.T.Format(time.RFC3339), "≤ "+at, "not yet valid at "+at+": notBefore is "+nb.T.Format(time.RFC3339))
			}
			if na.Present && na.Err == nil && !na.NoWellDefinedExpiration() && !ctx.At.Before(na.T) {
				r.Add("tbsCertificate.validity.notAfter", na.T.Format(time.RFC3339), "> "+at, "expired at "+at+": notAfter is "+na.T.Format(time.RFC3339))
			}
		},
	})
}

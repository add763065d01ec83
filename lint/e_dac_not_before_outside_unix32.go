package lint

import (
	"time"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_not_before_outside_unix32",
				"The DAC notBefore must lie between 1970 and 2106: the SDK converts it to a 32-bit Unix time for chain validation",
				"Matter SDK CHIPCryptoPALOpenSSL.cpp ValidateCertificateChain; matter-pki-rules.md §2.1 (validity encoding)", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKFormat,
			Note:        "Only the OpenSSL back end has this limit.",
			Quote:       "VerifyOrExit(asn1Time.ExportTo_UnixTime(unixEpoch), (result = CertificateChainValidationResult::kLeafFormatInvalid, err = CHIP_ERROR_INTERNAL));",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp ValidateCertificateChain (uint32_t unixEpoch from the leaf notBefore; comment '// Set time used in the X509 certificate chain validation to the notBefore time of the leaf certificate.')",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			nb := &ctx.Cert.NotBefore
			if nb.Err != nil || !nb.Present {
				return
			}
			if u := nb.T.Unix(); u < 0 || u > 1<<32-1 {
				r.Add("tbsCertificate.validity.notBefore", nb.T.Format(time.RFC3339), "1970-01-01 .. 2106-02-07", "DAC notBefore "+nb.T.Format(time.RFC3339)+" does not fit a 32-bit Unix time")
			}
		},
	})
}

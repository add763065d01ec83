package lint

import (
	"errors"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_paa_self_signature_invalid",
				"A self-issued PAA's signature should verify under its own public key",
				"RFC 5280 §6.1 (trust anchor); matter-pki-rules.md §2.4, §8 item 5; dcl-rules.md §7 \"laxer\" item 1", SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKNotChecked,
			Note:        "Neither the SDK nor the DCL verifies the PAA self-signature.",
			Quote:       "The PAA certificate is an implicitly trusted self-signed root certificate.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.1 (p.360) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); RFC 5280 §4.2.1.1 'The signature on a self-signed certificate is generated with the private key associated with the certificate's subject public key.'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if !c.SelfIssued() {
				return
			}
			if err := c.CheckSignatureFrom(c); errors.Is(err, matterext.ErrBadSignature) { // other errors: the key rules report them
				r.Add("signatureValue", "does not verify", "a valid self-signature", "PAA self-signature does not verify under its own public key")
			}
		},
	})
}

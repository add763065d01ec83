package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_matter_vid_pid_attribute_malformed",
				"A Matter VID or PID attribute value must be exactly 4 uppercase hex digits",
				citeVIDPID+" (CHIP_ERROR_WRONG_CERT_DN)", SourceMatter),
			Roles: rolesAll, SDK: SDKVIDPID, PAA: PAAVIDPID,
			Note:        "The SDK and the specification require 4 uppercase hex digits. The DCL reads the attribute as hex text: lowercase and short values are accepted, a 5-digit value (e.g. 65521) parses as hex and then mismatches (0x65521), and a 0x-prefixed or empty value is rejected (ErrInvalidVidFormat, 433).",
			Quote:       "VerifyOrReturnError(attr.size() == kVIDandPIDHexLength, CHIP_ERROR_WRONG_CERT_DN); VerifyOrReturnError(Encoding::UppercaseHexToUint16(reinterpret_cast<const char *>(attr.data()), attr.size(), matterAttr) == sizeof(matterAttr), CHIP_ERROR_WRONG_CERT_DN);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPAL.cpp ExtractVIDPIDFromAttributeString",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, a := range ctx.Cert.Subject.Attributes {
				if !a.Type.Equal(matterext.OIDMatterVendorID) && !a.Type.Equal(matterext.OIDMatterProductID) {
					continue
				}
				if !isUpperHex4(a.Value) {
					r.Add("tbsCertificate.subject["+a.Type.Name()+"]", quote(a.Value), "4 uppercase hex digits, e.g. \"FFF1\"",
						a.Type.Name()+" is "+quote(a.Value)+"; expected exactly 4 uppercase hex digits")
				}
			}
		},
	})
}

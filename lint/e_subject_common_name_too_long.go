package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_common_name_too_long",
				"A commonName must be at most 64 characters",
				"RFC 5280 Appendix A (ub-common-name 64); Matter SDK kMax_CommonNameAttr_Length = 64 (the Mvid:/Mpid: search reads only the first 64 bytes)", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "The SDK accepts longer names but searches only the first 64 bytes for Mvid:/Mpid:.",
			Quote:       "ub-common-name INTEGER ::= 64",
			QuoteSource: "RFC 5280 Appendix A.1 (from memory); SDK: connectedhomeip src/crypto/CHIPCryptoPAL.h `kMax_CommonNameAttr_Length = 64`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, a := range ctx.Cert.Subject.Attributes {
				if a.Type.Equal(matterext.OIDCommonName) && len([]rune(string(a.Value))) > 64 {
					n := itoa(int64(len([]rune(string(a.Value)))))
					r.Add("tbsCertificate.subject[commonName]", n+" characters", "≤ 64 characters", "commonName is "+n+" characters long")
				}
			}
		},
	})
}

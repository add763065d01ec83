package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cn_fallback_malformed",
				"In the commonName, every Mvid:/Mpid: prefix the SDK reads must be followed, at least once, by 4 uppercase hex digits",
				citeVIDPID+" (Find16BitUpperCaseHexAfterPrefix); SDK vectors vidpid_fallback_encoding_06-10, 12, 19", SourceMatter),
			Roles: rolesAll, SDK: SDKVIDPID, PAA: PAAVIDPID,
			Note:        "A malformed fallback is a hard error in the SDK even when Matter OID attributes are present. generate_revocation_set.py accepts lowercase and TC_DA_1_2 requires each prefix exactly once.",
			Quote:       "The appearance of the full prefix, but not followed by the hex value, must be detected, as it is illegal if there isn't a valid prefix within the string.",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPAL.cpp Find16BitUpperCaseHexAfterPrefix comment ('IMPORTANT NOTE'); spec §6.2.2.2 wording ('…the field SHALL be considered incorrectly formatted.') only as quoted in a public Rust Matter implementation's DAC-chain module (search-index file id 69229401499; repository not identified, secondary source)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			// The SDK examines commonNames in order until one yields a value.
			for _, a := range ctx.Cert.Subject.Attributes {
				if !a.Type.Equal(matterext.OIDCommonName) {
					continue
				}
				cn := a.Value
				if len(cn) > matterext.MaxCommonNameLength {
					cn = cn[:matterext.MaxCommonNameLength]
				}
				found := false
				for _, p := range []string{matterext.VIDPrefixForCN, matterext.PIDPrefixForCN} {
					_, ok, err := matterext.FindIDAfterPrefix(cn, p)
					if err != nil {
						r.Add("tbsCertificate.subject[commonName]", quote(a.Value), p+"XXXX with 4 uppercase hex digits",
							"commonName "+quote(a.Value)+": "+err.Error())
					}
					found = found || ok
				}
				if found {
					return
				}
			}
		},
	})
}

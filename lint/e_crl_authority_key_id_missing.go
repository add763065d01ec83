package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_authority_key_id_missing", "A CRL must carry an authorityKeyIdentifier with a 20-byte keyIdentifier: it must equal the CRL signer's SKID", citeCRL+".2.1; "+citeCRLBuild+" step 6a", SourceMatter),
			Quote:        "Conforming CRL issuers MUST use the key identifier method, and MUST include this extension in all CRLs issued.",
			QuoteSource:  "RFC 5280 §5.2.1; Matter use: connectedhomeip credentials/generate_revocation_set.py step 7a `if crl_akid != crl_signer_skid: log.warning(\"CRL AKID is not CRL Signer SKID, continue...\")`",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			ak := l.AuthorityKeyID
			switch {
			case ak == nil:
				r.Add("tbsCertList.crlExtensions", "absent", "authorityKeyIdentifier", "the CRL has no authorityKeyIdentifier, so its signer cannot be matched")
			case ak.Err != nil:
				r.Add("tbsCertList.crlExtensions[authorityKeyIdentifier]", ak.Err.Msg, "a keyIdentifier", "authorityKeyIdentifier does not decode: "+ak.Err.Msg)
			case !ak.HasKeyID || len(ak.KeyID) != 20:
				r.Add("tbsCertList.crlExtensions[authorityKeyIdentifier].keyIdentifier", itoa(int64(len(ak.KeyID)))+" bytes", "20 bytes", "the CRL's AKID keyIdentifier is missing or not 20 bytes")
			}
		},
	})
}

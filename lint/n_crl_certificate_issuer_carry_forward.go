package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_crl_certificate_issuer_carry_forward", "An entry without certificateIssuer follows one with it: RFC 5280 carries the issuer forward, the SDK's revocation-set script does not",
				citeCRL+".3.3; "+citeCRLBuild+" step 9; SDK test CRL Chip-Test-PAI-FFF1-Delegated-CRL-Only-First-Entry-With-Issuer-Ext", SourceMatter),
			Note:        "generate_revocation_set.py reads certificateIssuer per entry and takes every entry without it, so such entries may land under the wrong CA. Repeat certificateIssuer on every entry to avoid the ambiguity.",
			Quote:       "On subsequent entries in an indirect CRL, if this extension is not present, the certificate issuer for the entry is the same as that for the preceding entry.",
			QuoteSource: "RFC 5280 §5.3.3; contrast connectedhomeip credentials/generate_revocation_set.py generate_revocation_set_from_crl (reads certificateIssuer per entry, `except Exception: pass`)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			for _, e := range l.Entries {
				if e.CertificateIssuer == nil && string(e.Issuer) != string(l.Issuer.Raw) {
					r.Add("tbsCertList.revokedCertificates["+itoa(int64(e.Index))+"]", "no certificateIssuer", "certificateIssuer on every entry of an indirect CRL",
						"entry "+itoa(int64(e.Index))+" (serial "+matterext.SerialHex(e.Serial.Bytes)+") inherits the previous entry's certificateIssuer")
				}
			}
		},
	})
}

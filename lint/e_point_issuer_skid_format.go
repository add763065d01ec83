package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_issuer_skid_format", "issuerSubjectKeyID must be the 20-byte key ID as 40 uppercase hex digits without colons", citePoint+"; revocation-set issuer_subject_key_id (matter-pki-rules.md §6.4)", SourceDCL),
			Note:         "The DCL docs show AA:BB:… with colons, but ledger keys and the SDK compare uppercase hex without colons.",
			Quote:        "This field SHALL provide the subject key identifier as an even number of uppercase hexadecimal characters ([0-9A-F]), with no whitespace and no non-hexadecimal characters.",
			QuoteSource:  "Matter Core spec 1.4.1 §11.23.9 (IssuerSubjectKeyID) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); DCL x/pki/types/types.go issuerKeyRegex `^(?:[0-9A-F]{2})+$`",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			if s := p.IssuerSubjectKeyID; len(s) != 40 || !isUpperHexString(s) {
				r.Add("issuerSubjectKeyID", s, "40 uppercase hex digits", "issuerSubjectKeyID "+quote([]byte(s))+" is not 40 uppercase hex digits without colons")
			}
		},
	})
}

func isUpperHexString(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

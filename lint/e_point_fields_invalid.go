package lint

import (
	"strings"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_fields_invalid", "A revocation point has a non-zero vid, a label of 1-64 characters, revocationType 1 and, for a CRL, no dataFileSize, dataDigest or dataDigestType",
				citePoint, SourceDCL),
			Quote:       "This field SHALL be omitted if the RevocationType is 1, which refers to a type having built-in signatures.",
			QuoteSource: "Matter Core spec 1.4.1 §11.23.9 (DataFileSize) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); DCL: types/pki/errors.go NewErrDataFieldPresented 'Data Digest, Data File Size and Data Digest Type must be omitted for Revocation Type %d'; label validate:\"required,max=64\"",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			if p.VID == 0 || p.VID > 0xFFFF {
				r.Add("vid", itoa(int64(p.VID)), "1..65535", "vid must be a non-zero 16-bit vendor ID")
			}
			if l := len([]rune(p.Label)); l == 0 || l > 64 || strings.TrimSpace(p.Label) == "" {
				r.Add("label", itoa(int64(l))+" characters", "1 to 64 characters", "label must be 1 to 64 characters")
			}
			if p.RevocationType != 1 {
				r.Add("revocationType", itoa(int64(p.RevocationType)), "1 (RFC 5280 CRL)", "revocationType must be 1")
			}
			if p.DataFileSize != 0 || p.DataDigest != "" || p.DataDigestType != 0 {
				r.Add("dataFileSize/dataDigest/dataDigestType", "set", "empty for a CRL", "dataFileSize, dataDigest and dataDigestType must be empty when revocationType is 1")
			}
		},
	})
}

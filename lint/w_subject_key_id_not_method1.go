package lint

import (
	"bytes"
	"crypto/sha1"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_subject_key_id_not_method1",
				"The subjectKeyIdentifier should be the SHA-1 of the subjectPublicKey BIT STRING value (RFC 5280 method 1), as chip-cert derives it",
				"RFC 5280 §4.2.1.2 (method 1); Matter SDK chip-cert CertUtils.cpp AddSubjectKeyId; matter-pki-rules.md §2.1", SourceMatter),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "Verifiers never recompute the SKID; only AKID-to-SKID equality matters. A SKID not derived from the key is legal but hides key reuse and confuses tooling.",
			Quote:       "(1) The keyIdentifier is composed of the 160-bit SHA-1 hash of the value of the BIT STRING subjectPublicKey (excluding the tag, length, and number of unused bits).",
			QuoteSource: "RFC 5280 §4.2.1.2; DCL comment cites Matter R1.6 §6.5.11.2 'the 160-bit SHA-1 hash of the subjectPublicKey BIT STRING'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			sk := c.SubjectKeyID
			if sk == nil || sk.Err != nil || len(sk.ID) != 20 || !c.PublicKey.Key.Present {
				return
			}
			sum := sha1.Sum(c.PublicKey.Key.Bytes)
			if !bytes.Equal(sum[:], sk.ID) {
				r.Add("tbsCertificate.extensions[subjectKeyIdentifier].extnValue", matterext.HexColon(sk.ID), matterext.HexColon(sum[:]),
					"subjectKeyIdentifier "+matterext.HexColon(sk.ID)+" is not SHA-1 of the public key ("+matterext.HexColon(sum[:])+")")
			}
		},
	})
}

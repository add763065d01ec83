package lint

import (
	"hash/maphash"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&BatchRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_duplicate_serial", "Two certificates of a batch must not have the same issuer and serial number",
				"RFC 5280 §4.1.2.2 (serial unique per CA); DCL (issuer, serial) uniqueness; ecosystem.md §3", SourceRFC5280),
			Roles:       rolesAttestation,
			Quote:       "It MUST be unique for each certificate issued by a given CA (i.e., the issuer name and serial number identify a unique certificate).",
			QuoteSource: "RFC 5280 §4.1.2.2 (Serial Number)",
		},
		NewState: func(o BatchOptions) BatchState { return &duplicateSerials{seed: o.Seed, seen: newHashSet()} },
	})
}

// duplicateSerials keeps a 64-bit hash of each (issuer, serial): 10-15
// bytes a certificate; a false duplicate needs two of 2^64 hashes to collide.
type duplicateSerials struct {
	seed maphash.Seed
	seen *hashSet
}

func (d *duplicateSerials) Add(c *matterext.Certificate, _ matterext.Role, r *Reporter) {
	var h maphash.Hash
	h.SetSeed(d.seed)
	h.Write(c.Issuer.Raw)
	h.WriteByte(0)
	h.Write(c.Serial.Bytes)
	if d.seen.add(h.Sum64()) {
		r.Add("tbsCertificate.serialNumber", matterext.SerialHex(c.Serial.Bytes), "a serial unique under the issuer",
			"serial "+matterext.SerialHex(c.Serial.Bytes)+" under "+c.Issuer.String()+" was already used by an earlier certificate of this batch")
	}
}

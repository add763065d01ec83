package lint

import (
	"hash/maphash"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&BatchRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_duplicate_public_key", "Two DACs of a batch must not share a public key",
				"CSA test harness TC_DA_1_7 step 3; matter-pki-rules.md §2.2 (\"two devices must not share a key\")", SourceTestHarness),
			Roles: matterext.RoleDAC,
		},
		NewState: func(o BatchOptions) BatchState { return &duplicateKeys{seed: o.Seed, seen: newHashSet()} },
	})
}

// duplicateKeys keeps a 64-bit hash of each DAC's public key.
type duplicateKeys struct {
	seed maphash.Seed
	seen *hashSet
}

func (d *duplicateKeys) Add(c *matterext.Certificate, _ matterext.Role, r *Reporter) {
	if len(c.PublicKey.Key.Bytes) == 0 {
		return
	}
	if d.seen.add(maphash.Bytes(d.seed, c.PublicKey.Key.Bytes)) {
		r.Add("tbsCertificate.subjectPublicKeyInfo.subjectPublicKey", "shared key", "a key of its own",
			"this DAC's public key is also the key of an earlier DAC of this batch (TC_DA_1_7 fails shared keys)")
	}
}

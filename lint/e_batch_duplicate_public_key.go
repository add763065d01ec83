package lint

import (
	"strconv"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&BatchRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_duplicate_public_key", "Two DACs of a batch must not share a public key",
				"CSA test harness TC_DA_1_7 step 3; matter-pki-rules.md §2.2 (\"two devices must not share a key\")", SourceTestHarness),
			Roles:       matterext.RoleDAC,
			Quote:       "All commissionable Matter Nodes SHALL include a Device Attestation Certificate (DAC) and corresponding private key, unique to that Device.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2 (p.358) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); harness: connectedhomeip src/python_testing/TC_DA_1_7.py step 3 `Verify that `pk_1` is not equal to `pk_2` / assert 'Found matching public keys in different DUTs'",
		},
		NewState: func(o BatchOptions) BatchState { return &duplicateKeys{seen: newExactSet(o.Seed)} },
	})
}

// duplicateKeys keeps each DAC's public key in an exactSet. A repeat by a
// byte-identical certificate is reported as the same certificate given
// twice, not as a shared key.
type duplicateKeys struct {
	seen   *exactSet
	shared *batchShared
}

func (d *duplicateKeys) share(s *batchShared) { d.shared = s }
func (d *duplicateKeys) Close() error         { return d.seen.Close() }

func (d *duplicateKeys) ahead(c *matterext.Certificate) {
	if len(c.PublicKey.Key.Bytes) > 0 {
		d.seen.touch(c.PublicKey.Key.Bytes)
	}
}

func (d *duplicateKeys) fetch() { d.seen.fetch() }

func (d *duplicateKeys) Add(c *matterext.Certificate, _ matterext.Role, r *Reporter) {
	if len(c.PublicKey.Key.Bytes) == 0 {
		return
	}
	pos := uint32(0)
	if d.shared != nil {
		pos = d.shared.pos
	}
	first, dup := d.seen.add(c.PublicKey.Key.Bytes, pos)
	if !dup {
		return
	}
	if d.shared != nil && d.shared.earlierSame(first) {
		r.Add("tbsCertificate.subjectPublicKeyInfo.subjectPublicKey", "repeated input", "each certificate once",
			"this DAC is byte-identical to certificate "+strconv.FormatUint(uint64(first)+1, 10)+" of this batch: the same certificate given twice, not a second DAC with its key")
		return
	}
	r.Add("tbsCertificate.subjectPublicKeyInfo.subjectPublicKey", "shared key", "a key of its own",
		"this DAC's public key is also the key of an earlier DAC of this batch (TC_DA_1_7 fails shared keys)")
}

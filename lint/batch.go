package lint

import (
	"bytes"
	"hash/maphash"
	"math/bits"

	"github.com/matterlint/matterlint/matterext"
)

// Rules that look across the certificates of a batch. They are registered
// like every rule (for listings and selection) but run through a Batch, not
// through Registry.Lint.
var (
	batchDuplicateSerial = &Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_duplicate_serial", "Two certificates of a batch must not have the same issuer and serial number",
				"RFC 5280 §4.1.2.2 (serial unique per CA); DCL (issuer, serial) uniqueness; ecosystem.md §3", SourceRFC5280),
			Roles: rolesAttestation, Batch: true,
		},
		Check: func(*Context, *Reporter) {},
	}
	batchDuplicateKey = &Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_duplicate_public_key", "Two DACs of a batch must not share a public key",
				"CSA test harness TC_DA_1_7 step 3; matter-pki-rules.md §2.2 (\"two devices must not share a key\")", SourceTestHarness),
			Roles: matterext.RoleDAC, Batch: true,
		},
		Check: func(*Context, *Reporter) {},
	}
	batchUnknownIssuer = &Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_batch_issuer_not_given", "Every DAC of a batch must be issued by one of the PAIs given (issuer name and AKID)",
				"Matter SDK ValidateCertificateChain (DAC issuer = PAI subject, AKID = SKID); TC_DA_1_7; matter-pki-rules.md §2.2", SourceMatter),
			Roles: matterext.RoleDAC, Batch: true,
		},
		Check: func(*Context, *Reporter) {},
	}
)

func init() {
	register(batchDuplicateSerial)
	register(batchDuplicateKey)
	register(batchUnknownIssuer)
}

// Batch runs the batch rules over certificates added in order. Memory grows
// by 10-15 bytes per certificate and rule (64-bit hashes, not certificates;
// a false duplicate needs two of 2^64 hashes to collide).
// A Batch is not safe for concurrent use: add certificates from one
// goroutine, in input order, so that results do not depend on parallelism.
type Batch struct {
	reg     *Registry
	seed    maphash.Seed
	serials *hashSet // nil when e_batch_duplicate_serial is not selected
	keys    *hashSet // nil when e_batch_duplicate_public_key is not selected
	pais    []*matterext.Certificate
	n       uint32
}

// NewBatch returns a Batch for the batch rules registered in reg. pais, when
// not empty, are the PAIs DACs must be issued by.
func NewBatch(reg *Registry, pais []*matterext.Certificate) *Batch {
	b := &Batch{reg: reg, seed: maphash.MakeSeed()}
	if _, err := reg.Lookup(batchDuplicateSerial.Name); err == nil {
		b.serials = newHashSet()
	}
	if _, err := reg.Lookup(batchDuplicateKey.Name); err == nil {
		b.keys = newHashSet()
	}
	if _, err := reg.Lookup(batchUnknownIssuer.Name); err == nil {
		b.pais = pais
	}
	return b
}

// Add checks the next certificate (its label names it in later findings)
// and returns the batch findings about it.
func (b *Batch) Add(c *matterext.Certificate, role matterext.Role) []Finding {
	b.n++
	var out []Finding
	add := func(r *Rule, loc, found, expected, msg string) {
		if _, err := b.reg.Lookup(r.Name); err != nil || r.Roles&role == 0 {
			return
		}
		out = append(out, Finding{Rule: r, Location: loc, Found: found, Expected: expected, Message: msg})
	}
	var h maphash.Hash
	h.SetSeed(b.seed)
	h.Write(c.Issuer.Raw)
	h.WriteByte(0)
	h.Write(c.Serial.Bytes)
	if b.serials == nil {
		// not selected
	} else if b.serials.add(h.Sum64()) {
		add(batchDuplicateSerial, "tbsCertificate.serialNumber", matterext.SerialHex(c.Serial.Bytes), "a serial unique under the issuer",
			"serial "+matterext.SerialHex(c.Serial.Bytes)+" under "+c.Issuer.String()+" was already used by an earlier certificate of this batch")
	}
	if b.keys != nil && role == matterext.RoleDAC && len(c.PublicKey.Key.Bytes) > 0 {
		h.Reset()
		h.Write(c.PublicKey.Key.Bytes)
		if b.keys.add(h.Sum64()) {
			add(batchDuplicateKey, "tbsCertificate.subjectPublicKeyInfo.subjectPublicKey", "shared key", "a key of its own",
				"this DAC's public key is also the key of an earlier DAC of this batch (TC_DA_1_7 fails shared keys)")
		}
	}
	if role == matterext.RoleDAC && len(b.pais) > 0 {
		found := false
		for _, p := range b.pais {
			if bytes.Equal(c.Issuer.Raw, p.Subject.Raw) && (c.AuthorityKeyID == nil || p.SubjectKeyID == nil || bytes.Equal(c.AuthorityKeyID.KeyID, p.SubjectKeyID.ID)) {
				found = true
				break
			}
		}
		if !found {
			add(batchUnknownIssuer, "tbsCertificate.issuer", c.Issuer.String(), "one of the given PAIs", "the DAC's issuer "+c.Issuer.String()+" (AKID "+akHex(c)+") is none of the given PAIs")
		}
	}
	return out
}

// N returns the number of certificates added (the # in messages).
func (b *Batch) N() uint32 { return b.n }

func akHex(c *matterext.Certificate) string {
	if c.AuthorityKeyID == nil {
		return "none"
	}
	return matterext.KeyIDHex(c.AuthorityKeyID.KeyID)
}

// hashSet is an open-addressing set of 64-bit hashes: 8 bytes a slot, at
// most 4/5 full and grown by half, so 10-15 bytes a certificate. Slots are
// picked by multiply-shift (any table size works), probing linearly.
type hashSet struct {
	keys []uint64
	n    int
}

func newHashSet() *hashSet { return &hashSet{keys: make([]uint64, 1024)} }

func (t *hashSet) slot(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(t.keys)))
	return int(hi)
}

// add records h and reports whether it was there already.
func (t *hashSet) add(h uint64) bool {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	for i := t.slot(h); ; i++ {
		if i == len(t.keys) {
			i = 0
		}
		switch t.keys[i] {
		case h:
			return true
		case 0:
			t.keys[i] = h
			t.n++
			if t.n*5 > len(t.keys)*4 {
				t.grow()
			}
			return false
		}
	}
}

func (t *hashSet) grow() {
	old := t.keys
	t.keys = make([]uint64, len(old)+len(old)/2)
	for _, h := range old {
		if h == 0 {
			continue
		}
		i := t.slot(h)
		for t.keys[i] != 0 {
			if i++; i == len(t.keys) {
				i = 0
			}
		}
		t.keys[i] = h
	}
}

package lint

import (
	"encoding/binary"
	"strconv"

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
		NewState: func(o BatchOptions) BatchState { return &duplicateSerials{seen: newExactSet(o.Seed)} },
	})
}

// duplicateSerials keeps each (issuer, serial) in an exactSet: a
// certificate repeats one only when both are byte-equal. A repeat by a
// byte-identical certificate is reported as the same certificate given
// twice, not as a serial reuse.
type duplicateSerials struct {
	seen   *exactSet
	shared *batchShared
	v      []byte
}

func (d *duplicateSerials) share(s *batchShared) { d.shared = s }
func (d *duplicateSerials) Close() error         { return d.seen.Close() }

// value is what the set keeps for c: its issuer (length-prefixed) and serial.
func (d *duplicateSerials) value(c *matterext.Certificate) []byte {
	d.v = binary.AppendUvarint(d.v[:0], uint64(len(c.Issuer.Raw)))
	d.v = append(append(d.v, c.Issuer.Raw...), c.Serial.Bytes...)
	return d.v
}

func (d *duplicateSerials) ahead(c *matterext.Certificate) { d.seen.touch(d.value(c)) }

func (d *duplicateSerials) fetch() { d.seen.fetch() }

func (d *duplicateSerials) Add(c *matterext.Certificate, _ matterext.Role, r *Reporter) {
	d.value(c)
	pos := uint32(0)
	if d.shared != nil {
		pos = d.shared.pos
	}
	first, dup := d.seen.add(d.v, pos)
	if !dup {
		return
	}
	serial := matterext.SerialHex(c.Serial.Bytes)
	if d.shared != nil && d.shared.earlierSame(first) {
		r.Add("tbsCertificate.serialNumber", "repeated input", "each certificate once",
			"this certificate is byte-identical to certificate "+strconv.FormatUint(uint64(first)+1, 10)+" of this batch: the same certificate given twice, not a second certificate with serial "+
				serial+" under "+c.Issuer.String())
		return
	}
	r.Add("tbsCertificate.serialNumber", serial, "a serial unique under the issuer",
		"serial "+serial+" under "+c.Issuer.String()+" was already used by an earlier certificate of this batch")
}

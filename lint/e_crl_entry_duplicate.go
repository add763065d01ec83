package lint

import (
	"bytes"
	"hash/maphash"
	"math/bits"
	"slices"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_entry_duplicate", "A serial number must not be listed twice for the same certificate issuer", citeCRL+".1.2.6; zlint e_crl_unique_revoked_certificate", SourceRFC5280),
			Quote:        "Certificates revoked by the CA are uniquely identified by the certificate serial number.",
			QuoteSource:  "RFC 5280 §5.1.2.6 (no explicit MUST NOT repeat; zlint e_crl_unique_revoked_certificate rests on the same text)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			seed := maphash.MakeSeed()
			for _, d := range duplicateCRLEntries(l, func(b []byte) uint64 { return maphash.Bytes(seed, b) }) {
				e := &l.Entries[d.pos]
				r.Add("tbsCertList.revokedCertificates["+itoa(int64(e.Index))+"]", matterext.SerialHex(e.Serial.Bytes), "each serial once",
					"serial "+matterext.SerialHex(e.Serial.Bytes)+" is listed again (first at entry "+itoa(int64(d.first))+")")
			}
		},
	})
}

// crlDuplicate is an entry (position in Entries) whose issuer and serial an
// earlier entry (Index first) already has.
type crlDuplicate struct {
	pos   int
	first int32
}

// duplicateCRLEntries returns the entries that repeat the issuer and serial
// (SerialHex) of an earlier one, in entry order. A million entries cost
// one sorted slice of integers, not a map of a million strings: each entry
// is a 64-bit word, the hash of its key above its position, so that after
// sorting the entries with one hash are adjacent and in entry order; they
// are then compared with each other.
func duplicateCRLEntries(l *matterext.CRL, hash func([]byte) uint64) []crlDuplicate {
	n := len(l.Entries)
	posBits := uint(bits.Len(uint(n)))
	mask := uint64(1)<<posBits - 1
	words := make([]uint64, n)
	var lastIssuer []byte
	issuerHash := hash(nil)
	for p := range l.Entries {
		e := &l.Entries[p]
		if len(e.Issuer) != len(lastIssuer) || len(e.Issuer) > 0 && &e.Issuer[0] != &lastIssuer[0] {
			lastIssuer, issuerHash = e.Issuer, hash(e.Issuer)
		}
		h := hash(matterext.SerialMagnitude(e.Serial.Bytes)) ^ bits.RotateLeft64(issuerHash, 29)
		words[p] = h&^mask | uint64(p)
	}
	slices.Sort(words)
	same := func(a, b int) bool {
		x, y := &l.Entries[a], &l.Entries[b]
		return bytes.Equal(x.Issuer, y.Issuer) && bytes.Equal(matterext.SerialMagnitude(x.Serial.Bytes), matterext.SerialMagnitude(y.Serial.Bytes))
	}
	var dups []crlDuplicate
	var keys []int // within a run of one hash: the first entry of each distinct key
	for i := 0; i < n; {
		j := i + 1
		for j < n && words[j]&^mask == words[i]&^mask {
			j++
		}
		keys = append(keys[:0], int(words[i]&mask))
	next:
		for _, w := range words[i+1 : j] {
			p := int(w & mask)
			for _, k := range keys {
				if same(k, p) {
					dups = append(dups, crlDuplicate{p, l.Entries[k].Index})
					continue next
				}
			}
			keys = append(keys, p)
		}
		i = j
	}
	slices.SortFunc(dups, func(a, b crlDuplicate) int { return a.pos - b.pos })
	return dups
}

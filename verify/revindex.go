package verify

import (
	"bytes"
	"encoding/base64"
	"hash/maphash"
	"math/bits"
	"slices"
	"sync"

	"github.com/matterlint/matterlint/matterext"
)

// revIndex answers revocationStatus in constant time, whatever the size of
// the revocation set and of the CRLs: it is built once per Revocation (see
// Revocation.index) from the Set and CRLs it was built with, and is only
// read afterwards, so verifications on any number of goroutines share it.
type revIndex struct {
	// set and crls are what the index was built from.
	set  []matterext.RevocationSetEntry
	crls []*matterext.CRL

	// groups holds, by issuer key ID (raw) and issuer name (raw DER), the
	// revocation-set entries that name that issuer, in set order: the
	// entries the SDK's delegate looks at for a certificate of that issuer.
	groups map[string]map[string]*setGroup

	// crlFirst maps the hash of (issuer, serial magnitude) to the first CRL
	// entry, in CRL order then entry order, with that issuer and serial;
	// crlOther holds the keys whose hash an earlier, different key took.
	seed     maphash.Seed
	crlFirst map[uint64]crlRef
	crlOther map[string]crlRef
}

// setGroup is the revocation-set entries naming one issuer.
type setGroup struct {
	entries []int32 // indexes in Set, in order
	// serials maps each normalised serial of the entries to the first
	// entry (index in Set) listing it.
	serials map[string]int32
	// checked and firstBad: the first of entries whose CA certificate does
	// not match the issuer (index in Set), or -1; decided once, when a
	// certificate of the issuer is first looked up.
	checked  sync.Once
	firstBad int32
}

// crlRef is a CRL entry: rv.CRLs[crl].Entries[pos].
type crlRef struct{ crl, pos int32 }

// index returns the lookup structure of rv, building it on first use, and
// again when Set or CRLs has been replaced since (a different slice or
// length, or another CRL at some position). Prepare builds it ahead.
func (rv *Revocation) index() *revIndex {
	if x := rv.idx.Load(); x != nil && x.builtFrom(rv) {
		return x
	}
	rv.mu.Lock()
	defer rv.mu.Unlock()
	if x := rv.idx.Load(); x != nil && x.builtFrom(rv) {
		return x
	}
	x := newRevIndex(rv.Set, rv.CRLs)
	rv.idx.Store(x)
	return x
}

// Prepare builds the index verifications look the DAC and PAI up in (once;
// otherwise the first verification builds it). Set and CRLs must not be
// changed in place afterwards; assigning new ones is fine (the index is
// rebuilt).
func (rv *Revocation) Prepare() { rv.index() }

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func (x *revIndex) builtFrom(rv *Revocation) bool {
	return sameSlice(x.set, rv.Set) && slices.Equal(x.crls, rv.CRLs)
}

func newRevIndex(set []matterext.RevocationSetEntry, crls []*matterext.CRL) *revIndex {
	x := &revIndex{set: set, crls: slices.Clone(crls), groups: map[string]map[string]*setGroup{}, seed: maphash.MakeSeed()}
	for i := range set {
		e := &set[i]
		// Only an entry whose key ID and name are written exactly as
		// KeyIDHex and base64 write a certificate's can name one.
		name, err := base64.StdEncoding.DecodeString(e.IssuerName)
		if err != nil || base64.StdEncoding.EncodeToString(name) != e.IssuerName {
			continue
		}
		kid, ok := decodeKeyIDHex(e.IssuerSubjectKeyID)
		if !ok {
			continue
		}
		byName := x.groups[string(kid)]
		if byName == nil {
			byName = map[string]*setGroup{}
			x.groups[string(kid)] = byName
		}
		g := byName[string(name)]
		if g == nil {
			g = &setGroup{serials: make(map[string]int32, len(e.RevokedSerialNumbers))}
			byName[string(name)] = g
		}
		g.entries = append(g.entries, int32(i))
		for _, s := range e.RevokedSerialNumbers {
			s = matterext.NormalizeSerialHex(s)
			if _, dup := g.serials[s]; !dup {
				g.serials[s] = int32(i)
			}
		}
	}
	n := 0
	for _, l := range crls {
		n += len(l.Entries)
	}
	x.crlFirst = make(map[uint64]crlRef, n)
	for ci, l := range crls {
		var last []byte
		lastHash := maphash.Bytes(x.seed, nil)
		for p := range l.Entries {
			e := &l.Entries[p]
			if !sameSlice(e.Issuer, last) {
				last, lastHash = e.Issuer, maphash.Bytes(x.seed, e.Issuer)
			}
			serial := matterext.SerialMagnitude(e.Serial.Bytes)
			h := x.crlHash(lastHash, serial)
			ref := crlRef{int32(ci), int32(p)}
			first, taken := x.crlFirst[h]
			switch {
			case !taken:
				x.crlFirst[h] = ref
			case x.crlEntryIs(first, e.Issuer, serial):
				// a later duplicate: the first one answers
			default:
				k := crlKey(e.Issuer, serial)
				if _, dup := x.crlOther[k]; !dup {
					if x.crlOther == nil {
						x.crlOther = map[string]crlRef{}
					}
					x.crlOther[k] = ref
				}
			}
		}
	}
	return x
}

// decodeKeyIDHex decodes s when it is exactly what KeyIDHex writes for some
// key ID (uppercase hex digits, even length).
func decodeKeyIDHex(s string) ([]byte, bool) {
	if len(s)%2 != 0 {
		return nil, false
	}
	out := make([]byte, len(s)/2)
	for i := range out {
		hi, ok1 := upperHexDigit(s[2*i])
		lo, ok2 := upperHexDigit(s[2*i+1])
		if !ok1 || !ok2 {
			return nil, false
		}
		out[i] = hi<<4 | lo
	}
	return out, true
}

func upperHexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (x *revIndex) crlHash(issuerHash uint64, serial []byte) uint64 {
	return maphash.Bytes(x.seed, serial) ^ bits.RotateLeft64(issuerHash, 29)
}

func crlKey(issuer, serial []byte) string {
	return string(issuer) + "\x00" + string(serial)
}

func (x *revIndex) crlEntry(r crlRef) *matterext.CRLEntry { return &x.crls[r.crl].Entries[r.pos] }

func (x *revIndex) crlEntryIs(r crlRef, issuer, serial []byte) bool {
	e := x.crlEntry(r)
	return bytes.Equal(e.Issuer, issuer) && bytes.Equal(matterext.SerialMagnitude(e.Serial.Bytes), serial)
}

// lookupCRL returns the first CRL entry revoking serial under issuer.
func (x *revIndex) lookupCRL(issuer, serial []byte) (crlRef, bool) {
	if len(x.crlFirst) == 0 {
		return crlRef{}, false
	}
	serial = matterext.SerialMagnitude(serial)
	h := x.crlHash(maphash.Bytes(x.seed, issuer), serial)
	r, ok := x.crlFirst[h]
	if !ok {
		return crlRef{}, false
	}
	if x.crlEntryIs(r, issuer, serial) {
		return r, true
	}
	r, ok = x.crlOther[crlKey(issuer, serial)]
	return r, ok
}

// group returns the revocation-set entries naming the issuer (nil if none).
func (x *revIndex) group(keyID, name []byte) *setGroup {
	return x.groups[string(keyID)][string(name)]
}

// firstMismatch returns the first entry of g (index in Set) whose CRL
// signer (or delegator) certificate is not the issuer it names, or -1:
// the SDK's delegate cross-validates each entry it looks at
// (matter-pki-rules.md §6.5 step 2). Each certificate is decoded at most
// once per index.
func (x *revIndex) firstMismatch(g *setGroup) int32 {
	g.checked.Do(func() {
		g.firstBad = -1
		for _, i := range g.entries {
			if !caMatchesEntry(&x.set[i]) {
				g.firstBad = i
				return
			}
		}
	})
	return g.firstBad
}

// caMatchesEntry reports whether the entry's CA certificate (the delegator
// when there is one, else the CRL signer) has the subject and SKID the
// entry names.
func caMatchesEntry(e *matterext.RevocationSetEntry) bool {
	caB64 := e.CRLSignerCert
	if e.CRLSignerDelegator != "" {
		caB64 = e.CRLSignerDelegator
	}
	der, _ := base64.StdEncoding.DecodeString(caB64)
	ca, err := matterext.ParseCertificate(der)
	return err == nil && base64.StdEncoding.EncodeToString(ca.Subject.Raw) == e.IssuerName && ca.SubjectKeyID != nil &&
		matterext.KeyIDHex(ca.SubjectKeyID.ID) == e.IssuerSubjectKeyID
}

// appendSerialHex appends what matterext.SerialHex returns for b.
func appendSerialHex(dst, b []byte) []byte {
	const digits = "0123456789ABCDEF"
	for _, c := range matterext.SerialMagnitude(b) {
		dst = append(dst, digits[c>>4], digits[c&15])
	}
	return dst
}

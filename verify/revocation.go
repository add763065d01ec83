package verify

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Revocation is the revocation data a verification checks the DAC and PAI
// against: a revocation set (the SDK's JSON) and/or CRLs.
//
// Checks are constant-time lookups in an index of the set and the CRLs,
// built on first use (or by Prepare) and shared by concurrent
// verifications; it is rebuilt when Set or CRLs is replaced, but changes
// made in place to their elements after the first use are not seen.
type Revocation struct {
	Set  []matterext.RevocationSetEntry
	CRLs []*matterext.CRL
	// CRLSources name the CRLs in messages (parallel to CRLs).
	CRLSources []string

	mu  sync.Mutex
	idx atomic.Pointer[revIndex]
}

// Revocation steps: a separate commissioning stage after attestation.
const (
	stepRevoked     = 300
	stepRevokedEach = 301
)

const citeRevocation = "Matter SDK TestDACRevocationDelegateImpl::CheckForRevokedDACChain / IsEntryInRevocationSet (spec 6.2.4.2); matter-pki-rules.md §6.5"

// revocationStatus says whether c is revoked by the set or a CRL, and why.
// It answers as the SDK's delegate, which scans the set in order: the
// entries naming c's issuer (name and AKID) are looked at in turn, the first
// one whose CA certificate does not match that issuer ends the search with
// "not revoked" (and a note), and one listing c's serial revokes it; then
// the CRLs in order, their entries in order (each entry's issuer with
// certificateIssuer carried forward).
func revocationStatus(c *matterext.Certificate, rv *Revocation) (revoked bool, how string, notes []string) {
	x := rv.index()
	var kid []byte
	if ak := c.AuthorityKeyID; ak != nil && ak.HasKeyID {
		kid = ak.KeyID
	}
	if g := x.group(kid, c.Issuer.Raw); g != nil {
		var buf [48]byte
		first, listed := g.serials[string(appendSerialHex(buf[:0], c.Serial.Bytes))]
		bad := x.firstMismatch(g)
		switch {
		case listed && (bad < 0 || first < bad):
			return true, fmt.Sprintf("serial %s is listed in revocation-set entry %d (issuer SKID %s)", matterext.SerialHex(c.Serial.Bytes), first, x.set[first].IssuerSubjectKeyID), notes
		case bad >= 0:
			notes = append(notes, fmt.Sprintf("revocation-set entry %d names this issuer, but its CRL signer/delegator certificate does not match it; the SDK stops looking at this entry and reports \"not revoked\"", bad))
			return false, "", notes
		}
	}
	if r, ok := x.lookupCRL(c.Issuer.Raw, c.Serial.Bytes); ok {
		src := fmt.Sprintf("CRL %d", r.crl)
		if int(r.crl) < len(rv.CRLSources) {
			src = rv.CRLSources[r.crl]
		}
		return true, fmt.Sprintf("serial %s is revoked by %s (entry %d)", matterext.SerialHex(c.Serial.Bytes), src, x.crlEntry(r).Index), notes
	}
	return false, "", notes
}

// revocationFindings checks the DAC and the PAI.
func revocationFindings(dac, pai *matterext.Certificate, rv *Revocation) []Finding {
	var fs []Finding
	dacRevoked, dacHow, dacNotes := revocationStatus(dac, rv)
	var paiRevoked bool
	var paiHow string
	var paiNotes []string
	if pai != nil {
		paiRevoked, paiHow, paiNotes = revocationStatus(pai, rv)
	}
	add := func(check, cert string, step int, code matterext.ResultCode, msg string) {
		fs = append(fs, Finding{Check: check, Cert: cert, Step: step, Code: code, Severity: lint.Error,
			Location: "tbsCertificate.serialNumber", Message: msg, Citation: citeRevocation, release: relRevocation})
	}
	if dacRevoked && paiRevoked {
		add(CheckNotRevoked, "dac", stepRevoked, matterext.PaiAndDacRevoked, "both the DAC and the PAI are revoked")
	}
	if dacRevoked {
		add(CheckDACNotRevoked, "dac", stepRevokedEach, matterext.DacRevoked, "the DAC is revoked: "+dacHow)
	}
	if paiRevoked {
		add(CheckPAINotRevoked, "pai", stepRevokedEach, matterext.PaiRevoked, "the PAI is revoked: "+paiHow)
	}
	for _, n := range append(dacNotes, paiNotes...) {
		fs = append(fs, Finding{Check: CheckNotRevoked, Cert: "revocation", Step: stepInformational, Severity: lint.Warn,
			Location: "revocation set", Message: n, Citation: citeRevocation, Note: "matter-pki-rules.md §8 item 12: the SDK's delegate returns at the first entry that fails cross-validation"})
	}
	return fs
}

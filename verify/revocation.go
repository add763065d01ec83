package verify

import (
	"bytes"
	"encoding/base64"
	"fmt"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Revocation is the revocation data a verification checks the DAC and PAI
// against: a revocation set (the SDK's JSON) and/or CRLs.
type Revocation struct {
	Set  []matterext.RevocationSetEntry
	CRLs []*matterext.CRL
	// CRLSources name the CRLs in messages (parallel to CRLs).
	CRLSources []string
}

// Revocation steps: a separate commissioning stage after attestation.
const (
	stepRevoked     = 300
	stepRevokedEach = 301
)

const citeRevocation = "Matter SDK TestDACRevocationDelegateImpl::CheckForRevokedDACChain / IsEntryInRevocationSet (spec 6.2.4.2); matter-pki-rules.md §6.5"

// revocationStatus says whether c is revoked by the set or a CRL, and why.
func revocationStatus(c *matterext.Certificate, rv *Revocation) (revoked bool, how string, notes []string) {
	issuerName := base64.StdEncoding.EncodeToString(c.Issuer.Raw)
	var akid string
	if ak := c.AuthorityKeyID; ak != nil && ak.HasKeyID {
		akid = matterext.KeyIDHex(ak.KeyID)
	}
	serial := matterext.SerialHex(c.Serial.Bytes)
	for i, e := range rv.Set {
		if e.IssuerName != issuerName || e.IssuerSubjectKeyID != akid {
			continue
		}
		// Cross-validate the entry's CA certificate (§6.5 step 2).
		caB64 := e.CRLSignerCert
		if e.CRLSignerDelegator != "" {
			caB64 = e.CRLSignerDelegator
		}
		der, _ := base64.StdEncoding.DecodeString(caB64)
		ca, err := matterext.ParseCertificate(der)
		if err != nil || base64.StdEncoding.EncodeToString(ca.Subject.Raw) != issuerName || ca.SubjectKeyID == nil || matterext.KeyIDHex(ca.SubjectKeyID.ID) != akid {
			notes = append(notes, fmt.Sprintf("revocation-set entry %d names this issuer, but its CRL signer/delegator certificate does not match it; the SDK stops looking at this entry and reports \"not revoked\"", i))
			return false, "", notes
		}
		for _, s := range e.RevokedSerialNumbers {
			if matterext.NormalizeSerialHex(s) == serial {
				return true, fmt.Sprintf("serial %s is listed in revocation-set entry %d (issuer SKID %s)", serial, i, akid), notes
			}
		}
	}
	for i, l := range rv.CRLs {
		src := fmt.Sprintf("CRL %d", i)
		if i < len(rv.CRLSources) {
			src = rv.CRLSources[i]
		}
		for _, e := range l.Entries {
			if bytes.Equal(e.Issuer, c.Issuer.Raw) && matterext.SerialHex(e.Serial.Bytes) == serial {
				return true, fmt.Sprintf("serial %s is revoked by %s (entry %d)", serial, src, e.Index), notes
			}
		}
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

package verify

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// BuildOptions control BuildRevocationSet.
type BuildOptions struct {
	// Store holds the PAAs the CRL signers must chain to (the DCL's approved
	// roots). Required.
	Store *TrustStore
	// FetchCRL returns the CRL published at a point's dataURL (offline: a
	// file named by or mapped from the URL).
	FetchCRL func(url string) ([]byte, error)
	// At is the time CRLs must be current at (thisUpdate ≤ At < nextUpdate);
	// zero means now.
	At time.Time
	// Lint checks delegated signers' profile; nil means lint.Default().
	Lint *lint.Registry
}

// PointReport says what happened to one revocation point.
type PointReport struct {
	Index    int
	Label    string
	Accepted bool
	// Reasons lists why the point was rejected (empty when accepted).
	Reasons []string
	// Notes are warnings that did not reject the point.
	Notes []string
	// Entry is the revocation-set entry the point produced, when accepted.
	Entry *matterext.RevocationSetEntry
}

// BuildResult is a revocation set and the report of every point.
type BuildResult struct {
	Set    []matterext.RevocationSetEntry
	Points []PointReport
}

// BuildRevocationSet builds a revocation set from DCL revocation points as
// the SDK's generate_revocation_set.py does (the four signer topologies:
// PAA, PAI, PAA-delegated, PAI-delegated), and unlike it also checks each CRL
// as RFC 5280 §6.3 asks: its signature under the signer's key, its
// thisUpdate/nextUpdate, and that certificateIssuer carries forward between
// entries (§5.3.3). Every rejected point is reported with its reasons.
func BuildRevocationSet(points []matterext.RevocationPoint, opts BuildOptions) *BuildResult {
	if opts.Lint == nil {
		opts.Lint = defaultRegistry()
	}
	if opts.At.IsZero() {
		opts.At = time.Now().UTC()
	}
	res := &BuildResult{}
	for _, p := range points {
		rep := buildPoint(p, points, opts)
		if rep.Accepted {
			res.Set = append(res.Set, *rep.Entry)
		}
		res.Points = append(res.Points, rep)
	}
	return res
}

// verifyIssued checks child → parent as verify_cert does: AKID = SKID, issuer
// = subject, and the signature.
func verifyIssued(child, parent *matterext.Certificate) error {
	rel := matterext.Relate(child, parent)
	if rel.KeyID != matterext.KeyIDMatches {
		return fmt.Errorf("its AKID is not the issuer's SKID (%v)", rel.KeyID)
	}
	if !rel.Names {
		return fmt.Errorf("its issuer %q is not %q", child.Issuer.String(), parent.Subject.String())
	}
	return child.CheckSignatureFrom(parent)
}

func buildPoint(p matterext.RevocationPoint, all []matterext.RevocationPoint, opts BuildOptions) PointReport {
	rep := PointReport{Index: p.Index, Label: p.Label}
	reject := func(format string, a ...any) { rep.Reasons = append(rep.Reasons, fmt.Sprintf(format, a...)) }
	note := func(format string, a ...any) { rep.Notes = append(rep.Notes, fmt.Sprintf(format, a...)) }
	if p.Signer == nil && p.SignerErr == nil {
		p.DecodeCertificates()
	}
	// The point rules: those whose defect makes the SDK's script drop the
	// point (VID/PID, issuerSubjectKeyID, unreadable certificates) reject
	// it; the others are what the DCL checks on submission.
	for _, f := range opts.Lint.LintPoint(&p).Findings {
		if f.Rule.SDK == lint.SDKRevocationSet {
			reject("%s (%s)", f.Message, f.Rule.Name)
		} else {
			note("%s %s: %s (the DCL checks this on submission)", f.Severity(), f.Rule.Name, f.Message)
		}
	}
	if p.RevocationType != 1 {
		reject("revocationType is %d; only 1 (RFC 5280 CRL) is supported", p.RevocationType)
		return rep
	}
	signer, delegator := p.Signer, p.Delegator
	if signer == nil || p.DelegatorErr != nil {
		return rep // e_point_signer_invalid rejected it
	}
	selfSigned := signer.SelfIssued()
	// Delegated signers must have the CRL signer profile (DCL VerifyCRLSignerCertFormat).
	if (delegator != nil || (p.IsPAA && !selfSigned)) && !selfSigned {
		res := opts.Lint.Lint(signer, lint.Options{Role: matterext.RoleCRLSigner})
		for _, f := range res.Findings {
			if f.Severity() == lint.Error {
				reject("the delegated CRL signer breaks %s: %s", f.Rule.Name, f.Message)
			}
		}
	}
	// Chain to a PAA, and choose the CA whose name and key ID go in the set.
	var ca, paa *matterext.Certificate
	lookup := func(c *matterext.Certificate) *matterext.Certificate {
		if c.AuthorityKeyID == nil || !c.AuthorityKeyID.HasKeyID {
			return nil
		}
		if a := opts.Store.Lookup(c.AuthorityKeyID.KeyID); a != nil {
			return a.Cert
		}
		return nil
	}
	switch {
	case p.IsPAA && selfSigned: // topology 1
		if a := opts.Store.Lookup(skidOf(signer)); a == nil || !bytes.Equal(a.Cert.Raw, signer.Raw) {
			reject("the self-signed signer %q is not one of the trusted PAAs", signer.Subject.String())
		} else if err := verifyIssued(signer, signer); err != nil {
			reject("the PAA's self-signature: %v", err)
		}
		ca, paa = signer, signer
	case p.IsPAA: // topology 3: delegated by the PAA
		paa = lookup(signer)
		if paa == nil {
			reject("no trusted PAA issued the delegated signer %q (AKID %s)", signer.Subject.String(), akidString(signer))
		} else if err := verifyIssued(signer, paa); err != nil {
			reject("the delegated signer is not issued by the PAA: %v", err)
		}
		if delegator != nil && paa != nil && !bytes.Equal(delegator.Raw, paa.Raw) {
			reject("crlSignerDelegator is not the PAA that issued the signer")
		}
		ca = paa
		if delegator == nil {
			delegator = paa
		}
	case delegator != nil: // topology 4: delegated by a PAI
		if err := verifyIssued(signer, delegator); err != nil {
			reject("the signer is not issued by its delegator: %v", err)
		}
		if paa = lookup(delegator); paa == nil {
			reject("no trusted PAA issued the delegator %q (AKID %s)", delegator.Subject.String(), akidString(delegator))
		} else if err := verifyIssued(delegator, paa); err != nil {
			reject("the delegator is not issued by the PAA: %v", err)
		}
		ca = delegator
	default: // topology 2: the PAI signs
		if selfSigned {
			reject("a PAI signer (isPAA false) must not be self-signed")
		} else if paa = lookup(signer); paa == nil {
			reject("no trusted PAA issued the signer %q (AKID %s)", signer.Subject.String(), akidString(signer))
		} else if err := verifyIssued(signer, paa); err != nil {
			reject("the signer is not issued by the PAA: %v", err)
		}
		ca = signer
	}
	if ca != nil && len(skidOf(ca)) == 0 {
		reject("the certificate authority %q has no subjectKeyIdentifier, so no revocation-set entry can name it", ca.Subject.String())
	}
	// The CRL.
	der, err := fetchCRLDER(opts.FetchCRL, p.DataURL)
	if err != nil {
		reject("CRL at %s: %v", p.DataURL, err)
		return rep
	}
	crl, err := matterext.ParseCRL(der)
	if err != nil {
		reject("CRL at %s: %v", p.DataURL, err)
		return rep
	}
	for _, p := range CRLSignerProblems(crl, signer) {
		reject("%s", p.Message)
	}
	switch {
	case !crl.ThisUpdate.Present || crl.ThisUpdate.Err != nil:
		reject("the CRL's thisUpdate is missing or invalid")
	case opts.At.Before(crl.ThisUpdate.T):
		reject("the CRL is not yet valid (thisUpdate %s)", crl.ThisUpdate.T.Format(time.RFC3339))
	}
	switch {
	case !crl.NextUpdate.Present:
		reject("the CRL has no nextUpdate, so its freshness cannot be judged")
	case crl.NextUpdate.Err != nil:
		reject("the CRL's nextUpdate is invalid: %s", crl.NextUpdate.Err)
	case !opts.At.Before(crl.NextUpdate.T):
		reject("the CRL is stale: nextUpdate %s has passed", crl.NextUpdate.T.Format(time.RFC3339))
	}
	// IDP rules when several points share the issuer SKID and VID.
	shared := 0
	for _, q := range all {
		if q.VID == p.VID && q.IssuerSubjectKeyID == p.IssuerSubjectKeyID {
			shared++
		}
	}
	if idp := crl.IDP; shared > 1 {
		if idp == nil || len(idp.FullNameURIs) != 1 || idp.FullNameOthers > 0 || idp.FullNameURIs[0] != p.DataURL {
			reject("%d points share VID %04X and issuer %s, so the CRL needs an issuingDistributionPoint whose fullName is exactly %s", shared, p.VID, p.IssuerSubjectKeyID, p.DataURL)
		}
	} else if idp != nil && len(idp.FullNameURIs) == 1 && idp.FullNameURIs[0] != p.DataURL {
		note("the CRL's issuingDistributionPoint names %s, not the point's dataURL %s", idp.FullNameURIs[0], p.DataURL)
	}
	if len(rep.Reasons) > 0 || ca == nil {
		return rep
	}
	// The entries revoked for the CA.
	entry := &matterext.RevocationSetEntry{
		Type: matterext.RevocationSetType, IssuerSubjectKeyID: matterext.KeyIDHex(ca.SubjectKeyID.ID),
		IssuerName: base64.StdEncoding.EncodeToString(ca.Subject.Raw), RevokedSerialNumbers: []string{},
		CRLSignerCert: base64.StdEncoding.EncodeToString(signer.Raw),
	}
	if delegator != nil {
		entry.CRLSignerDelegator = base64.StdEncoding.EncodeToString(delegator.Raw)
	}
	for _, e := range crl.Entries {
		// The SDK script reads certificateIssuer per entry; RFC 5280 §5.3.3
		// carries it forward. Say so when the two disagree.
		sdkIssuer := crl.Issuer.Raw
		if e.CertificateIssuer != nil {
			sdkIssuer = e.CertificateIssuer
		}
		mine := bytes.Equal(e.Issuer, ca.Subject.Raw) || (e.CertificateIssuer == nil && bytes.Equal(e.Issuer, crl.Issuer.Raw))
		sdkTakes := e.CertificateIssuer == nil || bytes.Equal(sdkIssuer, ca.Subject.Raw)
		if mine != sdkTakes {
			note("entry %d (serial %s): RFC 5280 carries the previous entry's certificateIssuer forward, so it %s; the SDK's generate_revocation_set.py %s it",
				e.Index, matterext.SerialHex(e.Serial.Bytes), map[bool]string{true: "belongs to this CA", false: "belongs to another CA"}[mine],
				map[bool]string{true: "takes", false: "skips"}[sdkTakes])
		}
		if mine {
			entry.RevokedSerialNumbers = append(entry.RevokedSerialNumbers, matterext.SerialHex(e.Serial.Bytes))
		}
	}
	rep.Accepted, rep.Entry = true, entry
	return rep
}

func fetchCRLDER(fetch func(string) ([]byte, error), url string) ([]byte, error) {
	if fetch == nil {
		return nil, errors.New("no CRL source")
	}
	b, err := fetch(url)
	if err != nil {
		return nil, err
	}
	var der []byte
	var perr error
	input.ForCRLs(nil).ReadStream(url, bytes.NewReader(b), func(it input.Item) bool {
		if it.Err != nil {
			perr = it.Err
		} else {
			der = it.DER
		}
		return false
	})
	if der == nil && perr == nil {
		perr = errors.New("empty CRL")
	}
	return der, perr
}

func skidOf(c *matterext.Certificate) []byte {
	if c.SubjectKeyID == nil {
		return nil
	}
	return c.SubjectKeyID.ID
}

func akidString(c *matterext.Certificate) string {
	if c.AuthorityKeyID == nil || !c.AuthorityKeyID.HasKeyID {
		return "(none)"
	}
	return matterext.KeyIDHex(c.AuthorityKeyID.KeyID)
}

func crlAKIDString(l *matterext.CRL) string {
	if l.AuthorityKeyID == nil || !l.AuthorityKeyID.HasKeyID {
		return "(none)"
	}
	return matterext.KeyIDHex(l.AuthorityKeyID.KeyID)
}

// CRLSignerProblem is a way a CRL does not match its signer.
type CRLSignerProblem struct {
	Location, Found, Expected, Message string
}

// CRLSignerProblems checks a CRL against its signer: the CRL's AKID is the
// signer's SKID (generate_revocation_set.py step 6a), its issuer is the
// signer's subject, and its signature verifies under the signer's key
// (RFC 5280 §6.3.3, which the SDK script leaves as a TODO).
func CRLSignerProblems(crl *matterext.CRL, signer *matterext.Certificate) []CRLSignerProblem {
	var out []CRLSignerProblem
	sk := matterext.KeyIDHex(skidOf(signer))
	if sk == "" {
		sk = "(none)"
	}
	if ak := crl.AuthorityKeyID; ak == nil || !ak.HasKeyID || len(skidOf(signer)) == 0 || !bytes.Equal(ak.KeyID, skidOf(signer)) {
		out = append(out, CRLSignerProblem{"tbsCertList.crlExtensions[authorityKeyIdentifier]", crlAKIDString(crl), sk,
			fmt.Sprintf("the CRL's AKID %s is not the signer's SKID %s", crlAKIDString(crl), sk)})
	}
	if !bytes.Equal(crl.Issuer.Raw, signer.Subject.Raw) {
		out = append(out, CRLSignerProblem{"tbsCertList.issuer", crl.Issuer.String(), signer.Subject.String(),
			fmt.Sprintf("the CRL issuer %q is not the signer %q", crl.Issuer.String(), signer.Subject.String())})
	}
	if err := crl.CheckSignature(signer); err != nil {
		out = append(out, CRLSignerProblem{"signatureValue", err.Error(), "a signature by the signer",
			"the CRL signature does not verify under the signer's key: " + err.Error()})
	}
	return out
}

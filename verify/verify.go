// Package verify checks a DAC → PAI → PAA chain offline with the semantics of
// the reference SDK's DefaultDACVerifier (matter-pki-rules.md §4), but
// collects every failure instead of stopping at the first. The primary result
// is the AttestationVerificationResult the SDK would return: the first
// failure in the SDK's order.
//
// Format checks are the lint rules of package lint (one rule, one place);
// this package adds the checks that relate certificates to each other: VID and
// PID matching, the PAA lookup, name and key-identifier chaining, signatures,
// validity at the DAC's issuance time, path length, and the DAC's validity at
// the evaluation time.
package verify

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Steps of DefaultDACVerifier::VerifyAttestationInformation (§4.1), ×10 so
// that checks within a step keep an order.
const (
	stepPAIMissing    = 40
	stepPAIFormat     = 60
	stepDACFormat     = 70
	stepDACExtract    = 80
	stepPAIExtract    = 81
	stepVendorID      = 90
	stepProductID     = 100
	stepPAALookup     = 150
	stepPAAExtract    = 160
	stepPAAVendorID   = 170
	stepPAAProductID  = 180
	stepDACExpired    = 190
	stepChain         = 200
	stepPAASKID       = 210
	stepDevice        = 250
	stepInformational = 1000
)

// Finding is one failed check, or an informational finding (Code Success)
// that does not fail attestation.
type Finding struct {
	Check    string // lint rule name, or the name of a verify check (see Checks)
	Cert     string // "dac", "pai", "paa", or "device"
	Step     int    // position in the SDK's order (10 × the step of matter-pki-rules.md §4.1)
	Code     matterext.ResultCode
	Severity lint.Severity
	Location string
	Message  string
	Citation string
	Note     string
	// release says which SDK releases fail on the finding (relAll: all).
	release int
}

// Failure reports whether the finding fails attestation.
func (f *Finding) Failure() bool { return f.Code != matterext.Success }

// Result is the outcome of verifying one DAC.
type Result struct {
	// Code is what the SDK would return: the first failure in its order, or
	// matterext.Success.
	Code matterext.ResultCode
	// Findings lists every failure in the SDK's order, then the informational
	// findings (lint findings the SDK accepts, device notes).
	Findings []Finding
	// PAA is the trust anchor the chain was checked against; nil when none
	// was found.
	PAA *Anchor
	// At is the time the DAC's current validity was checked at; zero when
	// the check was off.
	At time.Time
	// Elements are the decoded attestation elements when an attestation
	// response was checked (Options.Attestation); nil otherwise.
	Elements *matterext.AttestationElements
	// Release is the SDK release Code and Findings are for.
	Release Release
	// Releases is the verdict of every modelled release, grouped into runs
	// of releases that decide alike; more than one entry means the verdict
	// depends on the commissioner's SDK release.
	Releases []ReleaseVerdict
}

// Pass reports whether the chain passes.
func (r *Result) Pass() bool { return r.Code == matterext.Success }

// Err returns nil when the chain passes, else an *Error.
func (r *Result) Err() error {
	if r.Pass() {
		return nil
	}
	return &Error{Code: r.Code, First: r.Findings[0]}
}

// Error is a failed verification. errors.Is(err, matterext.DacExpired)
// matches on the primary result code.
type Error struct {
	Code  matterext.ResultCode
	First Finding // the first failure, which determines Code
}

func (e *Error) Error() string {
	return fmt.Sprintf("attestation fails with %v (%d): %s", e.Code, e.Code, e.First.Message)
}

// Is matches a matterext.ResultCode target.
func (e *Error) Is(target error) bool {
	c, ok := target.(matterext.ResultCode)
	return ok && c == e.Code
}

// Device is what the device reports in its Basic Information cluster.
type Device struct {
	VID, PID       uint16
	HasVID, HasPID bool
}

// Options control verification.
type Options struct {
	// Store is where the PAA is looked up (by PAI AKID). Nil means the
	// embedded production store.
	Store *TrustStore
	// Device, when set, is compared with the DAC (informational without a
	// Certification Declaration, which is where the SDK compares them).
	Device Device
	// At is the time at which the DAC must be valid; zero means now.
	At time.Time
	// NoCurrentTime turns the DAC current-time check off (as on a
	// commissioner without a clock).
	NoCurrentTime bool
	// Production rejects PAIs issued by the SDK's test PAAs (TC_DA_1_7).
	Production bool
	// Lint is the rule registry for the format checks; nil means lint.Default()
	// without the DCL's rules (profile spec-strict: the DCL's submission
	// checks are not a commissioner's).
	Lint *lint.Registry
	// CD, when set, is checked as the SDK checks the Certification
	// Declaration: signature, content, and against the device and the chain.
	CD *matterext.CertificationDeclaration
	// CDTrust holds the CD signing keys; nil means DefaultCDTrust.
	CDTrust *CDTrust
	// AllowTestCDKey accepts CDs signed with the SDK test key (types 0 and 1).
	AllowTestCDKey bool
	// Revocation, when set, is checked after attestation as the SDK's
	// revocation delegate does (kDacRevoked, kPaiRevoked, kPaiAndDacRevoked).
	Revocation *Revocation
	// Release names the SDK release whose commissioner semantics decide the
	// verdict ("" means NewestRelease); see ReleaseDifferences.
	Release string
	// Attestation, when set, is the device's attestation response with the
	// commissioner's challenge and nonce: its size, signature (with the
	// DAC's key), elements and nonce are checked at their SDK steps, and the
	// CD it carries is checked as CD is (CD, when also set, must be the
	// same).
	Attestation *AttestationResponse
}

// ErrNoDAC is returned by Verify when the DAC is nil.
var ErrNoDAC = errors.New("verify: no DAC given")

// Verify verifies one DAC under pai (which may be nil: kPaiMissing).
func Verify(dac, pai *matterext.Certificate, opts Options) (*Result, error) {
	if dac == nil {
		return nil, ErrNoDAC
	}
	v, err := NewVerifier(pai, opts)
	if err != nil {
		return nil, err
	}
	return v.Verify(dac), nil
}

// Verifier verifies many DACs under one PAI. Everything about the PAI and
// its PAA is checked once, when the Verifier is made; each DAC then costs a
// decode, its lint rules and one ECDSA verification. A Verifier is safe for
// concurrent use.
type Verifier struct {
	opts      Options
	reg       *lint.Registry
	pai       *matterext.Certificate
	paiVP     matterext.VIDPID
	paiVPOK   bool
	paiKey    *ecdsa.PublicKey
	paiSig    tableKey
	paa       *Anchor
	findings  []Finding // PAI- and PAA-only findings
	at        time.Time
	checkTime bool
	elements  *matterext.AttestationElements
	release   Release
}

// NewVerifier prepares the checks of pai and its PAA.
func NewVerifier(pai *matterext.Certificate, opts Options) (*Verifier, error) {
	v := &Verifier{opts: opts, reg: opts.Lint, pai: pai, release: NewestRelease()}
	if opts.Release != "" {
		r, err := LookupRelease(opts.Release)
		if err != nil {
			return nil, err
		}
		v.release = r
	}
	if v.reg == nil {
		v.reg = defaultFormatRegistry()
	}
	if v.opts.Store == nil {
		s, err := Production()
		if err != nil {
			return nil, err
		}
		v.opts.Store = s
	}
	if !opts.NoCurrentTime {
		v.checkTime, v.at = true, opts.At
		if v.at.IsZero() {
			v.at = time.Now().UTC()
		}
	}
	if opts.Attestation != nil {
		cd, err := v.checkResponse(opts.Attestation)
		if err != nil {
			return nil, err
		}
		if cd != nil {
			v.opts.CD = cd
		}
	}
	if pai == nil {
		v.add(Finding{Check: CheckPAIPresent, Cert: "pai", Step: stepPAIMissing, Code: matterext.PaiMissing,
			Severity: lint.Error, Location: "PAI", Message: "no PAI was given", Citation: citeVerifier + " step 4"})
		return v, nil
	}
	v.lintCert(pai, matterext.RolePAI, lint.Options{Role: matterext.RolePAI})
	vp, err := matterext.ExtractVIDPID(&pai.Subject)
	v.paiVP, v.paiVPOK = vp, err == nil
	v.paiKey, _ = pai.ECDSAPublicKey()
	v.findPAA()
	if v.opts.CD != nil {
		fs, err := checkCD(v.opts.CD, CDOptions{Trust: opts.CDTrust, AllowTestKey: opts.AllowTestCDKey, Device: opts.Device, Lint: v.reg})
		if err != nil {
			return nil, err
		}
		v.findings = append(v.findings, fs...)
	}
	return v, nil
}

// add records a PAI/PAA finding.
func (v *Verifier) add(f Finding) { v.findings = append(v.findings, f) }

// lintCert runs the lint rules on c and files each finding at its SDK step.
func (v *Verifier) lintCert(c *matterext.Certificate, role matterext.Role, opts lint.Options) {
	v.findings = appendLint(v.findings, v.reg, c, role, opts)
}

func appendLint(out []Finding, reg *lint.Registry, c *matterext.Certificate, role matterext.Role, opts lint.Options) []Finding {
	res := reg.Lint(c, opts)
	for i := range res.Findings {
		lf := &res.Findings[i]
		f := Finding{Check: lf.Rule.Name, Cert: role.String(), Code: lf.SDKCode, Severity: lf.Severity(),
			Location: lf.Location, Message: lf.Message, Citation: lf.Rule.Citation, Note: lf.Rule.Note}
		f.Step = lintStep(lf, role)
		if f.Step == stepInformational {
			f.Code = matterext.Success
		}
		out = append(out, f)
	}
	return out
}

// lintStep places a lint finding in the SDK's order, from the rule's
// metadata: its SDK check, and for a PAA what the verifier reads of it.
func lintStep(f *lint.Finding, role matterext.Role) int {
	if f.SDKCode == matterext.Success {
		return stepInformational
	}
	if role == matterext.RolePAA {
		// The verifier does not format-check the PAA; it only extracts its
		// VID/PID, refuses a PID, reads its SKID and validates the chain.
		switch f.Rule.PAA {
		case lint.PAAVIDPID:
			return stepPAAExtract
		case lint.PAAProductID:
			return stepPAAProductID
		case lint.PAASKID:
			return stepPAASKID
		}
		if f.Rule.SDK == lint.SDKChain {
			return stepChain
		}
		return stepInformational
	}
	dac := role == matterext.RoleDAC
	switch f.Rule.SDK {
	case lint.SDKFormat:
		return pick(dac, stepDACFormat, stepPAIFormat)
	case lint.SDKVIDPID:
		return pick(dac, stepDACExtract, stepPAIExtract)
	case lint.SDKVendorID:
		return stepVendorID
	case lint.SDKProductID:
		return stepProductID
	case lint.SDKDacExpired:
		return stepDACExpired
	case lint.SDKChain:
		return stepChain
	}
	return stepInformational
}

func pick(c bool, a, b int) int {
	if c {
		return a
	}
	return b
}

// findPAA looks the PAA up by the PAI's AKID and runs the PAA-only checks.
func (v *Verifier) findPAA() {
	pai := v.pai
	ak := pai.AuthorityKeyID
	if ak == nil || !ak.HasKeyID || len(ak.KeyID) != 20 {
		return // reported by the PAI format rules (step 14 has the same code)
	}
	if v.opts.Production {
		for _, t := range testPAASKIDs {
			if bytes.Equal(t, ak.KeyID) {
				v.add(Finding{Check: CheckPAINotTest, Cert: "pai", Step: stepPAALookup, Code: matterext.PaaNotFound, Severity: lint.Error,
					Location: "tbsCertificate.extensions[authorityKeyIdentifier]",
					Message:  "the PAI is issued by an SDK test PAA (SKID " + matterext.HexColon(t) + "); production commissioners do not trust it",
					Citation: "TC_DA_1_7 (test PAA denylist); matter-pki-rules.md §4.4"})
			}
		}
	}
	a := v.opts.Store.Lookup(ak.KeyID)
	if a == nil {
		v.add(Finding{Check: CheckPAAFound, Cert: "paa", Step: stepPAALookup, Code: matterext.PaaNotFound, Severity: lint.Error,
			Location: "PAI tbsCertificate.extensions[authorityKeyIdentifier]",
			Message:  v.notFoundMessage(ak.KeyID), Citation: citeVerifier + " step 15; AttestationTrustStore::GetProductAttestationAuthorityCert"})
		return
	}
	v.paa = a
	paa := a.Cert
	v.findings = appendLint(v.findings, v.reg, paa, matterext.RolePAA, lint.Options{Role: matterext.RolePAA})
	if pvp, err := matterext.ExtractVIDPID(&paa.Subject); err == nil && pvp.HasVID() && v.paiVPOK && v.paiVP.HasVID() && pvp.VID != v.paiVP.VID {
		v.add(Finding{Check: CheckPAIVendorID, Cert: "pai", Step: stepPAAVendorID, Code: matterext.PaiVendorIDMismatch, Severity: lint.Error,
			Location: "PAI tbsCertificate.subject[matter-att-vid]",
			Message:  fmt.Sprintf("PAI VID %s differs from the VID-scoped PAA's VID %s", matterext.FormatID(v.paiVP.VID), matterext.FormatID(pvp.VID)),
			Citation: citeVerifier + " step 17"})
	}
	// The PAI-PAA link of ValidateCertificateChain (step 20). The PAA was
	// found by AKID = SKID, so only the names and the signature are left.
	if !matterext.Relate(pai, paa).Names {
		v.add(chainFinding(CheckPAIIssuerName, "pai", "tbsCertificate.issuer",
			fmt.Sprintf("PAI issuer %q is not byte-for-byte the PAA subject %q", pai.Issuer.String(), paa.Subject.String())))
	}
	switch err := pai.CheckSignatureFrom(paa); {
	case errors.Is(err, matterext.ErrUnsupportedKey):
		v.add(chainFinding(CheckPAISignature, "pai", "signatureValue", "the PAA's public key cannot verify signatures: "+err.Error()))
	case err != nil:
		v.add(chainFinding(CheckPAISignature, "pai", "signatureValue", "PAI signature does not verify under the PAA key: "+err.Error()))
	}
	bc := paa.BasicConstraints
	switch {
	case bc == nil || bc.Err != nil || !bc.CA:
		v.add(chainFinding(CheckPAAIsCA, "paa", "tbsCertificate.extensions[basicConstraints]", "the PAA is not a CA (basicConstraints cA TRUE missing)"))
	case bc.PathLen.Present:
		if n, ok := bc.PathLen.Int64(); !ok || n < 1 {
			f := chainFinding(CheckPathLength, "paa", "tbsCertificate.extensions[basicConstraints].pathLenConstraint",
				fmt.Sprintf("the PAA's pathLenConstraint %s allows no intermediate, but the chain has a PAI", bc.PathLen))
			if ok && n == 0 {
				// SDK 1.2 and later drop such a PAA from the trust store (PR #27207).
				f.release = relPAAPathLen
				f.Message += "; from SDK 1.2 the PAA format check rejects pathLenConstraint 0, so a file trust store drops this PAA (kPaaNotFound)"
			}
			v.add(f)
		}
	}
	if ku := paa.KeyUsage; ku != nil && ku.Err == nil && ku.Bits&matterext.KUKeyCertSign == 0 {
		v.add(chainFinding(CheckPAAIsCA, "paa", "tbsCertificate.extensions[keyUsage]", "the PAA's keyUsage lacks keyCertSign"))
	}
}

func (v *Verifier) notFoundMessage(akid []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "no PAA with SKID %s (the PAI's AKID) in the %s (%d PAAs)", matterext.HexColon(akid), v.opts.Store.Name, len(v.opts.Store.Anchors()))
	sameSubject, sameVID := v.opts.Store.Closest(v.pai)
	describe := func(label string, as []*Anchor) {
		for i, a := range as {
			if i == 3 {
				fmt.Fprintf(&b, "; and %d more", len(as)-3)
				break
			}
			fmt.Fprintf(&b, "; %s: %q SKID %s (%s)", label, a.Cert.Subject.String(), matterext.HexColon(a.Cert.SubjectKeyID.ID), a.Source)
		}
	}
	describe("same subject as the PAI's issuer", sameSubject)
	describe("same VID", sameVID)
	for _, s := range v.opts.Store.Skipped {
		if s.Cert != nil && s.Cert.SubjectKeyID != nil && bytes.Equal(s.Cert.SubjectKeyID.ID, akid) {
			fmt.Fprintf(&b, "; %s has that SKID but was not loaded: %v", s.Source, s.Err)
		}
	}
	if len(sameSubject)+len(sameVID) == 0 {
		fmt.Fprintf(&b, "; no PAA has the PAI's issuer name %q or its VID", v.pai.Issuer.String())
	}
	return b.String()
}

func chainFinding(check, cert, loc, msg string) Finding {
	return Finding{Check: check, Cert: cert, Step: stepChain, Code: matterext.DacSignatureInvalid, Severity: lint.Error,
		Location: loc, Message: msg, Citation: citeVerifier + " step 20 (ValidateCertificateChain → kDacSignatureInvalid); TC_DA_1_7"}
}

// Verify verifies dac under the Verifier's PAI and PAA.
func (v *Verifier) Verify(dac *matterext.Certificate) *Result {
	res := &Result{PAA: v.paa, Elements: v.elements, Release: v.release}
	if dac == nil {
		// The SDK's first check: an empty DAC is kInvalidArgument (step 1).
		res.Findings = []Finding{{Check: CheckDACPresent, Cert: "dac", Step: stepArguments, Code: matterext.InvalidArgument,
			Severity: lint.Error, Location: "DAC", Message: "no DAC was given", Citation: citeVerifier + " step 1"}}
		res.Code = matterext.InvalidArgument
		res.Releases = []ReleaseVerdict{{From: releases[0].Name, To: NewestRelease().Name, Code: res.Code}}
		return res
	}
	fs := make([]Finding, len(v.findings), len(v.findings)+8)
	copy(fs, v.findings)
	lo := lint.Options{Role: matterext.RoleDAC}
	if v.checkTime {
		lo.At, res.At = v.at, v.at
	}
	fs = appendLint(fs, v.reg, dac, matterext.RoleDAC, lo)
	fs = v.relate(fs, dac)
	if v.opts.Attestation != nil {
		if f := responseSignature(v.opts.Attestation, dac); f != nil {
			fs = append(fs, *f)
		}
	}
	if v.opts.Revocation != nil {
		fs = append(fs, revocationFindings(dac, v.pai, v.opts.Revocation)...)
	}
	if crashes(v.release, dac, v.pai) {
		fs = append(fs, Finding{Check: CheckSDKCrash, Cert: "chain", Step: stepInformational, Severity: lint.Warn,
			Location: "tbsCertificate.extensions", Citation: "Matter SDK src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (fixed by PR #40566)",
			Message: "OpenSSL-based commissioners of SDK " + v.release.Name + " (chip-tool, the Python controller, Darwin) crash on this chain: a SKID or AKID extension that does not decode is dereferenced as NULL; mbedTLS-based ones report the code shown"})
	}
	res.Releases = releaseVerdicts(fs, dac, v.pai)
	res.Findings, res.Code = evaluate(fs, v.release)
	return res
}

// relate adds the DAC-PAI-PAA checks.
func (v *Verifier) relate(fs []Finding, dac *matterext.Certificate) []Finding {
	dvp, derr := matterext.ExtractVIDPID(&dac.Subject)
	if v.pai != nil && derr == nil && v.paiVPOK {
		if dvp.HasVID() && v.paiVP.HasVID() && dvp.VID != v.paiVP.VID {
			fs = append(fs, Finding{Check: CheckDACVendorID, Cert: "dac", Step: stepVendorID, Code: matterext.DacVendorIDMismatch, Severity: lint.Error,
				Location: "tbsCertificate.subject[matter-att-vid]",
				Message:  fmt.Sprintf("DAC VID %s differs from the PAI VID %s", matterext.FormatID(dvp.VID), matterext.FormatID(v.paiVP.VID)),
				Citation: citeVerifier + " step 9"})
		}
		if dvp.HasPID() && v.paiVP.HasPID() && dvp.PID != v.paiVP.PID {
			fs = append(fs, Finding{Check: CheckDACProductID, Cert: "dac", Step: stepProductID, Code: matterext.DacProductIDMismatch, Severity: lint.Error,
				Location: "tbsCertificate.subject[matter-att-pid]",
				Message:  fmt.Sprintf("DAC PID %s differs from the PAI PID %s", matterext.FormatID(dvp.PID), matterext.FormatID(v.paiVP.PID)),
				Citation: citeVerifier + " step 10"})
		}
	}
	if v.opts.CD != nil {
		fs = append(fs, cdChainFindings(v.opts.CD, dvp, v.paiVP, v.paa)...)
	} else if derr == nil {
		d := v.opts.Device
		if d.HasVID && dvp.HasVID() && dvp.VID != d.VID {
			fs = append(fs, deviceFinding(CheckDeviceVendorID, fmt.Sprintf("DAC VID %s differs from the device's VID %s; the Certification Declaration must then name the DAC's vendor in dac_origin_vendor_id", matterext.FormatID(dvp.VID), matterext.FormatID(d.VID))))
		}
		if d.HasPID && dvp.HasPID() && dvp.PID != d.PID {
			fs = append(fs, deviceFinding(CheckDeviceProductID, fmt.Sprintf("DAC PID %s differs from the device's PID %s; the Certification Declaration must list both", matterext.FormatID(dvp.PID), matterext.FormatID(d.PID))))
		}
	}
	if v.pai == nil {
		return fs
	}
	pai := v.pai
	// A missing AKID or SKID is the format rules' finding (step 6-7); the
	// chain fails on names and on key identifiers that differ.
	rel := matterext.Relate(dac, pai)
	if !rel.Names {
		fs = append(fs, chainFinding(CheckDACIssuerName, "dac", "tbsCertificate.issuer",
			fmt.Sprintf("DAC issuer %q is not byte-for-byte the PAI subject %q", dac.Issuer.String(), pai.Subject.String())))
	}
	if rel.KeyID == matterext.KeyIDMismatch {
		fs = append(fs, chainFinding(CheckDACAuthorityKeyID, "dac", "tbsCertificate.extensions[authorityKeyIdentifier]",
			fmt.Sprintf("DAC AKID %s is not the PAI SKID %s", matterext.HexColon(dac.AuthorityKeyID.KeyID), matterext.HexColon(pai.SubjectKeyID.ID))))
	}
	if v.paiKey != nil {
		if err := dac.CheckSignatureFunc(v.paiSig.verifier(v.paiKey)); err != nil {
			fs = append(fs, chainFinding(CheckDACSignature, "dac", "signatureValue", "DAC signature does not verify under the PAI key: "+err.Error()))
		}
	}
	nb := dac.NotBefore
	if nb.Present && nb.Err == nil {
		issued := nb.T.Format(time.RFC3339)
		if !pai.ValidAtIssuance(nb.T) {
			fs = append(fs, chainFinding(CheckPAIValidity, "pai", "tbsCertificate.validity",
				fmt.Sprintf("the PAI (valid %s) was not valid when the DAC was issued (%s)", validityString(pai), issued)))
		}
		if v.paa != nil && !v.paa.Cert.ValidAtIssuance(nb.T) {
			p := v.paa.Cert
			fs = append(fs, chainFinding(CheckPAAValidity, "paa", "tbsCertificate.validity",
				fmt.Sprintf("the PAA (valid %s) was not valid when the DAC was issued (%s)", validityString(p), issued)))
		}
	}
	return fs
}

func deviceFinding(check, msg string) Finding {
	return Finding{Check: check, Cert: "device", Step: stepDevice, Code: matterext.Success, Severity: lint.Warn,
		Location: "tbsCertificate.subject", Message: msg,
		Citation: "DefaultDACVerifier::ValidateCertificateDeclarationPayload (checked against the CD: 604/605); matter-pki-rules.md §5.4"}
}

const citeVerifier = "Matter SDK DefaultDACVerifier::VerifyAttestationInformation; matter-pki-rules.md §4.1"

func validityString(c *matterext.Certificate) string {
	f := func(t matterext.Time) string {
		if t.Err != nil || !t.Present {
			return "(invalid)"
		}
		return t.T.Format(time.RFC3339)
	}
	return f(c.NotBefore) + " .. " + f(c.NotAfter)
}

// sortFindings orders failures by SDK step, then informational findings.
func sortFindings(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		fi, fj := fs[i].Failure(), fs[j].Failure()
		if fi != fj {
			return fi
		}
		return fs[i].Step < fs[j].Step
	})
	return fs
}

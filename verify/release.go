package verify

import (
	"errors"
	"fmt"
	"strings"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Release is a Matter SDK release whose commissioner-side attestation
// semantics this package models. Releases differ in a few decisions
// (ReleaseDifferences); everything else is the same in all of them.
type Release struct {
	// Name is the short name used on the command line ("1.2", "1.4.2").
	Name string
	// Tag is the upstream release tag.
	Tag string
	// Commit is the upstream commit whose source was read for the release
	// (docs/research/sdk-releases.md says how it was identified) and Date
	// its commit date.
	Commit, Date string
	index        int
}

// releases lists the modelled releases, oldest first.
var releases = []Release{
	{Name: "1.0", Tag: "v1.0.0.2", Commit: "4088a77f557e8571a39338fad51a1d8eb0131d79", Date: "2022-12-21"},
	{Name: "1.1", Tag: "v1.1.0.1", Commit: "8f66f4215bc0708efc8cc73bda80620e67d8955f", Date: "2023-05-02"},
	{Name: "1.2", Tag: "v1.2.0.1", Commit: "181b0cb14ff007ec912f2ba6627e05dfb066c008", Date: "2023-10-28"},
	{Name: "1.3", Tag: "v1.3.0.0", Commit: "07e309815eb07e17156748d4a0407237f3f81ac2", Date: "2024-05-08"},
	{Name: "1.4", Tag: "v1.4.0.0", Commit: "78f489d7d5cb5f8c48120d8a18e14efb8fe01d11", Date: "2024-10-04"},
	{Name: "1.4.2", Tag: "v1.4.2.0", Commit: "06523c22640ceb8b89f9a11ff2325a4481a178a3", Date: "2025-06-27"},
	{Name: "1.5", Tag: "v1.5.1.0", Commit: "bf45da8a28b80b52349169c912a27ac24bdf03fa", Date: "2025-11-07"},
	{Name: "1.6", Tag: "v1.6.0.0", Commit: "badaac1eae0df6902c1d009981c0e0d18845aeea", Date: "2026-07-25"},
}

func init() {
	for i := range releases {
		releases[i].index = i
	}
}

// ErrUnknownRelease: the named SDK release is not modelled.
var ErrUnknownRelease = errors.New("unknown SDK release")

// Releases returns the modelled releases, oldest first.
func Releases() []Release { return append([]Release(nil), releases...) }

// NewestRelease returns the newest modelled release, the default.
func NewestRelease() Release { return releases[len(releases)-1] }

// LookupRelease finds a release by name ("1.2"), tag ("v1.2.0.1") or a
// prefix of the name with the "v" dropped ("1.2.0.1").
func LookupRelease(name string) (Release, error) {
	n := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "v")
	for _, r := range releases {
		if n == r.Name || n == strings.TrimPrefix(r.Tag, "v") {
			return r, nil
		}
	}
	names := make([]string, len(releases))
	for i, r := range releases {
		names[i] = r.Name
	}
	return Release{}, fmt.Errorf("%w %q (modelled: %s)", ErrUnknownRelease, name, strings.Join(names, ", "))
}

func (r Release) atLeast(name string) bool {
	o, _ := LookupRelease(name)
	return r.index >= o.index
}

// Number is the numeric value release r gives to an
// AttestationVerificationResult. PR #39419 (2025-06-13, SDK 1.4.2)
// renumbered three: kInvalidArgument 800 → 701, kInternalError 900 → 702,
// kNotImplemented 0xFFFF → 703.
func (r Release) Number(c matterext.ResultCode) int {
	if r.atLeast("1.4.2") {
		switch c {
		case matterext.InvalidArgument:
			return 701
		case matterext.InternalError:
			return 702
		case matterext.NotImplemented:
			return 703
		}
	}
	return int(c)
}

// ReleaseDifference is one commissioner decision that changed between
// modelled releases.
type ReleaseDifference struct {
	// Since is the first release with the new behaviour.
	Since string
	// Before and After describe the behaviour up to and from Since.
	Before, After string
	// Source is the SDK file and function, Change the commit and PR.
	Source, Change string
}

// ReleaseDifferences lists what changed between the modelled releases
// (docs/research/sdk-releases.md has the evidence).
func ReleaseDifferences() []ReleaseDifference {
	return []ReleaseDifference{
		{"1.2", "a CD with format_version other than 1, or a reserved certification_type (3-255), is accepted",
			"kAttestationElementsMalformed (501)",
			"src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp: DefaultDACVerifier::ValidateCertificateDeclarationPayload",
			"1041eaaeec, PR #28789 (2023-08-22)"},
		{"1.2", "a PAA with pathLenConstraint 0 passes the PAA format check (the chain then fails: 301)",
			"a PAA with pathLenConstraint 0 fails the PAA format check; FileAttestationTrustStore drops it, so its devices get kPaaNotFound (101)",
			"src/crypto/CHIPCryptoPALOpenSSL.cpp, CHIPCryptoPALmbedTLSCert.cpp: VerifyAttestationCertificateFormat(kPAA); src/credentials/attestation_verifier/FileAttestationTrustStore.cpp",
			"6717172ad4, PR #27207 (2023-06-14)"},
		{"1.4", "no revocation check",
			"after attestation, a revocation delegate (when the commissioner installs one) reports kDacRevoked (302), kPaiRevoked (202) or kPaiAndDacRevoked (208)",
			"src/credentials/attestation_verifier/DeviceAttestationVerifier.h: DeviceAttestationRevocationDelegate; TestDACRevocationDelegateImpl::CheckForRevokedDACChain",
			"be9389ced2, PR #31222 (2024-05-09); 34662eaead, PR #33651 (2024-07-29)"},
		{"1.4.2", "kInvalidArgument is 800, kInternalError 900, kNotImplemented 0xFFFF",
			"kInvalidArgument is 701, kInternalError 702, kNotImplemented 703 (same conditions, new numbers)",
			"src/credentials/attestation_verifier/DeviceAttestationVerifier.h: AttestationVerificationResult",
			"0049df146c, PR #39419 (2025-06-13)"},
		{"1.5", "OpenSSL-based commissioners (chip-tool, the Python controller, Darwin) crash (NULL dereference) on a PAI or DAC whose SKID or AKID extension does not decode",
			"kPaiFormatInvalid (203) / kDacFormatInvalid (303); mbedTLS builds gave these codes in every release",
			"src/crypto/CHIPCryptoPALOpenSSL.cpp: VerifyAttestationCertificateFormat",
			"26a37a29d2, PR #40566 (2025-08-13); backported to the v1.4.2 branch as 7442cdd67b, PR #40577 (2025-08-14)"},
		{"1.6", "a CD signed with the SDK test key is accepted whatever its certification_type (when test keys are enabled, the default)",
			"a test-key CD whose certification_type is not development (0) or provisional (1) gets kCertificationDeclarationNoCertificateFound (601), at the signature step, before the payload checks",
			"src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp: DefaultDACVerifier::ValidateCertificationDeclarationSignature",
			"14082377c5, PR #42464 (2026-01-08)"},
	}
}

// Release-dependent finding kinds.
const (
	relAll        = iota
	relCDElements // failure from 1.2
	relTestKey    // failure from 1.6
	relRevocation // failure from 1.4
	relPAAPathLen // 301 before 1.2, 101 from 1.2
)

// appliesIn reports whether finding f is a failure in release r, with the
// code and step r gives it.
func (f *Finding) inRelease(r Release) (code matterext.ResultCode, step int, fails bool) {
	code, step = f.Code, f.Step
	if code == matterext.Success {
		return code, step, false
	}
	switch f.release {
	case relCDElements:
		if !r.atLeast("1.2") {
			return matterext.Success, stepInformational, false
		}
	case relTestKey:
		if !r.atLeast("1.6") {
			return matterext.Success, stepInformational, false
		}
	case relRevocation:
		if !r.atLeast("1.4") {
			return matterext.Success, stepInformational, false
		}
	case relPAAPathLen:
		if r.atLeast("1.2") {
			return matterext.PaaNotFound, stepPAALookup, true
		}
	}
	return code, step, true
}

// ReleaseVerdict is the outcome of a chain for a run of consecutive
// releases that decide it alike.
type ReleaseVerdict struct {
	// From and To name the first and last release of the run.
	From, To string
	// Code is the result those releases return.
	Code matterext.ResultCode
	// Crash is true when OpenSSL-based commissioners of those releases
	// crash on the input instead of returning Code.
	Crash bool
}

// Pass reports whether the releases accept the chain.
func (v ReleaseVerdict) Pass() bool { return v.Code == matterext.Success && !v.Crash }

// String says what the releases do, e.g. "SDK 1.2-1.5: fail
// kAttestationElementsMalformed (501)".
func (v ReleaseVerdict) String() string {
	span := "SDK " + v.From
	if v.To != v.From {
		span += "-" + v.To
	}
	to, _ := LookupRelease(v.To)
	switch {
	case v.Crash:
		return fmt.Sprintf("%s: OpenSSL-based commissioners crash; mbedTLS-based ones fail %v (%d)", span, v.Code, to.Number(v.Code))
	case v.Code == matterext.Success:
		return span + ": pass"
	}
	return fmt.Sprintf("%s: fail %v (%d)", span, v.Code, to.Number(v.Code))
}

// evaluate returns fs as release r decides it: codes and steps adjusted,
// failures first in SDK order, and the primary code.
func evaluate(fs []Finding, r Release) ([]Finding, matterext.ResultCode) {
	out := make([]Finding, len(fs))
	for i := range fs {
		f := fs[i]
		code, step, fails := f.inRelease(r)
		if !fails && f.Code != matterext.Success {
			f.Note = strings.TrimSpace(f.Note + " " + "SDK " + r.Name + " commissioners do not fail on this (" + releaseNote(f.release) + ").")
			f.Severity = lint.Warn
		}
		f.Code, f.Step = code, step
		out[i] = f
	}
	out = sortFindings(out)
	if len(out) > 0 && out[0].Failure() {
		return out, out[0].Code
	}
	return out, matterext.Success
}

func releaseNote(kind int) string {
	switch kind {
	case relCDElements:
		return "SDK 1.2 and later reject it, PR #28789"
	case relTestKey:
		return "SDK 1.6 and later reject it, PR #42464"
	case relRevocation:
		return "revocation checks exist from SDK 1.4, PR #31222"
	}
	return ""
}

// crashes reports whether OpenSSL-based commissioners of release r crash on
// the chain (opensslNullKeyID); PR #40566 (1.5) added the NULL checks.
func crashes(r Release, certs ...*matterext.Certificate) bool {
	if r.atLeast("1.5") {
		return false
	}
	for _, c := range certs {
		if c != nil && opensslNullKeyID(c) {
			return true
		}
	}
	return false
}

// releaseVerdicts groups the modelled releases by how they decide fs.
func releaseVerdicts(fs []Finding, certs ...*matterext.Certificate) []ReleaseVerdict {
	uniform := !crashes(releases[0], certs...)
	for i := range fs {
		uniform = uniform && (fs[i].release == relAll || fs[i].Code == matterext.Success)
	}
	if uniform {
		// Every release decides alike; only the code's number may differ.
		_, code := evaluate(fs, releases[0])
		if releases[0].Number(code) == NewestRelease().Number(code) {
			return []ReleaseVerdict{{From: releases[0].Name, To: NewestRelease().Name, Code: code}}
		}
	}
	var out []ReleaseVerdict
	for _, r := range releases {
		_, code := evaluate(fs, r)
		v := ReleaseVerdict{From: r.Name, To: r.Name, Code: code, Crash: crashes(r, certs...)}
		if n := len(out); n > 0 && out[n-1].Code == v.Code && out[n-1].Crash == v.Crash && releases[r.index-1].Number(code) == r.Number(code) {
			out[n-1].To = r.Name
			continue
		}
		out = append(out, v)
	}
	return out
}

package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/matterlint/matterlint/attestlog"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

// attestationFlags are verify's attestation-response flags.
type attestationFlags struct {
	elements, signature, challenge, nonce, response *string
}

func addAttestationFlags(fs *pflag.FlagSet) attestationFlags {
	return attestationFlags{
		elements:  fs.String("attestation-elements", "", "the AttestationResponse's attestation_elements (binary, hex or base64 file)"),
		signature: fs.String("attestation-signature", "", "the AttestationResponse's attestation_signature: raw 64-byte r‖s (binary, hex or base64 file)"),
		challenge: fs.String("attestation-challenge", "", "the secure session's attestation challenge (hex, 16 bytes); without it the signature is not checked"),
		nonce:     fs.String("nonce", "", "the attestation nonce the commissioner sent (hex, 32 bytes); without it the nonce is not checked"),
		response:  fs.String("attestation-response", "", "an AttestationResponse as chip-tool or the Python controller logs it (JSON or text); --attestation-* flags override its fields"),
	}
}

func (af attestationFlags) given() bool {
	return *af.elements != "" || *af.signature != "" || *af.challenge != "" || *af.nonce != "" || *af.response != ""
}

// load builds the attestation response from the flags; nil with an exit code
// on error.
func (af attestationFlags) load(stderr io.Writer) (*verify.AttestationResponse, int) {
	fail := func(code int, format string, a ...any) (*verify.AttestationResponse, int) {
		fmt.Fprintf(stderr, "matterlint verify: "+format+"\n", a...)
		return nil, code
	}
	r := &verify.AttestationResponse{}
	if p := *af.response; p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return fail(exitUsage, "--attestation-response: %v", err)
		}
		lr, err := attestlog.Parse(b)
		if err != nil {
			return fail(exitNotCertificate, "--attestation-response %s: %v", p, err)
		}
		r.Elements, r.Signature, r.Challenge, r.Nonce = lr.Elements, lr.Signature, lr.Challenge, lr.Nonce
	}
	for _, f := range []struct {
		flag, path string
		dst        *[]byte
	}{{"--attestation-elements", *af.elements, &r.Elements}, {"--attestation-signature", *af.signature, &r.Signature}} {
		if f.path == "" {
			continue
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return fail(exitUsage, "%s: %v", f.flag, err)
		}
		if *f.dst, _, err = attestlog.Blob(b); err != nil {
			return fail(exitNotCertificate, "%s %s: %v", f.flag, f.path, err)
		}
	}
	for _, f := range []struct {
		flag, value string
		dst         *[]byte
	}{{"--attestation-challenge", *af.challenge, &r.Challenge}, {"--nonce", *af.nonce, &r.Nonce}} {
		if f.value == "" {
			continue
		}
		b, err := attestlog.Hex(f.value)
		if err != nil {
			return fail(exitUsage, "%s %q: %v", f.flag, f.value, err)
		}
		*f.dst = b
	}
	var missing []string
	for _, m := range []struct {
		name string
		b    []byte
	}{{"--attestation-elements", r.Elements}, {"--attestation-signature", r.Signature}} {
		if m.b == nil {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return fail(exitUsage, "checking an attestation response needs %s (given neither as a flag nor in --attestation-response)", strings.Join(missing, ", "))
	}
	return r, exitOK
}

// elementsJSON is the decoded attestation elements in verify's JSON output.
type elementsJSON struct {
	Length              int              `json:"length"`
	CD                  string           `json:"certification_declaration,omitempty"`
	CDLength            int              `json:"certification_declaration_length"`
	Nonce               string           `json:"attestation_nonce,omitempty"`
	Timestamp           *uint32          `json:"timestamp,omitempty"`
	FirmwareInformation string           `json:"firmware_information,omitempty"`
	VendorReserved      []vendorResvJSON `json:"vendor_reserved"`
	Errors              []string         `json:"errors"`
}

type vendorResvJSON struct {
	VendorID      string `json:"vendor_id"`
	ProfileNumber int    `json:"profile_number"`
	TagNumber     uint32 `json:"tag_number"`
	Data          string `json:"data"`
}

func toElementsJSON(a *matterext.AttestationElements) *elementsJSON {
	if a == nil {
		return nil
	}
	j := &elementsJSON{Length: len(a.Raw), CDLength: len(a.CertificationDeclaration), VendorReserved: []vendorResvJSON{}, Errors: []string{}}
	if a.HasCD {
		j.CD = fmt.Sprintf("%X", a.CertificationDeclaration)
	}
	if a.HasNonce {
		j.Nonce = fmt.Sprintf("%X", a.Nonce)
	}
	if a.HasTimestamp {
		ts := a.Timestamp
		j.Timestamp = &ts
	}
	if a.HasFirmwareInformation {
		j.FirmwareInformation = fmt.Sprintf("%X", a.FirmwareInformation)
	}
	for _, v := range a.VendorReserved {
		j.VendorReserved = append(j.VendorReserved, vendorResvJSON{VendorID: matterext.FormatID(v.VendorID), ProfileNumber: int(v.ProfileNumber), TagNumber: v.TagNumber, Data: fmt.Sprintf("%X", v.Data)})
	}
	for _, e := range a.Errors {
		j.Errors = append(j.Errors, e.Error())
	}
	return j
}

// writeElementsText shows the decoded attestation elements.
func writeElementsText(w io.Writer, a *matterext.AttestationElements) {
	if a == nil {
		return
	}
	fmt.Fprintf(w, "  attestation elements (%d bytes):\n", len(a.Raw))
	if a.HasCD {
		fmt.Fprintf(w, "    certification_declaration: %d bytes\n", len(a.CertificationDeclaration))
	}
	if a.HasNonce {
		fmt.Fprintf(w, "    attestation_nonce:         %X\n", a.Nonce)
	}
	if a.HasTimestamp {
		fmt.Fprintf(w, "    timestamp:                 %d\n", a.Timestamp)
	}
	if a.HasFirmwareInformation {
		fmt.Fprintf(w, "    firmware_information:      %X\n", a.FirmwareInformation)
	}
	for _, v := range a.VendorReserved {
		fmt.Fprintf(w, "    vendor-reserved (vendor %s, profile %d, tag %d): %X\n", matterext.FormatID(v.VendorID), v.ProfileNumber, v.TagNumber, v.Data)
	}
	for _, e := range a.Errors {
		fmt.Fprintf(w, "    does not decode: %v\n", e)
	}
}

// releaseJSON is one run of SDK releases that decide a chain alike.
type releaseJSON struct {
	From        string `json:"from"`
	To          string `json:"to"`
	Verdict     string `json:"verdict"`
	SDKCode     int    `json:"sdk_code"`
	SDKCodeName string `json:"sdk_code_name"`
	Crash       bool   `json:"crash,omitempty"`
	Summary     string `json:"summary"`
}

// releasesJSON lists the release verdicts when they differ; nil when every
// modelled release decides alike.
func releasesJSON(rs []verify.ReleaseVerdict) []releaseJSON {
	if len(rs) < 2 {
		return nil
	}
	var out []releaseJSON
	for _, r := range rs {
		to, _ := verify.LookupRelease(r.To)
		j := releaseJSON{From: r.From, To: r.To, Verdict: "pass", SDKCode: to.Number(r.Code), SDKCodeName: r.Code.String(), Crash: r.Crash, Summary: r.String()}
		switch {
		case r.Crash:
			j.Verdict = "crash"
		case !r.Pass():
			j.Verdict = "fail"
		}
		out = append(out, j)
	}
	return out
}

func releaseNames() string {
	var names []string
	for _, r := range verify.Releases() {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

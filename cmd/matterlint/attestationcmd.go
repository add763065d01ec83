package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/matterlint/matterlint/attestlog"
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

func releaseNames() string {
	var names []string
	for _, r := range verify.Releases() {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

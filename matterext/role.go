package matterext

import (
	"errors"
	"strings"
)

// Role is the place of a certificate in the attestation PKI. Roles are
// certificate roles only; what kind of object something is (certificate,
// CD, CRL, revocation point) is a separate matter (lint.Kind).
type Role uint8

const (
	RoleUnknown   Role = 0
	RolePAA       Role = 1 << iota >> 1 // Product Attestation Authority (root)
	RolePAI                             // Product Attestation Intermediate
	RoleDAC                             // Device Attestation Certificate
	RoleCRLSigner                       // delegated CRL signer (Matter 1.3+)
)

var roleNames = []struct {
	r    Role
	name string
}{{RolePAA, "paa"}, {RolePAI, "pai"}, {RoleDAC, "dac"}, {RoleCRLSigner, "crl-signer"}}

// String returns the lower-case name: "paa", "pai", "dac", "crl-signer", or
// several joined by "," for a set of roles.
func (r Role) String() string {
	if r == RoleUnknown {
		return "unknown"
	}
	var parts []string
	for _, n := range roleNames {
		if r&n.r != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(parts, ",")
}

// Roles lists the single roles in r.
func (r Role) Roles() []Role {
	var out []Role
	for _, n := range roleNames {
		if r&n.r != 0 {
			out = append(out, n.r)
		}
	}
	return out
}

// ErrUnknownRole is returned by ParseRole for a name it does not know.
var ErrUnknownRole = errors.New("unknown role (want paa, pai, dac or crl-signer)")

// ParseRole parses a role name as printed by Role.String.
func ParseRole(s string) (Role, error) {
	for _, n := range roleNames {
		if strings.EqualFold(s, n.name) {
			return n.r, nil
		}
	}
	return RoleUnknown, ErrUnknownRole
}

// DetectRole infers the role of c from its content. Broken certificates are
// the reason a linter runs, so it weighs several signals rather than trusting
// basicConstraints alone:
//
//   - for a CA: cA TRUE (+2), pathLenConstraint present (+1), keyUsage
//     keyCertSign (+2);
//   - for a leaf: basicConstraints present with cA FALSE (+2), keyUsage
//     digitalSignature (+1), keyUsage present without keyCertSign (+1).
//
// A CA (strictly more CA evidence) whose issuer equals its subject is a PAA,
// any other CA a PAI. A leaf with cRLSign, without keyCertSign and without a
// Matter PID is a delegated CRL signer; any other leaf is a DAC. Callers that
// know the role should say so instead.
func DetectRole(c *Certificate) Role {
	ca, leaf := 0, 0
	if bc := c.BasicConstraints; bc != nil && bc.Err == nil {
		if bc.CA {
			ca += 2
		} else {
			leaf += 2
		}
		if bc.PathLen.Present {
			ca++
		}
	}
	var ku uint16
	hasKU := c.KeyUsage != nil && c.KeyUsage.Err == nil
	if hasKU {
		ku = c.KeyUsage.Bits
		if ku&KUKeyCertSign != 0 {
			ca += 2
		} else {
			leaf++
		}
		if ku&KUDigitalSignature != 0 {
			leaf++
		}
	}
	if ca > leaf {
		if c.SelfIssued() {
			return RolePAA
		}
		return RolePAI
	}
	if hasKU && ku&KUCRLSign != 0 && ku&KUKeyCertSign == 0 {
		vp, _ := ExtractVIDPID(&c.Subject)
		if !vp.HasPID() {
			return RoleCRLSigner
		}
	}
	return RoleDAC
}

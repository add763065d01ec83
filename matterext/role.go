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
	RoleRCAC                            // Matter operational root CA (NOC PKI; DCL OperationalPKI root)
	RoleICAC                            // Matter operational intermediate CA
	RoleNOC                             // Matter node operational certificate (leaf)
	RoleVVSC                            // VID verification signer certificate (DCL VIDSignerPKI), root or not
)

var roleNames = []struct {
	r    Role
	name string
}{{RolePAA, "paa"}, {RolePAI, "pai"}, {RoleDAC, "dac"}, {RoleCRLSigner, "crl-signer"},
	{RoleRCAC, "rcac"}, {RoleICAC, "icac"}, {RoleNOC, "noc"}, {RoleVVSC, "vvsc"}}

// String returns the lower-case name: "paa", "pai", "dac", "crl-signer",
// "rcac", "icac", "noc", "vvsc", or several joined by "," for a set of roles.
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
var ErrUnknownRole = errors.New("unknown role (want paa, pai, dac, crl-signer, rcac, icac, noc or vvsc)")

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
// Matter PID is a delegated CRL signer; any other leaf is a DAC.
//
// Matter operational certificates say what they are in their subject: a
// subject with matter-rcac-id (1.3.6.1.4.1.37244.1.4) is an RCAC, with
// matter-icac-id (…1.3) an ICAC, with matter-node-id (…1.1) a NOC; one with
// only matter-fabric-id (…1.5) is an RCAC, ICAC or NOC by the CA evidence
// above (a self-issued CA is the RCAC). A VID verification signer carries
// nothing that tells it from a DAC or a CRL signer and is never detected.
// Callers that know the role should say so instead.
func DetectRole(c *Certificate) Role {
	operational := Role(0)
	for _, a := range c.Subject.Attributes {
		switch {
		case a.Type.Equal(OIDMatterRCACID):
			operational = RoleRCAC
		case a.Type.Equal(OIDMatterICACID) && operational != RoleRCAC:
			operational = RoleICAC
		case a.Type.Equal(OIDMatterNodeID) && operational == 0:
			operational = RoleNOC
		case a.Type.Equal(OIDMatterFabricID) && operational == 0:
			operational = roleFabricOnly
		}
	}
	role := detectAttestationRole(c)
	switch operational {
	case 0:
		return role
	case roleFabricOnly:
		switch role {
		case RolePAA:
			return RoleRCAC
		case RolePAI:
			return RoleICAC
		}
		return RoleNOC
	}
	return operational
}

// The Matter operational DN attributes (Matter Core spec §6.5.6.1) that
// DetectRole reads.
var (
	// OIDMatterNodeID is matter-node-id, 1.3.6.1.4.1.37244.1.1.
	OIDMatterNodeID = OID{0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0xA2, 0x7C, 0x01, 0x01}
	// OIDMatterICACID is matter-icac-id, 1.3.6.1.4.1.37244.1.3.
	OIDMatterICACID = OID{0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0xA2, 0x7C, 0x01, 0x03}
	// OIDMatterRCACID is matter-rcac-id, 1.3.6.1.4.1.37244.1.4.
	OIDMatterRCACID = OID{0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0xA2, 0x7C, 0x01, 0x04}
	// OIDMatterFabricID is matter-fabric-id, 1.3.6.1.4.1.37244.1.5.
	OIDMatterFabricID = OID{0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0xA2, 0x7C, 0x01, 0x05}
)

// roleFabricOnly marks, inside DetectRole, a subject whose only Matter
// operational attribute is matter-fabric-id; it is never returned.
const roleFabricOnly Role = 0xFF

// detectAttestationRole is DetectRole for a certificate without Matter
// operational subject attributes.
func detectAttestationRole(c *Certificate) Role {
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

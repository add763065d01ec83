// Package matterext is the Matter device-attestation data model: a tolerant
// DER decoder for X.509 certificates that keeps what a linter needs (raw bytes,
// ASN.1 string tags, every extension in order with its criticality, per-field
// decode errors), the Matter OIDs, VID/PID extraction with the reference SDK's
// semantics, and certificate role detection.
//
// The decoder fails only when the outer structure of a certificate cannot be
// walked at all; every other defect is recorded on the model so that rules in
// package lint can report it.
package matterext

import (
	"bytes"
	"strconv"
	"strings"
)

// OID is an ASN.1 OBJECT IDENTIFIER kept as its DER content octets (the bytes
// after the tag and length). Comparing two OIDs is a byte comparison and costs
// no allocation.
type OID []byte

// Equal reports whether o and other are the same object identifier.
func (o OID) Equal(other OID) bool { return bytes.Equal(o, other) }

// String returns the dotted-decimal form, or "invalid-oid(hex)" when the
// content octets are not a valid encoding.
func (o OID) String() string {
	if len(o) == 0 || o[len(o)-1]&0x80 != 0 {
		return "invalid-oid(" + hexUpper(o) + ")"
	}
	var sb strings.Builder
	var v uint64
	first := true
	for i, b := range o {
		if v == 0 && b == 0x80 {
			return "invalid-oid(" + hexUpper(o) + ")" // non-minimal sub-identifier
		}
		if v > 1<<56 {
			return "invalid-oid(" + hexUpper(o) + ")"
		}
		v = v<<7 | uint64(b&0x7f)
		if b&0x80 != 0 {
			continue
		}
		if first {
			switch {
			case v < 40:
				sb.WriteString("0." + strconv.FormatUint(v, 10))
			case v < 80:
				sb.WriteString("1." + strconv.FormatUint(v-40, 10))
			default:
				sb.WriteString("2." + strconv.FormatUint(v-80, 10))
			}
			first = false
		} else {
			sb.WriteByte('.')
			sb.WriteString(strconv.FormatUint(v, 10))
		}
		v = 0
		_ = i
	}
	return sb.String()
}

// Well-known object identifiers, as DER content octets.
var (
	// OIDMatterVendorID is matter-att-vid, 1.3.6.1.4.1.37244.2.1.
	OIDMatterVendorID = OID{0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0xA2, 0x7C, 0x02, 0x01}
	// OIDMatterProductID is matter-att-pid, 1.3.6.1.4.1.37244.2.2.
	OIDMatterProductID = OID{0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0xA2, 0x7C, 0x02, 0x02}

	OIDECDSAWithSHA256 = OID{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02}
	OIDECDSAWithSHA1   = OID{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x01}
	OIDECPublicKey     = OID{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01}
	OIDCurveP256       = OID{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07}
	OIDCurveSecp256k1  = OID{0x2B, 0x81, 0x04, 0x00, 0x0A}
	OIDMLDSA44         = OID{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x11}
	OIDMLDSA65         = OID{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x12}

	OIDCommonName = OID{0x55, 0x04, 0x03}

	OIDExtSubjectKeyID     = OID{0x55, 0x1D, 0x0E}
	OIDExtKeyUsage         = OID{0x55, 0x1D, 0x0F}
	OIDExtSubjectAltName   = OID{0x55, 0x1D, 0x11}
	OIDExtBasicConstraints = OID{0x55, 0x1D, 0x13}
	OIDExtCRLDistPoints    = OID{0x55, 0x1D, 0x1F}
	OIDExtAuthorityKeyID   = OID{0x55, 0x1D, 0x23}
	OIDExtExtKeyUsage      = OID{0x55, 0x1D, 0x25}
	OIDExtAuthorityInfo    = OID{0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01}

	OIDEKUServerAuth = OID{0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01}
	OIDEKUAny        = OID{0x55, 0x1D, 0x25, 0x00}
)

type oidName struct {
	oid  OID
	name string
}

// oidNames gives short names for the OIDs that appear in findings.
var oidNames = []oidName{
	{OIDMatterVendorID, "matter-att-vid"},
	{OIDMatterProductID, "matter-att-pid"},
	{OIDECDSAWithSHA256, "ecdsa-with-SHA256"},
	{OIDECDSAWithSHA1, "ecdsa-with-SHA1"},
	{OIDECPublicKey, "id-ecPublicKey"},
	{OIDCurveP256, "prime256v1"},
	{OIDCurveSecp256k1, "secp256k1"},
	{OIDMLDSA44, "id-ml-dsa-44"},
	{OIDMLDSA65, "id-ml-dsa-65"},
	{OIDCommonName, "commonName"},
	{OIDExtSubjectKeyID, "subjectKeyIdentifier"},
	{OIDExtKeyUsage, "keyUsage"},
	{OIDExtSubjectAltName, "subjectAltName"},
	{OIDExtBasicConstraints, "basicConstraints"},
	{OIDExtCRLDistPoints, "cRLDistributionPoints"},
	{OIDExtAuthorityKeyID, "authorityKeyIdentifier"},
	{OIDExtExtKeyUsage, "extKeyUsage"},
	{OIDExtAuthorityInfo, "authorityInfoAccess"},
	{OID{0x55, 0x04, 0x06}, "countryName"},
	{OID{0x55, 0x04, 0x0A}, "organizationName"},
	{OID{0x55, 0x04, 0x0B}, "organizationalUnitName"},
	{OID{0x55, 0x04, 0x05}, "serialNumber"},
	{OID{0x55, 0x04, 0x07}, "localityName"},
	{OID{0x55, 0x04, 0x08}, "stateOrProvinceName"},
	{OID{0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01}, "emailAddress"},
}

// Name returns a short human name for well-known OIDs and the dotted form
// otherwise.
func (o OID) Name() string {
	for _, n := range oidNames {
		if n.oid.Equal(o) {
			return n.name
		}
	}
	return o.String()
}

// shortDNNames are the attribute labels used when a Name is rendered.
var shortDNNames = []oidName{ // the attributes of Matter names first
	{OIDCommonName, "CN"},
	{OIDMatterVendorID, "VID"},
	{OIDMatterProductID, "PID"},
	{OID{0x55, 0x04, 0x06}, "C"},
	{OID{0x55, 0x04, 0x0A}, "O"},
	{OID{0x55, 0x04, 0x0B}, "OU"},
	{OID{0x55, 0x04, 0x07}, "L"},
	{OID{0x55, 0x04, 0x08}, "ST"},
}

const hexDigits = "0123456789ABCDEF"

func hexUpper(b []byte) string {
	out := make([]byte, len(b)*2)
	for i, c := range b {
		out[2*i] = hexDigits[c>>4]
		out[2*i+1] = hexDigits[c&0x0f]
	}
	return string(out)
}

// HexColon formats b as uppercase hex bytes separated by colons, the way key
// identifiers are usually shown.
func HexColon(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	out := make([]byte, 0, len(b)*3-1)
	for i, c := range b {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, hexDigits[c>>4], hexDigits[c&0x0f])
	}
	return string(out)
}

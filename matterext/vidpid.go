package matterext

import "bytes"

// Constants of the CN fallback encoding (CHIPCryptoPAL.h).
const (
	VIDPrefixForCN      = "Mvid:"
	PIDPrefixForCN      = "Mpid:"
	MaxCommonNameLength = 64 // kMax_CommonNameAttr_Length: the fallback search reads at most this many bytes
	vidPIDHexLength     = 4
)

// VIDPIDForm says where a VID or PID was found.
type VIDPIDForm uint8

const (
	FormNone       VIDPIDForm = iota // not present
	FormAttribute                    // Matter OID attribute 1.3.6.1.4.1.37244.2.1/.2.2
	FormCommonName                   // legacy Mvid:/Mpid: text in the commonName
)

func (f VIDPIDForm) String() string {
	switch f {
	case FormAttribute:
		return "attribute"
	case FormCommonName:
		return "commonName"
	}
	return "none"
}

// VIDPID is the vendor and product ID carried by a distinguished name.
type VIDPID struct {
	VID     uint16
	VIDForm VIDPIDForm // FormNone when there is no VID
	PID     uint16
	PIDForm VIDPIDForm // FormNone when there is no PID

	// CNVID and CNPID are what the commonName fallback holds, even when it
	// was ignored because Matter OID attributes are present.
	CNVID, CNPID       uint16
	HasCNVID, HasCNPID bool
	// CNPrefixCount counts the Mvid: and Mpid: prefixes in the commonName
	// that was searched (the certification test harness wants each once).
	CNVIDPrefixes, CNPIDPrefixes int
}

// HasVID reports whether a VID was found.
func (v VIDPID) HasVID() bool { return v.VIDForm != FormNone }

// HasPID reports whether a PID was found.
func (v VIDPID) HasPID() bool { return v.PIDForm != FormNone }

// ExtractVIDPID extracts the Matter VID and PID from a subject DN the way the
// reference SDK's ExtractVIDPIDFromX509Cert does (matter-pki-rules.md §3):
//
//   - Matter OID attributes must hold exactly four uppercase hex digits and
//     appear at most once each;
//   - the first commonName that yields a value is searched for Mvid:/Mpid:
//     (within its first 64 bytes); the first occurrence followed by four
//     uppercase hex digits wins, and a prefix that never has valid digits
//     after it is an error;
//   - CN values are used only when neither OID attribute is present.
//
// The error, when not nil, is a *DNError wrapping ErrWrongCertDN; the
// returned VIDPID then holds what was found before the error.
func ExtractVIDPID(n *Name) (VIDPID, error) {
	var r VIDPID
	var oidVID, oidPID bool
	cnDone := false
	for _, a := range n.Attributes {
		switch {
		case a.Type.Equal(OIDMatterVendorID):
			if err := setAttribute(&oidVID, &r.VID, "VID", a.Value); err != nil {
				return r, err
			}
		case a.Type.Equal(OIDMatterProductID):
			if err := setAttribute(&oidPID, &r.PID, "PID", a.Value); err != nil {
				return r, err
			}
		case a.Type.Equal(OIDCommonName) && !cnDone:
			cn := a.Value
			if len(cn) > MaxCommonNameLength {
				cn = cn[:MaxCommonNameLength]
			}
			r.CNVIDPrefixes = bytes.Count(cn, []byte(VIDPrefixForCN))
			r.CNPIDPrefixes = bytes.Count(cn, []byte(PIDPrefixForCN))
			v, found, err := FindIDAfterPrefix(cn, VIDPrefixForCN)
			if err != nil {
				return r, &DNError{Attr: "VID", Form: "commonName", Value: string(a.Value), Msg: err.Error()}
			}
			if found {
				r.CNVID, r.HasCNVID = v, true
			}
			p, pfound, err := FindIDAfterPrefix(cn, PIDPrefixForCN)
			if err != nil {
				return r, &DNError{Attr: "PID", Form: "commonName", Value: string(a.Value), Msg: err.Error()}
			}
			if pfound {
				r.CNPID, r.HasCNPID = p, true
			}
			cnDone = found || pfound
		}
	}
	if oidVID || oidPID {
		if oidVID {
			r.VIDForm = FormAttribute
		}
		if oidPID {
			r.PIDForm = FormAttribute
		}
		return r, nil
	}
	if r.HasCNVID {
		r.VID, r.VIDForm = r.CNVID, FormCommonName
	}
	if r.HasCNPID {
		r.PID, r.PIDForm = r.CNPID, FormCommonName
	}
	return r, nil
}

// setAttribute reads one VID or PID attribute value into *v.
func setAttribute(seen *bool, v *uint16, attr string, value []byte) error {
	if *seen {
		return &DNError{Attr: attr, Form: "attribute", Value: string(value), Msg: "the DN holds more than one " + attr + " attribute"}
	}
	x, ok := parseHex16(value)
	if !ok {
		return &DNError{Attr: attr, Form: "attribute", Value: string(value), Msg: "expected exactly 4 uppercase hex digits"}
	}
	*seen, *v = true, x
	return nil
}

type prefixError string

func (e prefixError) Error() string { return string(e) }

// FindIDAfterPrefix is the SDK's Find16BitUpperCaseHexAfterPrefix: it returns
// the value of the first occurrence of prefix followed by four uppercase hex
// digits. found is false when prefix does not occur; the error is set when it
// occurs but never with four valid digits after it.
func FindIDAfterPrefix(s []byte, prefix string) (uint16, bool, error) {
	seen := false
	rest := s
	for {
		i := bytes.Index(rest, []byte(prefix))
		if i < 0 {
			break
		}
		seen = true
		rest = rest[i+len(prefix):]
		if len(rest) >= vidPIDHexLength {
			if v, ok := parseHex16(rest[:vidPIDHexLength]); ok {
				return v, true, nil
			}
		}
	}
	if seen {
		return 0, false, prefixError(prefix + " is never followed by 4 uppercase hex digits")
	}
	return 0, false, nil
}

// parseHex16 parses exactly four uppercase hex digits.
func parseHex16(b []byte) (uint16, bool) {
	if len(b) != vidPIDHexLength {
		return 0, false
	}
	var v uint16
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uint16(c-'0')
		case c >= 'A' && c <= 'F':
			v = v<<4 | uint16(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// FormatID formats a VID or PID as the four uppercase hex digits Matter uses.
func FormatID(v uint16) string {
	return string([]byte{hexDigits[v>>12], hexDigits[v>>8&0xf], hexDigits[v>>4&0xf], hexDigits[v&0xf]})
}

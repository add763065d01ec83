package matterext

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned by this package wrap one of them, so
// callers can test with errors.Is.
var (
	// ErrNotCertificate means the input cannot be walked as an X.509
	// Certificate SEQUENCE at all.
	ErrNotCertificate = errors.New("not an X.509 certificate")
	// ErrNotCRL means the input cannot be walked as an X.509 CRL.
	ErrNotCRL = errors.New("not an X.509 CRL")
	// ErrNotCMS means the input cannot be walked as a CMS SignedData
	// ContentInfo (a Certification Declaration's envelope).
	ErrNotCMS = errors.New("not a CMS SignedData")
	// ErrMalformed marks a field or extension whose encoding cannot be decoded.
	ErrMalformed = errors.New("malformed encoding")
	// ErrWrongCertDN is the SDK's CHIP_ERROR_WRONG_CERT_DN: a Matter VID/PID
	// in a subject DN is malformed or repeated.
	ErrWrongCertDN = errors.New("malformed Matter VID/PID in distinguished name")
	// ErrTooLarge means an input exceeds a documented size limit.
	ErrTooLarge = errors.New("input exceeds size limit")
)

// ParseError reports why an object's outer structure could not be walked.
// It wraps the sentinel of the object it was read as (ErrNotCertificate,
// ErrNotCRL or ErrNotCMS) and, when the input is over its size limit,
// ErrTooLarge.
type ParseError struct {
	// Object is ErrNotCertificate, ErrNotCRL or ErrNotCMS; nil means
	// ErrNotCertificate.
	Object   error
	Offset   int    // byte offset into the input where decoding stopped
	Path     string // ASN.1 path of the element being read
	Msg      string
	TooLarge bool // the input exceeds the object's size limit
}

func (e *ParseError) object() error {
	if e.Object == nil {
		return ErrNotCertificate
	}
	return e.Object
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%v: %s at offset %d: %s", e.object(), e.Path, e.Offset, e.Msg)
}

// Unwrap returns the object's sentinel, and ErrTooLarge for oversize input.
func (e *ParseError) Unwrap() []error {
	if e.TooLarge {
		return []error{e.object(), ErrTooLarge}
	}
	return []error{e.object()}
}

// FieldError records a field that the tolerant decoder could not decode. The
// rest of the certificate is still available.
type FieldError struct {
	Path string // ASN.1 path, e.g. "tbsCertificate.extensions[keyUsage].extnValue"
	Msg  string
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Msg }

// Unwrap returns ErrMalformed.
func (e *FieldError) Unwrap() error { return ErrMalformed }

// DNError describes a malformed Matter VID/PID in a distinguished name. It
// wraps ErrWrongCertDN.
type DNError struct {
	Attr  string // "VID" or "PID"
	Form  string // "attribute" (Matter OID) or "commonName" (Mvid:/Mpid: fallback)
	Value string // the offending value, as found
	Msg   string
}

func (e *DNError) Error() string {
	return fmt.Sprintf("%s %s %q: %s", e.Attr, e.Form, e.Value, e.Msg)
}

// Unwrap returns ErrWrongCertDN.
func (e *DNError) Unwrap() error { return ErrWrongCertDN }

// Package report is matterlint's one output layer: the result of every
// subcommand (lint, verify, cd, crl, revocation-set) as a Result, and the
// writers that turn a stream of Results into text for people, a JSON
// document, NDJSON, SARIF 2.1.0 or JUnit XML, each with the same Summary.
//
// A Result is one input item: an object that was checked (a certificate, a
// DAC, a CD, a CRL, a revocation point) or an input that gave none (an
// InputError). Every Result given to a Writer appears in every format, in
// the order given. Writers stream: memory does not grow with the batch
// (SARIF keeps at most MaxSARIFResults results before it aggregates).
//
// JSON field names are snake_case; every JSON document and NDJSON line
// carries schema_version (SchemaVersion), and Schema returns the JSON Schema
// of each command's output. Fields are only ever added within a
// schema_version.
package report

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// SchemaVersion is the version of the JSON layout. It changes only when a
// field is removed or changes meaning; new fields may appear.
const SchemaVersion = 1

// ObjectKind is the kind of object a Result is about.
type ObjectKind string

// Object kinds.
const (
	KindCertificate ObjectKind = "certificate"
	KindDAC         ObjectKind = "dac"
	KindCD          ObjectKind = "cd"
	KindCRL         ObjectKind = "crl"
	KindPoint       ObjectKind = "revocation-point"
)

// Noun is how text output names objects of kind k (singular, plural).
func (k ObjectKind) Noun() (string, string) {
	switch k {
	case KindDAC:
		return "DAC", "DACs"
	case KindCD:
		return "Certification Declaration", "Certification Declarations"
	case KindCRL:
		return "CRL", "CRLs"
	case KindPoint:
		return "revocation point", "revocation points"
	}
	return "certificate", "certificates"
}

// ErrorKind classifies an input that gave no object.
type ErrorKind string

// Error kinds. An input of the wrong kind is "not-" and the kind wanted (a
// DAC is a certificate: "not-certificate").
const (
	ErrorIO             ErrorKind = "io"
	ErrorNotCertificate ErrorKind = "not-certificate"
	ErrorNotCD          ErrorKind = "not-cd"
	ErrorNotCRL         ErrorKind = "not-crl"
	ErrorNotPoint       ErrorKind = "not-revocation-point"
)

// NotA is the error kind of an input that is not an object of kind k.
func NotA(k ObjectKind) ErrorKind {
	switch k {
	case KindCD:
		return ErrorNotCD
	case KindCRL:
		return ErrorNotCRL
	case KindPoint:
		return ErrorNotPoint
	}
	return ErrorNotCertificate
}

// ErrInput is matched by errors.Is on every *InputError.
var ErrInput = errors.New("input gave no object")

// InputError is an input item that gave no object: it could not be read
// (ErrorIO) or is not an object of the kind the command reads.
type InputError struct {
	Kind    ErrorKind
	Message string
	// Err is the underlying error (an *input.Error, a matterext parse
	// error), for errors.Is and errors.As.
	Err error
}

// NewInputError describes err on the input named source; its message names
// standard input ("-") as InputName does.
func NewInputError(kind ErrorKind, source string, err error) *InputError {
	msg := err.Error()
	if source == "-" && (strings.HasPrefix(msg, "- ") || strings.HasPrefix(msg, "-:")) {
		msg = InputName(source) + msg[1:]
	}
	return &InputError{Kind: kind, Message: msg, Err: err}
}

func (e *InputError) Error() string { return e.Message }

// Unwrap returns ErrInput and the underlying error.
func (e *InputError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInput}
	}
	return []error{ErrInput, e.Err}
}

// MarshalJSON writes {"kind":…,"message":…}.
func (e *InputError) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Kind    ErrorKind `json:"kind"`
		Message string    `json:"message"`
	}{e.Kind, e.Message})
}

// InputName is how every format names a source: "stdin" for "-", the path
// otherwise.
func InputName(source string) string {
	if source == "-" {
		return "stdin"
	}
	return source
}

// Entry is the view of a Result that the summaries, SARIF and JUnit read:
// the same for every kind of object.
type Entry struct {
	Input string
	Index int
	Kind  ObjectKind
	Err   *InputError
	// Name identifies the object for people: a certificate's subject, a
	// CRL's issuer, a point's label ("" for a CD).
	Name string
	// Group is what SARIF aggregates results by: the issuer (lint, crl),
	// the PAA (verify).
	Group string
	// Verdict is "pass" or "fail" for objects judged as a whole (verify,
	// cd, revocation-set), "" otherwise.
	Verdict  string
	Findings []Finding
}

// Finding is one finding of an Entry.
type Finding struct {
	Rule     string
	Severity lint.Severity
	Source   string // the rule's source, or for verify the certificate (dac, pai, paa, device)
	Location string
	Message  string
	Found    string
	SDKCode  matterext.ResultCode
	// Fails marks a finding that fails its object on its own (a verify
	// failure, a rejected point), whatever the --fail-on threshold.
	Fails bool
}

// Result is the outcome of one input item of any subcommand: a
// *CertResult, *DACResult, *CDResult, *CRLResult or *PointResult.
type Result interface {
	// Entry returns the common view of the result.
	Entry() Entry
	// MarshalJSON writes the result as the command's JSON does.
	MarshalJSON() ([]byte, error)
	writeText(t *textWriter)
}

// fromLint converts lint findings.
func fromLint(fs []lint.Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for i := range fs {
		f := &fs[i]
		out = append(out, Finding{Rule: f.Rule.Name, Severity: f.Severity(), Source: string(f.Rule.Source),
			Location: f.Location, Message: f.Message, Found: f.Found, SDKCode: f.SDKCode})
	}
	return out
}

// Plural returns "s" unless n is 1.
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// count is "1 error", "2 errors".
func count(n int, noun string) string {
	if n != 1 && strings.HasSuffix(noun, "y") {
		return strconv.Itoa(n) + " " + noun[:len(noun)-1] + "ies"
	}
	return strconv.Itoa(n) + " " + noun + Plural(n)
}

// SafeText escapes what a terminal would interpret in names and messages
// printed as text: control characters (escape sequences), invalid UTF-8 and
// other unprintable runes. JSON keeps them as they are.
func SafeText(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			q := strconv.QuoteToGraphic(s)
			return q[1 : len(q)-1]
		}
	}
	return s
}

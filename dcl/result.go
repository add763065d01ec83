package dcl

import (
	"fmt"
)

// Failure is one check the transaction fails, in the DCL's order.
type Failure struct {
	// Code is the error the DCL returns when this is the first failure.
	Code Code
	// Step is where the check runs: "ValidateBasic" or "handler".
	Step string
	// Citation is the DCL source, file:Function, at the commit followed.
	Citation string
	// Location is the field of the message or of the certificate.
	Location string
	// Message says what was found and what was expected.
	Message string
}

// Result is what the ledger would answer to a transaction.
type Result struct {
	Kind Kind
	// Message is the DCL message name, e.g. "MsgAddX509Cert".
	Message string
	Target  Version
	// Accepted is the verdict.
	Accepted bool
	// Failures lists every failed check in the DCL's order; the first is
	// the error the ledger returns. Checks that depend on a failed one (the
	// certificate did not parse, no chain was built) are not run.
	Failures []Failure
	// Assumptions states what was taken for granted (the signer's role,
	// an unknown signer address).
	Assumptions []string
	// Notes are remarks beside the verdict: where commissioners would judge
	// the certificate differently, what the DCL does not check.
	Notes []string
}

// Verdict returns "accept" or "reject".
func (r *Result) Verdict() string {
	if r.Accepted {
		return "accept"
	}
	return "reject"
}

// First returns the failure the ledger reports, or nil when it accepts.
func (r *Result) First() *Failure {
	if len(r.Failures) == 0 {
		return nil
	}
	return &r.Failures[0]
}

// Err returns the ledger's error as an *Error, or nil when the transaction
// is accepted. errors.Is(err, CodeX) tests its code.
func (r *Result) Err() error {
	f := r.First()
	if f == nil {
		return nil
	}
	return &Error{Code: f.Code, Message: f.Message}
}

// Error is the error the DCL returns for a rejected transaction.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Is reports whether target is e's Code (or an *Error with the same code).
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Code:
		return t == e.Code
	case *Error:
		return t.Code == e.Code
	}
	return false
}

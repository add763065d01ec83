package dcl

import (
	"encoding/pem"
	"fmt"
	"strings"
	"time"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// commissionerView lints the submitted device-attestation certificate with
// the rules commissioners enforce (lint profile sdk-compat) and notes where
// their verdict differs from the DCL's. NOC and VVSC certificates are not
// part of device attestation and get no such note.
func commissionerView(tx *Tx, res *Result) {
	text, role := tx.Cert, matterext.RoleUnknown
	switch tx.Kind {
	case ProposeRoot:
		role = matterext.RolePAA
	case AddCert:
	case AddRevocationPoint, UpdateRevocationPoint:
		if tx.Point == nil {
			return
		}
		text = tx.Point.CRLSignerCertificate
	default:
		return
	}
	b, _ := pem.Decode([]byte(text))
	if b == nil {
		return
	}
	cert, err := matterext.ParseCertificate(b.Bytes)
	if err != nil || cert == nil {
		return
	}
	if role == matterext.RoleUnknown {
		role = matterext.DetectRole(cert)
	}
	reg, err := lint.Default().Select("sdk-compat", nil, nil)
	if err != nil {
		return
	}
	at := tx.At
	if at.IsZero() {
		at = time.Now()
	}
	lr := reg.Lint(cert, lint.Options{Role: role, At: at})
	var rejects []string
	var first string
	for i := range lr.Findings {
		f := &lr.Findings[i]
		if f.Severity() != lint.Error || f.SDKCode == 0 {
			continue
		}
		if first == "" {
			first = fmt.Sprintf("%v (%d)", f.SDKCode, int(f.SDKCode))
		}
		rejects = append(rejects, fmt.Sprintf("%s: %s", f.Rule.Name, f.Message))
	}
	name := strings.ToUpper(role.String())
	switch {
	case res.Accepted && len(rejects) > 0:
		res.Notes = append(res.Notes, fmt.Sprintf("The DCL accepts this %s; commissioners reject it: %s — %s.", name, first, strings.Join(rejects, "; ")))
	case !res.Accepted && len(rejects) == 0 && certFailuresOnly(res):
		res.Notes = append(res.Notes, fmt.Sprintf("The DCL rejects this %s for its own rules; commissioners (the SDK's attestation checks) would accept it.", name))
	case !res.Accepted && len(rejects) > 0:
		res.Notes = append(res.Notes, fmt.Sprintf("Commissioners reject this %s too: %s — %s.", name, first, strings.Join(rejects, "; ")))
	}
}

// certFailuresOnly reports whether the first failure is about the
// certificate itself (a profile rule), not the message, the account or
// the ledger.
func certFailuresOnly(res *Result) bool {
	f := res.First()
	return f != nil && f.Step == "handler" && (strings.HasPrefix(f.Citation, x509go) || strings.HasSuffix(f.Citation, "VerifyCRLSignerCertFormat"))
}

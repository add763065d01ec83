package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// marshal is json.Marshal without HTML escaping (names keep their < > &).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// join merges JSON objects into one: {a…} {b…} → {a…,b…}.
func join(objs ...[]byte) []byte {
	out := []byte{'{'}
	for _, o := range objs {
		inner := bytes.TrimSpace(o)
		inner = inner[1 : len(inner)-1]
		if len(inner) == 0 {
			continue
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, inner...)
	}
	return append(out, '}')
}

// head is the part every result's JSON starts with.
type head struct {
	Input string      `json:"input"`
	Index int         `json:"index"`
	Error *InputError `json:"error,omitempty"`
}

func (h head) json(rest ...any) ([]byte, error) {
	h.Input = InputName(h.Input)
	parts := [][]byte{}
	for _, v := range append([]any{h}, rest...) {
		b, err := marshal(v)
		if err != nil {
			return nil, err
		}
		parts = append(parts, b)
	}
	return join(parts...), nil
}

var noFindings = struct {
	Findings []struct{} `json:"findings"`
}{[]struct{}{}}

// CertResult is one certificate linted (`matterlint lint`), or an input that
// gave none (Err).
type CertResult struct {
	Input  string
	Index  int    // position in the input; -1 when an error concerns the whole input
	Format string // "pem", "der", "hex" or "base64"
	Err    *InputError
	// Subject and Issuer are the certificate's names; SHA256 the hex
	// SHA-256 of its DER. When one is empty and Cert is set, it is derived
	// from Cert when the result is written, so that a caller whose output
	// does not show it does not pay for it.
	Subject, Issuer, SHA256 string
	Lint                    lint.Result
	// Cert is the decoded certificate, for callers that look at it again
	// (batch rules); it is not written.
	Cert *matterext.Certificate
}

// subject is the certificate's subject as written (derived once).
func (r *CertResult) subject() string {
	if r.Subject == "" && r.Cert != nil {
		r.Subject = r.Cert.Subject.String()
	}
	return r.Subject
}

// issuer is the certificate's issuer as written (derived once).
func (r *CertResult) issuer() string {
	if r.Issuer == "" && r.Cert != nil {
		r.Issuer = r.Cert.Issuer.String()
	}
	return r.Issuer
}

// sha256 is the hex SHA-256 of the certificate as written.
func (r *CertResult) sha256() string {
	if r.SHA256 == "" && r.Cert != nil {
		sum := sha256.Sum256(r.Cert.Raw)
		r.SHA256 = hex.EncodeToString(sum[:])
	}
	return r.SHA256
}

// Entry implements Result.
func (r *CertResult) Entry() Entry {
	e := Entry{Input: r.Input, Index: r.Index, Kind: KindCertificate, Err: r.Err}
	if r.Err == nil {
		e.Name, e.Group = r.subject(), r.issuer()
		e.Findings = fromLint(r.Lint.Findings)
	}
	return e
}

// MarshalJSON writes the result as `matterlint lint --format json` does.
func (r *CertResult) MarshalJSON() ([]byte, error) {
	h := head{r.Input, r.Index, r.Err}
	format := struct {
		Format string `json:"format,omitempty"`
	}{r.Format}
	if r.Err != nil {
		return h.json(format, noFindings)
	}
	return h.json(format, r.Lint, struct {
		Subject string `json:"subject"`
		Issuer  string `json:"issuer"`
		SHA256  string `json:"sha256"`
	}{r.subject(), r.issuer(), r.sha256()})
}

// DACResult is one DAC verified (`matterlint verify`), or an input that gave
// none (Err).
type DACResult struct {
	Input   string
	Index   int
	Err     *InputError
	Subject string
	Verify  *verify.Result // nil when Err is set
}

// Entry implements Result.
func (r *DACResult) Entry() Entry {
	e := Entry{Input: r.Input, Index: r.Index, Kind: KindDAC, Err: r.Err, Name: r.Subject}
	if r.Verify == nil {
		return e
	}
	e.Verdict, e.Findings = r.Verify.Verdict(), fromVerify(r.Verify.Findings)
	if r.Verify.PAA != nil {
		e.Group = r.Verify.PAA.Cert.Subject.String()
	}
	return e
}

// fromVerify converts verify findings: a failure is an error.
func fromVerify(fs []verify.Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for i := range fs {
		f := &fs[i]
		sev := f.Severity
		if f.Failure() {
			sev = lint.Error
		}
		out = append(out, Finding{Rule: f.Check, Severity: sev, Source: f.Cert, Location: f.Location,
			Message: f.Message, SDKCode: f.Code, Fails: f.Failure()})
	}
	return out
}

// MarshalJSON writes the result as `matterlint verify --format json` does.
func (r *DACResult) MarshalJSON() ([]byte, error) {
	h := head{r.Input, r.Index, r.Err}
	if r.Verify == nil {
		return h.json(struct {
			SDKCode  int        `json:"sdk_code"`
			Findings []struct{} `json:"findings"`
		}{0, []struct{}{}})
	}
	return h.json(struct {
		Subject string `json:"subject"`
	}{r.Subject}, r.Verify)
}

// CDResult is one Certification Declaration checked (`matterlint cd`), or
// an input that gave none (Err).
type CDResult struct {
	Input    string
	Index    int
	Err      *InputError
	CD       *matterext.CertificationDeclaration
	Findings []verify.Finding // verify.CheckCD's, in the SDK's order
}

// Code is the SDK's result for the CD: its first failure, or Success.
func (r *CDResult) Code() matterext.ResultCode {
	if len(r.Findings) > 0 && r.Findings[0].Failure() {
		return r.Findings[0].Code
	}
	return matterext.Success
}

func verdictOf(c matterext.ResultCode) string {
	if c == matterext.Success {
		return "pass"
	}
	return "fail"
}

// Entry implements Result.
func (r *CDResult) Entry() Entry {
	e := Entry{Input: r.Input, Index: r.Index, Kind: KindCD, Err: r.Err}
	if r.Err == nil {
		e.Verdict, e.Findings = verdictOf(r.Code()), fromVerify(r.Findings)
	}
	return e
}

// CDField is one content field of a CD as JSON and text show it.
type CDField struct {
	Tag     int      `json:"tag"`
	Name    string   `json:"name"`
	Present bool     `json:"present"`
	Offset  int      `json:"offset,omitempty"`
	Value   any      `json:"value,omitempty"`
	Display string   `json:"display,omitempty"`
	Entries []string `json:"entries,omitempty"`
}

// Fields describes the CD's content fields in schema order (none when the
// content did not decode).
func (r *CDResult) Fields() []CDField {
	var out []CDField
	if r.CD == nil || r.CD.Content == nil {
		return out
	}
	for i := range r.CD.Content.Fields {
		out = append(out, describeCDField(&r.CD.Content.Fields[i]))
	}
	return out
}

func describeCDField(f *matterext.CDField) CDField {
	j := CDField{Tag: int(f.Spec.Tag), Name: f.Spec.Name, Present: f.Present}
	if !f.Present {
		return j
	}
	j.Offset = f.Offset
	switch f.Spec.Kind {
	case matterext.CDUint:
		j.Value = f.Uint
		switch f.Spec.Tag {
		case matterext.CDTagVendorID, matterext.CDTagDACOriginVendorID, matterext.CDTagDACOriginProductID:
			j.Display = "0x" + matterext.FormatID(uint16(f.Uint))
		case matterext.CDTagDeviceTypeID:
			j.Display = fmt.Sprintf("0x%04X", f.Uint)
		case matterext.CDTagCertificationType:
			j.Display = map[uint64]string{0: "development and test", 1: "provisional", 2: "official"}[f.Uint]
			if j.Display == "" {
				j.Display = "reserved"
			}
		default:
			j.Display = fmt.Sprint(f.Uint)
		}
	case matterext.CDString:
		j.Value, j.Display = f.Str, fmt.Sprintf("%q", f.Str)
	case matterext.CDUintArray:
		for _, v := range f.Uints {
			j.Entries = append(j.Entries, "0x"+matterext.FormatID(uint16(v)))
		}
		j.Display = fmt.Sprintf("%d entries", len(f.Uints))
	case matterext.CDBytesArray:
		for _, b := range f.Blobs {
			j.Entries = append(j.Entries, matterext.HexColon(b))
		}
		j.Display = fmt.Sprintf("%d entries", len(f.Blobs))
	}
	return j
}

// MarshalJSON writes the result as `matterlint cd --format json` does.
func (r *CDResult) MarshalJSON() ([]byte, error) {
	h := head{r.Input, r.Index, r.Err}
	if r.Err != nil {
		return h.json(struct {
			SDKCode  int        `json:"sdk_code"`
			Findings []struct{} `json:"findings"`
		}{0, []struct{}{}})
	}
	c := r.Code()
	return h.json(struct {
		Verdict     string    `json:"verdict"`
		SDKCode     int       `json:"sdk_code"`
		SDKCodeName string    `json:"sdk_code_name"`
		KeyID       string    `json:"signer_key_id,omitempty"`
		Fields      []CDField `json:"fields,omitempty"`
		Findings    []any     `json:"findings"`
	}{verdictOf(c), int(c), c.String(), matterext.HexColon(r.CD.KeyID()), r.Fields(), verify.FindingsJSON(r.Findings, verify.NewestRelease())})
}

// CRLResult is one CRL linted (`matterlint crl`), or an input that gave none
// (Err).
type CRLResult struct {
	Input    string
	Index    int
	Err      *InputError
	CRL      *matterext.CRL
	Findings []lint.Finding
}

// Entry implements Result.
func (r *CRLResult) Entry() Entry {
	e := Entry{Input: r.Input, Index: r.Index, Kind: KindCRL, Err: r.Err}
	if r.Err == nil {
		e.Name, e.Group, e.Findings = r.CRL.Issuer.String(), r.CRL.Issuer.String(), fromLint(r.Findings)
	}
	return e
}

func crlTime(t matterext.Time) string {
	if t.Err == nil && t.Present {
		return t.T.UTC().Format("2006-01-02T15:04:05Z")
	}
	return ""
}

// MarshalJSON writes the result as `matterlint crl --format json` does.
func (r *CRLResult) MarshalJSON() ([]byte, error) {
	h := head{r.Input, r.Index, r.Err}
	if r.Err != nil {
		return h.json(struct {
			Entries  int        `json:"entries"`
			Findings []struct{} `json:"findings"`
		}{0, []struct{}{}})
	}
	fs := r.Findings
	if fs == nil {
		fs = []lint.Finding{}
	}
	return h.json(struct {
		Issuer     string         `json:"issuer"`
		ThisUpdate string         `json:"this_update,omitempty"`
		NextUpdate string         `json:"next_update,omitempty"`
		Entries    int            `json:"entries"`
		Findings   []lint.Finding `json:"findings"`
	}{r.CRL.Issuer.String(), crlTime(r.CRL.ThisUpdate), crlTime(r.CRL.NextUpdate), len(r.CRL.Entries), fs})
}

// PointResult is one DCL revocation point of `matterlint revocation-set`:
// accepted into the set, or rejected with its reasons.
type PointResult struct {
	Input  string // the points file
	Index  int    // the point's position in it
	Report verify.PointReport
}

// Rule names of the findings a point's report gives.
const (
	RulePointRejected = "revocation_point_rejected"
	RulePointNote     = "revocation_point_note"
)

// Entry implements Result.
func (r *PointResult) Entry() Entry {
	e := Entry{Input: r.Input, Index: r.Index, Kind: KindPoint, Name: r.Report.Label, Verdict: "pass"}
	if !r.Report.Accepted {
		e.Verdict = "fail"
	}
	for _, m := range r.Report.Reasons {
		e.Findings = append(e.Findings, Finding{Rule: RulePointRejected, Severity: lint.Error, Source: "revocation-set", Location: "point", Message: m, Fails: true})
	}
	for _, m := range r.Report.Notes {
		e.Findings = append(e.Findings, Finding{Rule: RulePointNote, Severity: lint.Notice, Source: "revocation-set", Location: "point", Message: m})
	}
	return e
}

// MarshalJSON writes the point as `matterlint revocation-set --format json`
// does.
func (r *PointResult) MarshalJSON() ([]byte, error) {
	v := "pass"
	if !r.Report.Accepted {
		v = "fail"
	}
	rep := r.Report
	rep.Index = r.Index // the position in its file (the report's own index counts across files)
	b, err := marshal(struct {
		Input   string `json:"input"`
		Verdict string `json:"verdict"`
	}{InputName(r.Input), v})
	if err != nil {
		return nil, err
	}
	rb, err := marshal(rep)
	if err != nil {
		return nil, err
	}
	return join(b, rb), nil
}

package verify

import (
	"encoding/json"
	"fmt"

	"github.com/matterlint/matterlint/matterext"
)

// findingJSON is a Finding as `matterlint verify --format json` writes it.
type findingJSON struct {
	Check       string `json:"check"`
	Cert        string `json:"cert"`
	Severity    string `json:"severity"`
	SDKCode     int    `json:"sdk_code"`
	SDKCodeName string `json:"sdk_code_name"`
	Step        int    `json:"sdk_step"`
	Location    string `json:"location"`
	Message     string `json:"message"`
	Citation    string `json:"citation"`
	Note        string `json:"note,omitempty"`
}

// jsonFor is f with the code numbers of release rel.
func (f *Finding) jsonFor(rel Release) findingJSON {
	j := findingJSON{Check: f.Check, Cert: f.Cert, Severity: f.Severity.String(), SDKCode: rel.Number(f.Code),
		Step: f.Step / 10, Location: f.Location, Message: f.Message, Citation: f.Citation, Note: f.Note}
	if f.Code != matterext.Success {
		j.SDKCodeName = f.Code.String()
	}
	return j
}

// MarshalJSON writes the finding as the CLI does (snake_case fields, the
// code numbered as the newest modelled release numbers it).
func (f Finding) MarshalJSON() ([]byte, error) { return json.Marshal(f.jsonFor(NewestRelease())) }

// FindingsJSON returns fs as the CLI writes them for release rel: never
// null, so that an empty list is [].
func FindingsJSON(fs []Finding, rel Release) []any {
	out := make([]any, 0, len(fs))
	for i := range fs {
		out = append(out, fs[i].jsonFor(rel))
	}
	return out
}

// resultJSON is a Result as `matterlint verify --format json` writes it.
type resultJSON struct {
	Verdict     string        `json:"verdict"`
	SDKCode     int           `json:"sdk_code"`
	SDKCodeName string        `json:"sdk_code_name"`
	PAA         string        `json:"paa,omitempty"`
	PAASource   string        `json:"paa_source,omitempty"`
	At          string        `json:"checked_at,omitempty"`
	Elements    *elementsJSON `json:"attestation_elements,omitempty"`
	SDKRelease  string        `json:"sdk_release,omitempty"`
	Releases    []releaseJSON `json:"release_verdicts,omitempty"`
	Findings    []any         `json:"findings"`
}

// Verdict is "pass" or "fail".
func (r *Result) Verdict() string {
	if r.Pass() {
		return "pass"
	}
	return "fail"
}

// MarshalJSON writes the result as the CLI does for one DAC (without the
// input's name, which the result does not know): verdict, sdk_code (numbered
// as r.Release numbers it), the PAA, the decoded attestation elements, the
// release verdicts when they differ, and the findings.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{Verdict: r.Verdict(), SDKCode: r.Release.Number(r.Code), SDKCodeName: r.Code.String(),
		Elements: toElementsJSON(r.Elements), SDKRelease: r.Release.Name, Releases: releasesJSON(r.Releases),
		Findings: FindingsJSON(r.Findings, r.Release)}
	if r.PAA != nil {
		j.PAA, j.PAASource = r.PAA.Cert.Subject.String(), r.PAA.Source
	}
	if !r.At.IsZero() {
		j.At = r.At.UTC().Format("2006-01-02T15:04:05Z")
	}
	return json.Marshal(j)
}

// elementsJSON is the decoded attestation elements in verify's JSON output.
type elementsJSON struct {
	Length              int              `json:"length"`
	CD                  string           `json:"certification_declaration,omitempty"`
	CDLength            int              `json:"certification_declaration_length"`
	Nonce               string           `json:"attestation_nonce,omitempty"`
	Timestamp           *uint32          `json:"timestamp,omitempty"`
	FirmwareInformation string           `json:"firmware_information,omitempty"`
	VendorReserved      []vendorResvJSON `json:"vendor_reserved"`
	Errors              []string         `json:"errors"`
}

type vendorResvJSON struct {
	VendorID      string `json:"vendor_id"`
	ProfileNumber int    `json:"profile_number"`
	TagNumber     uint32 `json:"tag_number"`
	Data          string `json:"data"`
}

func toElementsJSON(a *matterext.AttestationElements) *elementsJSON {
	if a == nil {
		return nil
	}
	j := &elementsJSON{Length: len(a.Raw), CDLength: len(a.CertificationDeclaration), VendorReserved: []vendorResvJSON{}, Errors: []string{}}
	if a.HasCD {
		j.CD = fmt.Sprintf("%X", a.CertificationDeclaration)
	}
	if a.HasNonce {
		j.Nonce = fmt.Sprintf("%X", a.Nonce)
	}
	if a.HasTimestamp {
		ts := a.Timestamp
		j.Timestamp = &ts
	}
	if a.HasFirmwareInformation {
		j.FirmwareInformation = fmt.Sprintf("%X", a.FirmwareInformation)
	}
	for _, v := range a.VendorReserved {
		j.VendorReserved = append(j.VendorReserved, vendorResvJSON{VendorID: matterext.FormatID(v.VendorID), ProfileNumber: int(v.ProfileNumber), TagNumber: v.TagNumber, Data: fmt.Sprintf("%X", v.Data)})
	}
	for _, e := range a.Errors {
		j.Errors = append(j.Errors, e.Error())
	}
	return j
}

// releaseJSON is one run of SDK releases that decide a chain alike.
type releaseJSON struct {
	From        string `json:"from"`
	To          string `json:"to"`
	Verdict     string `json:"verdict"`
	SDKCode     int    `json:"sdk_code"`
	SDKCodeName string `json:"sdk_code_name"`
	Crash       bool   `json:"crash,omitempty"`
	Summary     string `json:"summary"`
}

// releasesJSON lists the release verdicts when they differ; nil when every
// modelled release decides alike.
func releasesJSON(rs []ReleaseVerdict) []releaseJSON {
	if len(rs) < 2 {
		return nil
	}
	var out []releaseJSON
	for _, r := range rs {
		to, _ := LookupRelease(r.To)
		j := releaseJSON{From: r.From, To: r.To, Verdict: "pass", SDKCode: to.Number(r.Code), SDKCodeName: r.Code.String(), Crash: r.Crash, Summary: r.String()}
		switch {
		case r.Crash:
			j.Verdict = "crash"
		case !r.Pass():
			j.Verdict = "fail"
		}
		out = append(out, j)
	}
	return out
}

// PointReport's JSON fields.
type pointJSON struct {
	Index    int                           `json:"index"`
	Label    string                        `json:"label"`
	Accepted bool                          `json:"accepted"`
	Reasons  []string                      `json:"reasons"`
	Notes    []string                      `json:"notes"`
	Entry    *matterext.RevocationSetEntry `json:"entry,omitempty"`
}

// MarshalJSON writes the point's report with snake_case fields and empty
// lists as [].
func (p PointReport) MarshalJSON() ([]byte, error) {
	j := pointJSON(p)
	if j.Reasons == nil {
		j.Reasons = []string{}
	}
	if j.Notes == nil {
		j.Notes = []string{}
	}
	return json.Marshal(j)
}

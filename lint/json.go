package lint

import "encoding/json"

// findingJSON is a Finding as `matterlint lint --format json` writes it.
type findingJSON struct {
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Source      string `json:"source"`
	Location    string `json:"location"`
	Message     string `json:"message"`
	Found       string `json:"found,omitempty"`
	Expected    string `json:"expected,omitempty"`
	Citation    string `json:"citation"`
	SDKCode     int    `json:"sdk_code"`      // 0 when the SDK accepts the object
	SDKCodeName string `json:"sdk_code_name"` // e.g. kDacFormatInvalid; "" when SDKCode is 0
	Note        string `json:"note,omitempty"`
}

// MarshalJSON writes the finding as the CLI does: the rule's name, severity,
// source, citation and note with the finding's location, message, found and
// expected values and SDK code.
func (f Finding) MarshalJSON() ([]byte, error) {
	j := findingJSON{Rule: f.Rule.Name, Severity: f.Severity().String(), Source: string(f.Rule.Source),
		Location: f.Location, Message: f.Message, Found: f.Found, Expected: f.Expected,
		Citation: f.Rule.Citation, SDKCode: int(f.SDKCode), Note: f.Rule.Note}
	if f.SDKCode != 0 {
		j.SDKCodeName = f.SDKCode.String()
	}
	return json.Marshal(j)
}

// MarshalJSON writes the result as the CLI does: role, role_detected and
// findings (never null).
func (r Result) MarshalJSON() ([]byte, error) {
	fs := r.Findings
	if fs == nil {
		fs = []Finding{}
	}
	return json.Marshal(struct {
		Role         string    `json:"role"`
		RoleDetected bool      `json:"role_detected"`
		Findings     []Finding `json:"findings"`
	}{r.Role.String(), r.RoleDetected, fs})
}

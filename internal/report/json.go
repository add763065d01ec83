package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/matterlint/matterlint/lint"
)

// SchemaVersion is the version of the JSON document layout. It changes only
// when a field is removed or changes meaning; new fields may appear.
const SchemaVersion = 1

// JSONFinding is one finding in JSON output.
type JSONFinding struct {
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Source      string `json:"source"`
	Location    string `json:"location"`
	Message     string `json:"message"`
	Found       string `json:"found,omitempty"`
	Expected    string `json:"expected,omitempty"`
	Citation    string `json:"citation"`
	SDKCode     int    `json:"sdk_code"`      // 0 when the SDK accepts the certificate
	SDKCodeName string `json:"sdk_code_name"` // e.g. kDacFormatInvalid; "" when SDKCode is 0
	Note        string `json:"note,omitempty"`
}

// JSONError describes an input that could not be linted.
type JSONError struct {
	Kind    string `json:"kind"` // "io" or "not-certificate"
	Message string `json:"message"`
}

// JSONResult is one certificate (or one unreadable input) in JSON output.
type JSONResult struct {
	Input        string        `json:"input"`
	Index        int           `json:"index"` // -1 when the error concerns the whole input
	Format       string        `json:"format,omitempty"`
	Error        *JSONError    `json:"error,omitempty"`
	Role         string        `json:"role,omitempty"`
	RoleDetected bool          `json:"role_detected,omitempty"`
	Subject      string        `json:"subject,omitempty"`
	Issuer       string        `json:"issuer,omitempty"`
	SHA256       string        `json:"sha256,omitempty"`
	Findings     []JSONFinding `json:"findings"`
}

// ToJSON converts r.
func ToJSON(r *CertResult) JSONResult {
	j := JSONResult{Input: r.Source, Index: r.Index, Format: r.Format, Findings: []JSONFinding{}}
	if r.Err != nil {
		j.Error = &JSONError{Kind: string(r.ErrKind), Message: r.Err.Error()}
		return j
	}
	j.Role, j.RoleDetected, j.Subject, j.Issuer, j.SHA256 = r.Role.String(), r.RoleDetected, r.Subject, r.Issuer, r.SHA256
	for i := range r.Findings {
		j.Findings = append(j.Findings, FindingJSON(&r.Findings[i]))
	}
	return j
}

// FindingJSON converts one finding.
func FindingJSON(f *lint.Finding) JSONFinding {
	jf := JSONFinding{
		Rule: f.Rule.Name, Severity: f.Severity().String(), Source: string(f.Rule.Source),
		Location: f.Location, Message: f.Message, Found: f.Found, Expected: f.Expected,
		Citation: f.Rule.Citation, SDKCode: int(f.SDKCode), Note: f.Rule.Note,
	}
	if f.SDKCode != 0 {
		jf.SDKCodeName = f.SDKCode.String()
	}
	return jf
}

// JSONWriter writes one JSON document:
//
//	{"schema_version":1,"tool":{...},"results":[...],"summary":{...}}
//
// Results are streamed as they arrive.
type JSONWriter struct {
	w     *bufio.Writer
	n     int
	begun bool
	// Tool identifies the program in the document.
	Tool ToolInfo
}

// ToolInfo names the program that wrote a document.
type ToolInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Command string `json:"command"`
}

// NewJSON returns a JSONWriter on w.
func NewJSON(w io.Writer, tool ToolInfo) *JSONWriter {
	return &JSONWriter{w: bufio.NewWriterSize(w, 64<<10), Tool: tool}
}

func (j *JSONWriter) begin() {
	if j.begun {
		return
	}
	j.begun = true
	tool, _ := json.Marshal(j.Tool)
	j.w.WriteString(`{"schema_version":1,"tool":`)
	j.w.Write(tool)
	j.w.WriteString(`,"results":[`)
}

func (j *JSONWriter) Write(r *CertResult) error {
	j.begin()
	b, err := json.Marshal(ToJSON(r))
	if err != nil {
		return err
	}
	if j.n > 0 {
		j.w.WriteByte(',')
	}
	j.w.WriteString("\n")
	j.n++
	_, err = j.w.Write(b)
	return err
}

// Close writes the summary and ends the document.
func (j *JSONWriter) Close(s Summary) error {
	j.begin()
	b, _ := json.Marshal(s)
	j.w.WriteString("\n],\"summary\":")
	j.w.Write(b)
	j.w.WriteString("}\n")
	return j.w.Flush()
}

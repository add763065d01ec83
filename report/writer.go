package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// Format is an output format.
type Format string

// Output formats.
const (
	Text   Format = "text"
	JSON   Format = "json"
	NDJSON Format = "ndjson"
	SARIF  Format = "sarif"
	JUnit  Format = "junit"
)

// Formats returns every output format, text first.
func Formats() []Format { return []Format{Text, JSON, NDJSON, SARIF, JUnit} }

// ErrUnknownFormat is returned for a format that is not one of Formats.
var ErrUnknownFormat = errors.New("unknown output format")

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, 0, 5)
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("%w %q (want %s)", ErrUnknownFormat, s, strings.Join(names, ", "))
}

// Options configure a Writer.
type Options struct {
	// Command is the subcommand ("lint", "verify", "cd", "crl",
	// "revocation-set"); it names the JSON document's tool.command, the JUnit
	// suites and the objects in text summaries.
	Command string
	// Version is the tool's version.
	Version string
	// Rules describe the rules and checks that may appear (SARIF's rule
	// table); others are added with their name as description.
	Rules []Rule
	// FailOn is the severity at or above which a finding fails its object
	// (lint, crl: Error by default); 0 fails objects only on their verdict
	// and on failures (verify, cd, revocation-set).
	FailOn lint.Severity
	// Quiet omits objects without findings from the text output.
	Quiet bool
	// RuleCounts adds a count of findings per rule to the text output.
	RuleCounts bool
}

// Writer writes a stream of Results in one format and counts them.
type Writer struct {
	out  sink
	opts Options
	sum  Summary
}

type sink interface {
	write(r Result, e *Entry, failing bool) error
	close(s *Summary) error
}

// New returns a Writer of format f on w.
func New(w io.Writer, f Format, opts Options) (*Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	var s sink
	switch f {
	case Text:
		s = &textWriter{w: bw, opts: opts, kind: kindOf(opts.Command), seen: map[string]bool{}}
	case JSON:
		s = &jsonWriter{w: bw, opts: opts}
	case NDJSON:
		s = &ndjsonWriter{w: bw, opts: opts}
	case SARIF:
		s = newSARIF(bw, opts)
	case JUnit:
		s = &junitWriter{w: bw, name: opts.Command}
	default:
		_, err := ParseFormat(string(f))
		return nil, err
	}
	return &Writer{out: s, opts: opts}, nil
}

// kindOf is the kind of object a command checks.
func kindOf(command string) ObjectKind {
	switch command {
	case "verify":
		return KindDAC
	case "cd":
		return KindCD
	case "crl":
		return KindCRL
	case "revocation-set":
		return KindPoint
	}
	return KindCertificate
}

// Write counts r and writes it.
func (w *Writer) Write(r Result) error {
	e := r.Entry()
	failing := w.sum.add(&e, w.opts.FailOn)
	return w.out.write(r, &e, failing)
}

// Close writes what follows the results (the summary) and flushes.
func (w *Writer) Close() error { return w.out.close(&w.sum) }

// Summary returns the counts of the results written so far.
func (w *Writer) Summary() Summary { return w.sum }

// tool is the document's "tool" member.
type tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Command string `json:"command"`
}

func (o *Options) tool() tool { return tool{"matterlint", o.Version, o.Command} }

// jsonWriter writes one document, streaming the results:
//
//	{"schema_version":1,"tool":{…},"results":[…],"verdict":…,"summary":{…}}
//
// verify's document also has the sdk_code, sdk_code_name and findings of
// its single DAC, or in a batch of the first failing one.
type jsonWriter struct {
	w     *bufio.Writer
	opts  Options
	n     int
	begun bool
	first *DACResult
}

func (j *jsonWriter) begin() error {
	if j.begun {
		return nil
	}
	j.begun = true
	b, err := marshal(struct {
		V    int  `json:"schema_version"`
		Tool tool `json:"tool"`
	}{SchemaVersion, j.opts.tool()})
	if err != nil {
		return err
	}
	j.w.Write(b[:len(b)-1])
	_, err = j.w.WriteString(`,"results":[`)
	return err
}

func (j *jsonWriter) write(r Result, e *Entry, failing bool) error {
	if err := j.begin(); err != nil {
		return err
	}
	if d, ok := r.(*DACResult); ok && d.Verify != nil && (j.first == nil || (j.first.Verify.Pass() && !d.Verify.Pass())) {
		j.first = d
	}
	b, err := r.MarshalJSON()
	if err != nil {
		return err
	}
	if j.n > 0 {
		j.w.WriteByte(',')
	}
	j.n++
	j.w.WriteByte('\n')
	_, err = j.w.Write(b)
	return err
}

func (j *jsonWriter) close(s *Summary) error {
	if err := j.begin(); err != nil {
		return err
	}
	tail := []any{struct {
		Verdict string `json:"verdict"`
	}{s.Verdict()}}
	if j.opts.Command == "verify" {
		h := struct {
			SDKCode     int    `json:"sdk_code"`
			SDKCodeName string `json:"sdk_code_name"`
			Findings    []any  `json:"findings"`
		}{0, matterext.Success.String(), []any{}}
		if f := j.first; f != nil {
			res := f.Verify
			h.SDKCode, h.SDKCodeName = res.Release.Number(res.Code), res.Code.String()
			h.Findings = verify.FindingsJSON(res.Findings, res.Release)
		}
		tail = append(tail, h)
	}
	tail = append(tail, struct {
		Summary *Summary `json:"summary"`
	}{s})
	var parts [][]byte
	for _, t := range tail {
		b, err := marshal(t)
		if err != nil {
			return err
		}
		parts = append(parts, b)
	}
	j.w.WriteString("\n],")
	b := join(parts...)
	j.w.Write(b[1:])
	j.w.WriteByte('\n')
	return j.w.Flush()
}

// ndjsonWriter writes one JSON object per line: each result as it comes
// (with schema_version), then a last line with the verdict and summary.
type ndjsonWriter struct {
	w    *bufio.Writer
	opts Options
}

var schemaVersionJSON = []byte(fmt.Sprintf(`{"schema_version":%d}`, SchemaVersion))

func (n *ndjsonWriter) write(r Result, e *Entry, failing bool) error {
	b, err := r.MarshalJSON()
	if err != nil {
		return err
	}
	n.w.Write(join(schemaVersionJSON, b))
	return n.w.WriteByte('\n')
}

func (n *ndjsonWriter) close(s *Summary) error {
	b, err := marshal(struct {
		V       int      `json:"schema_version"`
		Tool    tool     `json:"tool"`
		Verdict string   `json:"verdict"`
		Summary *Summary `json:"summary"`
	}{SchemaVersion, n.opts.tool(), s.Verdict(), s})
	if err != nil {
		return err
	}
	n.w.Write(b)
	n.w.WriteByte('\n')
	return n.w.Flush()
}

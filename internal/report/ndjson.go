package report

import (
	"bufio"
	"encoding/json"
	"io"
)

// NDJSONWriter writes one JSON object per line: each result as it arrives,
// then a last line {"summary":{...}}. With Encode set, results are encoded
// by it (so that each command keeps its own JSON result schema).
type NDJSONWriter struct {
	w *bufio.Writer
	// Encode returns the JSON object of a result.
	Encode func(it *Item) any
}

// NewNDJSON returns an NDJSONWriter on w.
func NewNDJSON(w io.Writer, encode func(it *Item) any) *NDJSONWriter {
	return &NDJSONWriter{w: bufio.NewWriterSize(w, 64<<10), Encode: encode}
}

func (n *NDJSONWriter) WriteItem(it *Item) error {
	b, err := json.Marshal(n.Encode(it))
	if err != nil {
		return err
	}
	n.w.Write(b)
	return n.w.WriteByte('\n')
}

// Close writes the summary line and flushes.
func (n *NDJSONWriter) Close(s Summary) error {
	b, _ := json.Marshal(map[string]any{"summary": s})
	n.w.Write(b)
	n.w.WriteByte('\n')
	return n.w.Flush()
}

// LintNDJSON writes lint results as NDJSON: each line the same object as an
// entry of the JSON document's "results", then {"summary":{...}}.
type LintNDJSON struct{ *NDJSONWriter }

// NewLintNDJSON returns a LintNDJSON on w.
func NewLintNDJSON(w io.Writer) LintNDJSON { return LintNDJSON{NewNDJSON(w, nil)} }

// Write writes one result line.
func (l LintNDJSON) Write(r *CertResult) error {
	b, err := json.Marshal(ToJSON(r))
	if err != nil {
		return err
	}
	l.w.Write(b)
	return l.w.WriteByte('\n')
}

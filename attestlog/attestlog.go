// Package attestlog reads an attestation response (the AttestationResponse
// command of the Operational Credentials cluster) as commissioners log it,
// so that a user can paste what a commissioning log shows: JSON (field
// names in any case, with or without underscores, at any depth; values as
// hex, base64, "base64:"/"hex:" prefixed strings or byte arrays), the Python
// controller's repr (attestationElements=b'\x15…'), and text logs with
// "attestationElements: <hex>" lines such as chip-tool's.
//
// It also decodes a file holding one byte string — binary, hex or base64 —
// with Bytes.
package attestlog

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Response holds the byte strings found in a log; fields the log does not
// carry are nil.
type Response struct {
	Elements  []byte
	Signature []byte
	Challenge []byte
	Nonce     []byte
}

// Field names, normalised (lower case, no separators), to what they fill.
var fields = []struct {
	keys []string
	name string
	set  func(*Response, []byte)
	get  func(*Response) []byte
}{
	{[]string{"attestationelements", "attestationelementsbuffer"}, "attestationElements",
		func(r *Response, b []byte) { r.Elements = b }, func(r *Response) []byte { return r.Elements }},
	{[]string{"attestationsignature", "attestationsignaturebuffer", "signature"}, "attestationSignature",
		func(r *Response, b []byte) { r.Signature = b }, func(r *Response) []byte { return r.Signature }},
	{[]string{"attestationchallenge", "attestationchallengebuffer", "challenge"}, "attestationChallenge",
		func(r *Response, b []byte) { r.Challenge = b }, func(r *Response) []byte { return r.Challenge }},
	{[]string{"attestationnonce", "attestationnoncebuffer", "nonce"}, "attestationNonce",
		func(r *Response, b []byte) { r.Nonce = b }, func(r *Response) []byte { return r.Nonce }},
}

// Errors.
var (
	// ErrNoResponse: the input holds no attestationElements field.
	ErrNoResponse = errors.New("no attestationElements found")
	// ErrLengthOnly: the log shows only the length of a field, not its bytes.
	ErrLengthOnly = errors.New("the log shows only the length of the field, not its bytes")
	// ErrNotBytes: a value is not hex, base64 or a byte array.
	ErrNotBytes = errors.New("value is not hex, base64 or a byte array")
	// ErrElided: chip-tool builds from January to May 2022 log a long
	// octet string as "Elided value too large of size N" (fixed by the
	// SDK's PR #18738); such a log does not hold the attestation elements.
	ErrElided = errors.New("chip-tool elided the value (\"Elided value too large\"); run the command with a newer chip-tool or the Python controller")
)

// FieldError says which field of a log could not be read.
type FieldError struct {
	Field string
	Line  int // 1-based line of the log; 0 for JSON
	Err   error
}

func (e *FieldError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s (line %d): %v", e.Field, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Field, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

func normalise(k string) string {
	var b strings.Builder
	for _, r := range k {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func fieldFor(key string) int {
	k := normalise(key)
	for i, f := range fields {
		for _, want := range f.keys {
			if k == want {
				return i
			}
		}
	}
	return -1
}

// Parse reads an attestation response from a JSON document, a Python repr
// or a text log. The result has at least the attestation elements.
func Parse(b []byte) (*Response, error) {
	var r Response
	var err error
	if t := bytes.TrimSpace(b); len(t) > 0 && (t[0] == '{' || t[0] == '[') && json.Valid(t) {
		var v any
		d := json.NewDecoder(bytes.NewReader(t))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			return nil, err
		}
		err = r.fromJSON(v)
	} else {
		err = r.fromText(string(b))
	}
	if err != nil {
		return nil, err
	}
	if r.Elements == nil {
		return nil, ErrNoResponse
	}
	return &r, nil
}

func (r *Response) fromJSON(v any) error {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if i := fieldFor(k); i >= 0 {
				if fields[i].get(r) != nil {
					continue // the first occurrence wins
				}
				b, err := jsonBytes(x)
				if err != nil {
					return &FieldError{Field: k, Err: err}
				}
				if b != nil {
					fields[i].set(r, b)
				}
				continue
			}
			if err := r.fromJSON(x); err != nil {
				return err
			}
		}
	case []any:
		for _, x := range v {
			if err := r.fromJSON(x); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonBytes reads a JSON value as bytes; nil, nil for a value that is an
// object (a container to search further is not a field value).
func jsonBytes(x any) ([]byte, error) {
	switch x := x.(type) {
	case string:
		return Bytes([]byte(x))
	case []any:
		out := make([]byte, 0, len(x))
		for _, e := range x {
			n, ok := e.(json.Number)
			if !ok {
				return nil, ErrNotBytes
			}
			v, err := strconv.ParseUint(n.String(), 10, 8)
			if err != nil {
				return nil, ErrNotBytes
			}
			out = append(out, byte(v))
		}
		return out, nil
	case json.Number:
		return nil, ErrLengthOnly
	case map[string]any:
		for _, k := range []string{"value", "data", "bytes", "hex", "base64"} {
			if y, ok := x[k]; ok {
				return jsonBytes(y)
			}
		}
	}
	return nil, ErrNotBytes
}

func (r *Response) fromText(s string) error {
	lines := strings.Split(s, "\n")
	for ln, line := range lines {
		rest := line
		for len(rest) > 0 {
			key, value, after, ok := nextKey(rest)
			if !ok {
				break
			}
			rest = after
			i := fieldFor(key)
			if i < 0 || fields[i].get(r) != nil {
				continue
			}
			b, err := textValue(value, lines[ln+1:])
			if err != nil {
				return &FieldError{Field: key, Line: ln + 1, Err: err}
			}
			fields[i].set(r, b)
		}
	}
	return nil
}

// nextKey finds the next "name: value" or "name=value" in s.
func nextKey(s string) (key, value, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != ':' && c != '=' {
			continue
		}
		k := i
		for k > 0 && s[k-1] == ' ' {
			k--
		}
		j := k
		for j > 0 && (isIdent(s[j-1]) || s[j-1] == '"' || s[j-1] == '\'') {
			j--
		}
		key = strings.Trim(s[j:k], `"'`)
		if key == "" || fieldFor(key) < 0 {
			continue
		}
		value = strings.TrimLeft(s[i+1:], " \t")
		return key, value, value, true
	}
	return "", "", "", false
}

func isIdent(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// textValue reads the value that starts s: a Python bytes literal, a quoted
// string, or a hex or base64 token. A value that is a bare decimal number
// with a "bytes"/"octets" word or nothing after it is a length, not data.
// A hex value may continue on the following lines that hold only hex.
func textValue(s string, next []string) ([]byte, error) {
	switch {
	case strings.HasPrefix(s, "b'") || strings.HasPrefix(s, `b"`):
		return pyBytes(s[1:])
	case strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "'"):
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return nil, ErrNotBytes
		}
		return Bytes([]byte(s[1 : 1+end]))
	}
	tok := s
	if i := strings.IndexAny(tok, ",)}]"); i >= 0 {
		tok = tok[:i]
	}
	tok = strings.TrimSpace(tok)
	if strings.HasPrefix(tok, "Elided value too large") {
		return nil, ErrElided
	}
	if f := strings.Fields(tok); len(f) > 0 {
		if _, err := strconv.Atoi(f[0]); err == nil && (len(f) == 1 && len(f[0]) < 4 || len(f) > 1 && strings.HasPrefix(strings.ToLower(f[1]), "byte")) {
			return nil, ErrLengthOnly
		}
	}
	if isHexText(tok) {
		for _, l := range next {
			l, ok := continuation(l)
			if !ok {
				break
			}
			tok += l
		}
	}
	return Bytes([]byte(tok))
}

// continuation returns the hex of a continuation line: chip-tool writes a
// long octet string over several lines, the label of each further line
// replaced by as many dots ("    ...................: 0D01…").
func continuation(line string) (string, bool) {
	l := strings.TrimSpace(stripLogPrefix(line))
	if i := strings.IndexByte(l, ':'); i > 0 && strings.Trim(l[:i], ".") == "" {
		l = strings.TrimSpace(l[i+1:])
	} else {
		return "", false
	}
	return l, l != "" && isHexText(l)
}

// stripLogPrefix removes a chip-tool style "[time][pid] CHIP:TOO: " prefix.
func stripLogPrefix(l string) string {
	if i := strings.LastIndex(l, "CHIP:"); i >= 0 {
		rest := l[i+5:]
		if j := strings.IndexByte(rest, ':'); j >= 0 {
			return rest[j+1:]
		}
	}
	return l
}

func isHexText(s string) bool {
	n := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
			n++
		case c == ' ' || c == ':' || c == '\t':
		default:
			return false
		}
	}
	return n > 0
}

// pyBytes decodes the body of a Python bytes literal that starts with its
// quote character.
func pyBytes(s string) ([]byte, error) {
	q := s[0]
	var out []byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q:
			return out, nil
		case c != '\\':
			out = append(out, c)
			continue
		}
		if i+1 >= len(s) {
			break
		}
		i++
		switch s[i] {
		case 'x':
			if i+2 >= len(s) {
				return nil, fmt.Errorf("%w: truncated \\x escape", ErrNotBytes)
			}
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				return nil, fmt.Errorf("%w: bad \\x escape %q", ErrNotBytes, s[i-1:i+3])
			}
			out = append(out, byte(v))
			i += 2
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case '\\', '\'', '"':
			out = append(out, s[i])
		default:
			return nil, fmt.Errorf("%w: unknown escape \\%c", ErrNotBytes, s[i])
		}
	}
	return nil, fmt.Errorf("%w: unterminated bytes literal", ErrNotBytes)
}

// Bytes decodes one byte string given as hex (optionally "0x"/"hex:"
// prefixed, with spaces, colons or line breaks between digits) or base64
// (standard or URL alphabet, padded or not, optionally "base64:" prefixed).
// Text that is neither is an error; use Blob for files that may be binary.
func Bytes(b []byte) ([]byte, error) {
	s := strings.TrimSpace(string(b))
	switch {
	case strings.HasPrefix(s, "hex:"):
		return hexBytes(s[4:])
	case strings.HasPrefix(s, "base64:"):
		return base64Bytes(s[7:])
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		return hexBytes(s[2:])
	}
	if out, err := hexBytes(s); err == nil {
		return out, nil
	}
	if out, err := base64Bytes(s); err == nil {
		return out, nil
	}
	return nil, ErrNotBytes
}

// Hex decodes hex digits, optionally "0x"-prefixed and with spaces or
// colons between them.
func Hex(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		s = s[2:]
	}
	return hexBytes(s)
}

func hexBytes(s string) ([]byte, error) {
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == ':' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, s)
	if clean == "" {
		return nil, ErrNotBytes
	}
	out, err := hex.DecodeString(clean)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotBytes, err)
	}
	return out, nil
}

func base64Bytes(s string) ([]byte, error) {
	clean := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	if clean == "" {
		return nil, ErrNotBytes
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if out, err := enc.DecodeString(clean); err == nil {
			return out, nil
		}
	}
	return nil, ErrNotBytes
}

// Blob decodes a file holding one byte string: hex or base64 text as Bytes
// reads it, else the bytes themselves. format names what was found:
// "hex", "base64" or "binary".
func Blob(b []byte) (out []byte, format string, err error) {
	if len(b) == 0 {
		return nil, "", errors.New("empty")
	}
	if isText(b) {
		s := strings.TrimSpace(string(b))
		if out, err := hexBytes(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "hex:")); err == nil {
			return out, "hex", nil
		}
		if out, err := base64Bytes(strings.TrimPrefix(s, "base64:")); err == nil {
			return out, "base64", nil
		}
	}
	return b, "binary", nil
}

func isText(b []byte) bool {
	for _, c := range b {
		if c >= 0x7F || c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

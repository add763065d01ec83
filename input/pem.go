package input

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
)

var (
	pemBegin = []byte("-----BEGIN ")
	pemEnd   = []byte("-----END ")
)

// pemBlock is the block being read.
type pemBlock struct {
	typ       string
	off       int64
	line      int
	b64       []byte
	oversize  bool // more base64 than the size limit allows: discarding
	wrongType bool
	tryFast   bool   // the BEGIN line was just read: pemFast may take the body
	der       []byte // the body as pemFast decoded it; nil otherwise
}

// pem streams PEM blocks line by line. Text outside blocks is ignored; a
// line starting with -----BEGIN always starts a new block, so a block without
// an END line, or over the size limit, is reported and reading goes on at the
// next BEGIN line.
func (s *stream) pem() bool {
	limit := base64.StdEncoding.EncodedLen(s.max)
	var blk *pemBlock
	var scratch []byte
	lineStart := true
	lastLine := 0
	found := false
	mid := false // the piece starts inside a line
	// piece handles part of a line; atStart tells whether it starts one.
	piece := func(frag []byte, fragOff int64, lineNo int, atStart bool) bool {
		t := frag
		if atStart {
			t = trimBlanksLeft(frag)
		}
		switch {
		case atStart && bytes.HasPrefix(t, pemBegin):
			found = true
			prev := lineNo - 1
			if mid {
				prev = lineNo
			}
			if blk != nil && !s.pemUnended(blk, fragOff, prev, fmt.Sprintf("no END line before the BEGIN line at line %d", lineNo)) {
				return false
			}
			typ := pemLabel(t[len(pemBegin):])
			if blk == nil {
				blk = &pemBlock{b64: scratch[:0]}
			}
			wrong := !slices.Contains(s.types, typ)
			*blk = pemBlock{typ: typ, off: fragOff, line: lineNo, b64: blk.b64[:0], wrongType: wrong, tryFast: !wrong}
		case blk == nil:
		case atStart && bytes.HasPrefix(t, pemEnd):
			if !s.pemEnded(blk, pemLabel(t[len(pemEnd):]), lineNo) {
				return false
			}
			scratch, blk = blk.b64, nil
		case blk.oversize || blk.wrongType:
		case atStart && bytes.IndexByte(t, ':') >= 0:
			// RFC 1421 header line ("Proc-Type: 4,ENCRYPTED")
		default:
			blk.b64 = appendBase64(blk.b64, frag)
			if len(blk.b64) > limit {
				blk.oversize, blk.b64 = true, blk.b64[:0]
			}
		}
		return true
	}
	for {
		frag, err := s.br.ReadSlice('\n')
		fragOff, lineNo, atStart := s.off, s.line+1, lineStart
		s.off += int64(len(frag))
		lineStart = len(frag) > 0 && frag[len(frag)-1] == '\n'
		if lineStart {
			s.line++
		}
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			from := fragOff
			if blk != nil {
				from = blk.off
			}
			return s.readErr("pem", from, err)
		}
		if len(frag) > 0 {
			lastLine = lineNo
			// A BEGIN marker inside a line (a file cut mid-line, then
			// another appended) still starts a block. Most lines (base64)
			// have no '-' at all.
			if i := bytes.IndexByte(frag, '-'); i > 0 {
				i = bytes.Index(frag, pemBegin)
				if i > 0 && len(trimBlanksLeft(frag[:i])) > 0 {
					if !piece(frag[:i], fragOff, lineNo, atStart) {
						return false
					}
					frag, fragOff, atStart, mid = frag[i:], fragOff+int64(i), true, true
				}
			}
			ok := piece(frag, fragOff, lineNo, atStart)
			mid = false
			if !ok {
				return false
			}
			if blk != nil && blk.tryFast {
				blk.tryFast = false
				if lineStart && !s.lineByLine && s.pemFast(blk, limit) {
					lastLine = s.line
				}
			}
		}
		switch {
		case err == nil || err == bufio.ErrBufferFull:
			continue
		case blk != nil:
			return s.pemUnended(blk, s.off, lastLine, "no END line before the end of the input")
		case !found:
			return s.fail("pem", 0, KindFormat, nil, "no PEM block found")
		}
		return true
	}
}

// pemEndLine is an END line's start, after the newline that ends the line
// before it.
var pemEndLine = []byte("\n-----END ")

// pemFast takes the body of the block whose BEGIN line was just read, when
// all of it is buffered and plain: lines of base64 (ending in \n or \r\n)
// up to an END line at the start of a line. Go's base64 decoder skips
// exactly those newlines, so a body that decodes as a whole gives the bytes
// the line-by-line path would give it, without handling each line; any other
// body (headers, blanks, another BEGIN, not yet read in, too large, empty)
// fails to decode or is not tried, and is left to that path. It reports
// whether it took the body; the END line is then the next to read.
func (s *stream) pemFast(blk *pemBlock, limit int) bool {
	buf, _ := s.br.Peek(s.br.Buffered())
	end := bytes.Index(buf, pemEndLine)
	if end < 0 || end+1 > limit {
		return false
	}
	body := buf[:end+1]
	// The lines without their newlines (the decoder would skip them, but
	// more slowly than this copy): a line's final \r goes too; any other
	// byte stays, for the decoder to judge.
	b64 := blk.b64[:0]
	for rest := body; len(rest) > 0; {
		i := bytes.IndexByte(rest, '\n')
		line := rest[:i]
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		b64, rest = append(b64, line...), rest[i+1:]
	}
	blk.b64 = b64[:0]
	out := s.alloc(base64.StdEncoding.DecodedLen(len(b64)))
	n, err := base64.StdEncoding.Decode(out, b64)
	if err != nil || n == 0 || n > s.max {
		return false
	}
	blk.der = out[:n]
	s.off += int64(len(body))
	s.line += bytes.Count(body, []byte{'\n'})
	_, _ = s.br.Discard(len(body)) // buffered: it cannot fail
	s.fast++
	return true
}

// trimBlanksLeft is bytes.TrimLeft(b, " \t") without building a cut set
// for every line.
func trimBlanksLeft(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

// pemLabel is the label of a BEGIN or END line, after the marker.
func pemLabel(rest []byte) string {
	rest = bytes.TrimRight(rest, " \t\r\n")
	rest = bytes.TrimSuffix(rest, []byte("-----"))
	if string(rest) == "CERTIFICATE" {
		return "CERTIFICATE" // the label of nearly every block: no copy
	}
	return string(rest)
}

// appendBase64 appends the base64 characters of a body line.
func appendBase64(dst, line []byte) []byte {
	for len(line) > 0 {
		if c := line[len(line)-1]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			break
		}
		line = line[:len(line)-1]
	}
	if bytes.IndexByte(line, ' ') < 0 && bytes.IndexByte(line, '\t') < 0 && bytes.IndexByte(line, '\r') < 0 {
		return append(dst, line...)
	}
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			dst = append(dst, c)
		}
	}
	return dst
}

func (s *stream) pemItem(blk *pemBlock, end int64, endLine int) Item {
	return Item{Format: "pem", Offset: blk.off, End: end, Line: blk.line, EndLine: endLine}
}

// pemUnended reports a block that has no END line; the lines up to endLine
// are skipped.
func (s *stream) pemUnended(blk *pemBlock, end int64, endLine int, why string) bool {
	it := s.pemItem(blk, end, endLine)
	it.Err = &Error{Kind: KindFormat, Offset: blk.off, Problem: ErrTruncated,
		Msg: fmt.Sprintf("truncated PEM: %q block at line %d has %s; lines %d-%d skipped", blk.typ, blk.line, why, blk.line, endLine)}
	return s.put(it)
}

// pemEnded decodes a complete block.
func (s *stream) pemEnded(blk *pemBlock, endTyp string, endLine int) bool {
	it := s.pemItem(blk, s.off, endLine)
	bad := func(problem, err error, format string, a ...any) {
		it.Err = &Error{Kind: KindFormat, Offset: blk.off, Problem: problem, Err: err, Msg: fmt.Sprintf(format, a...)}
	}
	lines := func() string { return fmt.Sprintf("lines %d-%d", blk.line, endLine) }
	switch {
	case blk.typ != endTyp:
		bad(nil, nil, "PEM BEGIN %q does not match END %q (%s)", blk.typ, endTyp, lines())
	case blk.wrongType:
		bad(nil, nil, "PEM block is %q, not a %s%s", blk.typ, s.types[0], pemKindHint(blk.typ))
	case blk.oversize:
		bad(ErrTooLarge, nil, "PEM block larger than the %d-byte limit; %s skipped", s.max, lines())
	case blk.der != nil:
		it.DER = blk.der
	default:
		out := s.alloc(base64.StdEncoding.DecodedLen(len(blk.b64)))
		n, err := base64.StdEncoding.Decode(out, blk.b64)
		switch {
		case err != nil:
			bad(nil, err, "invalid base64 in PEM block (%s)", lines())
		case n == 0:
			bad(nil, nil, "empty PEM block (%s)", lines())
		case n > s.max:
			bad(ErrTooLarge, nil, "PEM block of %d bytes exceeds the %d-byte limit; %s skipped", n, s.max, lines())
		default:
			it.DER = out[:n]
		}
	}
	return s.put(it)
}

// pemKindHint names the command for a PEM label another command reads.
func pemKindHint(label string) string {
	if k := kindOfLabel(label); k != KindUnknown {
		return ": " + k.Hint()
	}
	return ""
}

// decodeText decodes hex or base64 text (whitespace ignored; an optional 0x
// prefix on hex).
func decodeText(data []byte) ([]byte, string, error) {
	compact := make([]byte, 0, len(data))
	for _, c := range data {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			compact = append(compact, c)
		}
	}
	s := compact
	if bytes.HasPrefix(s, []byte("0x")) || bytes.HasPrefix(s, []byte("0X")) {
		s = s[2:]
	}
	if isHex(s) && len(s)%2 == 0 && len(s) > 0 {
		out := make([]byte, len(s)/2)
		if _, err := hex.Decode(out, s); err == nil {
			return out, "hex", nil
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		out := make([]byte, enc.DecodedLen(len(compact)))
		if n, err := enc.Decode(out, compact); err == nil && n > 0 {
			return out[:n], "base64", nil
		}
	}
	return nil, "", errors.New("not PEM, DER, hex or base64")
}

// isText reports whether b looks like ASCII text rather than binary DER,
// whose length octets of a certificate are ≥ 0x80.
func isText(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
			return false
		}
	}
	return true
}

// isEncodedText reports whether b holds only hex or base64 characters and
// whitespace: a hex or base64 file rather than PEM with explanatory text.
func isEncodedText(b []byte) bool {
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c == '+' || c == '/' || c == '=' || c == '-' || c == '_':
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		default:
			return false
		}
	}
	return true
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

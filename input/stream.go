package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
)

// stream reads one source. Every item it emits gets the next index, and
// every byte it consumes is counted in off (and, in PEM, every line in line).
type stream struct {
	name  string
	br    *bufio.Reader
	emit  func(Item) bool
	max   int
	types []string
	idx   int
	off   int64
	line  int
	dead  bool // the source is done: a read error, or nothing in it
	quit  bool // emit returned false
	slab  []byte
	// lineByLine turns pemFast off (the tests compare both paths); fast
	// counts the blocks pemFast took.
	lineByLine bool
	fast       int
}

// slabSize is the size of the pieces of memory decoded objects are carved
// from: one allocation for a few dozen certificates instead of one each.
const slabSize = 32 << 10

// alloc returns n bytes for a decoded object: a piece of the current slab
// (capped, so that appending to it never reaches its neighbour), or its own
// allocation when n is a large part of a slab.
func (s *stream) alloc(n int) []byte {
	if n > slabSize/4 {
		return make([]byte, n)
	}
	if cap(s.slab)-len(s.slab) < n {
		s.slab = make([]byte, 0, slabSize)
	}
	l := len(s.slab)
	s.slab = s.slab[:l+n]
	return s.slab[l : l+n : l+n]
}

// put emits an item at the next index.
func (s *stream) put(it Item) bool {
	it.Source, it.Index = s.name, s.idx
	if it.Err != nil {
		it.Err.Source, it.Err.Index = s.name, s.idx
		it.Err.Line, it.Err.EndLine = it.Line, it.EndLine
	}
	s.idx++
	s.quit = !s.emit(it)
	return !s.quit
}

// fail emits an item for the bytes [from, s.off) that could not be read as
// an object.
func (s *stream) fail(format string, from int64, kind Kind, problem error, msg string, a ...any) bool {
	return s.put(Item{Format: format, Offset: from, End: s.off,
		Err: &Error{Kind: kind, Offset: from, Msg: fmt.Sprintf(msg, a...), Problem: problem}})
}

// whole emits the one item of a source that holds no object at all.
func (s *stream) whole(kind Kind, msg string) bool {
	s.dead = true
	s.quit = !s.emit(Item{Source: s.name, Index: -1, Err: &Error{Source: s.name, Index: -1, Kind: kind, Offset: -1, Msg: msg}})
	return !s.quit
}

// readErr emits the I/O error that ended the source at s.off.
func (s *stream) readErr(format string, from int64, err error) bool {
	where := fmt.Sprintf("read error at byte %d", s.off)
	if format == "pem" {
		where += fmt.Sprintf(" (line %d)", s.line+1)
	}
	if from < s.off {
		where += fmt.Sprintf("; the object starting at byte %d is lost", from)
	}
	it := Item{Format: format, Offset: from, End: s.off, Err: &Error{Kind: KindIO, Offset: s.off, Msg: where + "; the rest of the source is not read", Err: err}}
	s.dead = true
	return s.put(it)
}

// sniff returns the first bytes of the source: as soon as they tell PEM
// or DER apart (so that a pipe is streamed), else up to a buffer's worth.
func (s *stream) sniff() ([]byte, error) {
	n := 1
	for {
		_, err := s.br.Peek(n)
		head, _ := s.br.Peek(s.br.Buffered())
		if err != nil || len(head) >= s.br.Size() || bytes.Contains(head, pemBegin) || !isText(head) {
			return head, err
		}
		n = len(head) + 1
	}
}

func (s *stream) run() bool {
	head, err := s.sniff()
	if err != nil && err != io.EOF && len(head) == 0 {
		return s.readErr("", 0, err)
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case len(trimmed) == 0 && err != nil:
		if err != io.EOF {
			s.off = int64(len(head))
			return s.readErr("", 0, err)
		}
		return s.whole(KindFormat, "empty input")
	case bytes.Contains(head, pemBegin):
		return s.pem()
	case !isText(head):
		return s.der("der")
	case isEncodedText(trimmed):
		return s.text()
	}
	return s.pem()
}

// text reads a hex or base64 file whole (up to MaxTextSize) and decodes it.
func (s *stream) text() bool {
	data, err := io.ReadAll(io.LimitReader(s.br, MaxTextSize+1))
	s.off = int64(len(data))
	if err != nil {
		return s.readErr("", 0, err)
	}
	if len(data) > MaxTextSize {
		return s.fail("", 0, KindFormat, ErrTooLarge, "hex or base64 input larger than the %d-byte limit (%d MiB)", MaxTextSize, MaxTextSize>>20)
	}
	der, format, derr := decodeText(data)
	if derr != nil {
		if bytes.Contains(data, pemBegin) {
			s.br, s.off = bufio.NewReaderSize(bytes.NewReader(data), 64<<10), 0
			return s.pem()
		}
		return s.whole(KindFormat, derr.Error())
	}
	s.br, s.off = bufio.NewReaderSize(bytes.NewReader(der), 64<<10), 0
	return s.der(format)
}

// der reads concatenated DER elements. Bytes that do not start an element
// are reported as one item up to the next plausible SEQUENCE; an element over
// the size limit is skipped by its declared length without being held.
func (s *stream) der(format string) bool {
	for {
		start := s.off
		hdr, err := s.br.Peek(16)
		if len(hdr) == 0 {
			switch {
			case err != nil && err != io.EOF:
				return s.readErr(format, start, err)
			case s.idx == 0:
				return s.whole(KindFormat, "empty input")
			}
			return true
		}
		n, ok := elementLength(hdr)
		switch {
		case !ok && err != nil && err != io.EOF:
			d, _ := s.br.Discard(len(hdr))
			s.off += int64(d)
			return s.readErr(format, start, err)
		case !ok:
			if !s.skipJunk(format, start, notElement(hdr)) || s.dead {
				return !s.quit
			}
			continue
		}
		if n > s.max {
			d, derr := s.br.Discard(n)
			s.off += int64(d)
			switch {
			case derr != nil && derr != io.EOF:
				return s.readErr(format, start, derr)
			case d < n:
				return s.fail(format, start, KindFormat, ErrTruncated, "element at byte %d declares %d bytes, more than the %d-byte limit, and only %d are present", start, n, s.max, d)
			}
			if !s.fail(format, start, KindFormat, ErrTooLarge, "element at byte %d of %d bytes exceeds the %d-byte limit; skipped", start, n, s.max) {
				return false
			}
			continue
		}
		buf, err := s.readN(n)
		switch {
		case err == io.ErrUnexpectedEOF:
			return s.fail(format, start, KindFormat, ErrTruncated, "truncated: element at byte %d declares %d bytes, only %d present", start, n, len(buf))
		case err != nil:
			return s.readErr(format, start, err)
		}
		buf = s.trailing(buf)
		if !s.put(Item{Format: format, Offset: start, End: s.off, DER: buf}) {
			return false
		}
	}
}

// readN reads n bytes; the buffer grows as they arrive, so that a length
// that lies costs no more memory than the bytes that are there.
func (s *stream) readN(n int) ([]byte, error) {
	buf := make([]byte, 0, min(n, 64<<10))
	for len(buf) < n {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(n-len(buf), len(buf)))
		}
		m, err := s.br.Read(buf[len(buf):min(cap(buf), n)])
		buf = buf[:len(buf)+m]
		s.off += int64(m)
		if err == io.EOF {
			return buf, io.ErrUnexpectedEOF
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// trailing appends to the element just read the bytes that end the source
// after it when they cannot start another element (the decoder reports them
// as the certificate's trailing data, as the SDK rejects such a file). Bytes
// followed by another element are stray and become their own item.
func (s *stream) trailing(buf []byte) []byte {
	win, err := s.br.Peek(s.br.Size())
	if len(win) == 0 || win[0] == 0x30 || err != io.EOF {
		return buf
	}
	for i := 1; i < len(win); i++ {
		if win[i] == 0x30 && plausible(win[i:]) {
			return buf
		}
	}
	if len(buf)+len(win) > s.max {
		return buf
	}
	buf = append(buf, win...)
	d, _ := s.br.Discard(len(win))
	s.off += int64(d)
	return buf
}

// skipJunk consumes bytes from start up to the next plausible DER SEQUENCE
// (or the end) and reports them as one item.
func (s *stream) skipJunk(format string, start int64, why string) bool {
	const tail = 15 // enough for the two headers plausible looks at
	first := true
	for {
		win, err := s.br.Peek(s.br.Size())
		eof := err != nil
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			d, _ := s.br.Discard(len(win))
			s.off += int64(d)
			return s.readErr(format, start, err)
		}
		from := 0
		if first {
			from = 1 // the first byte is known not to start an element
		}
		first = false
		found := -1
		for i := from; i < len(win); i++ {
			if win[i] == 0x30 && plausible(win[i:]) {
				found = i
				break
			}
		}
		if found < 0 {
			n := len(win)
			if !eof {
				n = max(len(win)-tail, 1)
			}
			d, _ := s.br.Discard(n)
			s.off += int64(d)
			if eof && d == len(win) {
				break
			}
			continue
		}
		d, _ := s.br.Discard(found)
		s.off += int64(d)
		break
	}
	_, err := s.br.Peek(1)
	if start == 0 && err == io.EOF && s.idx == 0 {
		return s.whole(KindFormat, "not PEM, DER, hex or base64")
	}
	return s.fail(format, start, KindFormat, ErrStray, "%d bytes at byte %d are not a DER element (%s); skipped up to the next SEQUENCE", s.off-start, start, why)
}

// elementLength returns the total length of the DER SEQUENCE starting hdr.
func elementLength(hdr []byte) (int, bool) {
	if len(hdr) < 2 || hdr[0] != 0x30 {
		return 0, false
	}
	n, hl, ok := derLen(hdr[1:], false)
	return 1 + hl + n, ok
}

// notElement says why hdr does not start a DER SEQUENCE.
func notElement(hdr []byte) string {
	switch {
	case hdr[0] != 0x30:
		return fmt.Sprintf("first byte 0x%02X is not a SEQUENCE", hdr[0])
	case len(hdr) < 2:
		return "truncated DER header"
	case hdr[1] == 0x80:
		return "indefinite-length (BER) encoding is not DER"
	}
	return "DER length field too long or truncated"
}

// derLen decodes a DER length: its value and the octets it takes. Strict
// refuses non-minimal encodings.
func derLen(b []byte, strict bool) (n, octets int, ok bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	l := int(b[0])
	if l < 0x80 {
		return l, 1, true
	}
	nb := l & 0x7f
	if nb == 0 || nb > 4 || len(b) < 1+nb {
		return 0, 0, false
	}
	for _, c := range b[1 : 1+nb] {
		n = n<<8 | int(c)
	}
	if strict && (b[1] == 0 || n < 0x80) {
		return 0, 0, false
	}
	return n, 1 + nb, true
}

// plausible reports whether b starts a SEQUENCE whose first element is a
// SEQUENCE (certificate, CRL, CSR), an OID (CMS) or an INTEGER (keys,
// PKCS#12) that fits inside it: where to resynchronise after stray bytes.
func plausible(b []byte) bool {
	n, hl, ok := derLen(b[1:], true)
	if !ok || len(b) < 1+hl+2 || n < 2 {
		return false
	}
	inner := b[1+hl:]
	if inner[0] != 0x30 && inner[0] != 0x06 && inner[0] != 0x02 {
		return false
	}
	m, ihl, ok := derLen(inner[1:], true)
	return ok && 1+ihl+m <= n
}

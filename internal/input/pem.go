package input

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
)

var (
	pemBegin = []byte("-----BEGIN ")
	pemEnd   = []byte("-----END ")
	pemDash  = []byte("-----")
)

// readPEM streams the PEM blocks of br. Text outside blocks is ignored.
// Memory stays bounded by the size of one block and the read buffer.
func readPEM(name string, br *bufio.Reader, types []string, emit func(Item) bool) bool {
	const chunk = 256 << 10
	buf := make([]byte, 0, chunk)
	eof := false
	fill := func() {
		if eof {
			return
		}
		if cap(buf)-len(buf) < chunk/2 {
			nb := make([]byte, len(buf), 2*cap(buf))
			copy(nb, buf)
			buf = nb
		}
		n, err := br.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			eof = true
		} else if err != nil {
			eof = true
		}
	}
	idx := 0
	var scratch []byte
	for {
		i := bytes.Index(buf, pemBegin)
		if i < 0 {
			if eof {
				if idx == 0 {
					return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindFormat, Msg: "no PEM block found"}})
				}
				return true
			}
			// keep a tail that could hold the start of a BEGIN marker
			if k := len(buf) - len(pemBegin); k > 0 {
				buf = append(buf[:0], buf[k:]...)
			}
			fill()
			continue
		}
		buf = append(buf[:0], buf[i:]...)
		// find the end of the END line
		endAt := -1
		var typ, endTyp []byte
		var body []byte
		for {
			if lineEnd := bytes.IndexByte(buf, '\n'); lineEnd >= 0 || eof {
				if lineEnd < 0 {
					lineEnd = len(buf)
				}
				hdr := bytes.TrimRight(buf[len(pemBegin):lineEnd], "\r \t")
				typ = bytes.TrimSuffix(hdr, pemDash)
				if e := bytes.Index(buf[lineEnd:], pemEnd); e >= 0 {
					e += lineEnd
					if le := bytes.IndexByte(buf[e:], '\n'); le >= 0 || eof {
						if le < 0 {
							le = len(buf) - e
						}
						endTyp = bytes.TrimSuffix(bytes.TrimRight(buf[e+len(pemEnd):e+le], "\r \t"), pemDash)
						body = buf[lineEnd:e]
						endAt = e + le
						break
					}
				}
				if eof {
					break
				}
			}
			if len(buf) > MaxObjectSize {
				return emit(Item{Source: name, Index: idx, Format: "pem", Err: &Error{Source: name, Index: idx, Kind: KindFormat,
					Msg: fmt.Sprintf("PEM block larger than %d bytes", MaxObjectSize)}})
			}
			fill()
		}
		if endAt < 0 {
			return emit(Item{Source: name, Index: idx, Format: "pem", Err: &Error{Source: name, Index: idx, Kind: KindFormat,
				Msg: fmt.Sprintf("truncated PEM: %q block has no END line", typ)}})
		}
		it := Item{Source: name, Index: idx, Format: "pem"}
		switch {
		case !bytes.Equal(typ, endTyp):
			it.Err = &Error{Source: name, Index: idx, Kind: KindFormat, Msg: fmt.Sprintf("PEM BEGIN %q does not match END %q", typ, endTyp)}
		case !hasType(types, typ):
			it.Err = &Error{Source: name, Index: idx, Kind: KindFormat, Msg: fmt.Sprintf("PEM block is %q, not a %s", typ, types[0])}
		default:
			var der []byte
			var err error
			der, scratch, err = decodePEMBody(body, scratch)
			switch {
			case err != nil:
				it.Err = &Error{Source: name, Index: idx, Kind: KindFormat, Msg: "invalid base64 in PEM block", Err: err}
			case len(der) == 0:
				it.Err = &Error{Source: name, Index: idx, Kind: KindFormat, Msg: "empty PEM block"}
			default:
				it.DER = der
			}
		}
		if !emit(it) {
			return false
		}
		idx++
		buf = append(buf[:0], buf[endAt:]...)
	}
}

func hasType(types []string, t []byte) bool {
	for _, c := range types {
		if string(t) == c {
			return true
		}
	}
	return false
}

// decodePEMBody decodes the base64 lines of a PEM body, skipping RFC 1421
// header lines ("Key: value"). scratch is reused between calls.
func decodePEMBody(body, scratch []byte) ([]byte, []byte, error) {
	scratch = scratch[:0]
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		if bytes.IndexByte(line, ':') >= 0 {
			continue
		}
		for _, c := range line {
			if c != ' ' && c != '\t' && c != '\r' {
				scratch = append(scratch, c)
			}
		}
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(scratch)))
	n, err := base64.StdEncoding.Decode(out, scratch)
	if err != nil {
		return nil, scratch, err
	}
	return out[:n], scratch, nil
}

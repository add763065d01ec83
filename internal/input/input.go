// Package input reads certificates from files, directories and standard
// input, in PEM (bundles of any size), DER (one or several concatenated
// elements), hex or base64, detected by content. Every item carries its
// provenance: the source name and the index of the object in it.
package input

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Limits on input sizes.
const (
	// MaxObjectSize is the largest single PEM block or DER element read.
	MaxObjectSize = 1 << 20
	// MaxTextSize is the largest hex or base64 file read.
	MaxTextSize = 64 << 20
)

// Kind classifies input errors.
type Kind uint8

const (
	// KindIO: the source could not be read (missing file, permissions).
	KindIO Kind = iota + 1
	// KindFormat: the content is not an encoded certificate.
	KindFormat
)

// Sentinel errors, wrapped by *Error.
var (
	ErrIO        = errors.New("cannot read input")
	ErrNotObject = errors.New("not an encoded certificate")
)

// Error is a problem with one source, or with one object in it (Index ≥ 0).
type Error struct {
	Source string
	Index  int // -1 when the whole source is affected
	Kind   Kind
	Msg    string
	Err    error // underlying error, if any
}

func (e *Error) Error() string {
	where := e.Source
	if e.Index >= 0 {
		where += fmt.Sprintf(" [%d]", e.Index)
	}
	if e.Err != nil {
		return where + ": " + e.Msg + ": " + e.Err.Error()
	}
	return where + ": " + e.Msg
}

// Unwrap returns ErrIO or ErrNotObject and the underlying error.
func (e *Error) Unwrap() []error {
	base := ErrNotObject
	if e.Kind == KindIO {
		base = ErrIO
	}
	if e.Err != nil {
		return []error{base, e.Err}
	}
	return []error{base}
}

// Item is one object read from a source. Exactly one of DER and Err is set.
type Item struct {
	Source string
	Index  int    // position in the source: PEM block or DER element number, from 0
	Format string // "pem", "der", "hex" or "base64"
	DER    []byte
	Err    *Error
}

// Reader reads sources. The zero value reads nothing from stdin.
type Reader struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Extensions are the file name extensions read when walking a directory
	// (explicitly named files are always read). Nil means DefaultExtensions.
	Extensions []string
	// PEMTypes are the PEM labels read; other blocks are reported as not
	// holding the expected object. Nil means CertificateTypes.
	PEMTypes []string
}

// PEM labels of certificates and CRLs.
var (
	CertificateTypes = []string{"CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE"}
	CRLTypes         = []string{"X509 CRL", "CRL"}
)

// DefaultExtensions are the file types read when walking directories.
var DefaultExtensions = []string{".pem", ".der", ".crt", ".cer", ".cert"}

// Read reads every path in order and calls emit for every object and every
// error, in input order. Directories are walked recursively in lexical order.
// Read stops early when emit returns false.
func (r *Reader) Read(paths []string, emit func(Item) bool) {
	for _, p := range paths {
		if !r.readPath(p, emit) {
			return
		}
	}
}

func (r *Reader) readPath(p string, emit func(Item) bool) bool {
	if p == "-" {
		if r.Stdin == nil {
			return emit(Item{Source: "-", Err: &Error{Source: "-", Index: -1, Kind: KindIO, Msg: "no standard input"}})
		}
		return readStream("-", r.Stdin, r.PEMTypes, emit)
	}
	st, err := os.Stat(p)
	if err != nil {
		return emit(Item{Source: p, Err: &Error{Source: p, Index: -1, Kind: KindIO, Msg: "cannot open", Err: unwrapPathError(err)}})
	}
	if !st.IsDir() {
		return r.readFile(p, emit)
	}
	exts := r.Extensions
	if exts == nil {
		exts = DefaultExtensions
	}
	cont := true
	werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			cont = emit(Item{Source: path, Err: &Error{Source: path, Index: -1, Kind: KindIO, Msg: "cannot read directory", Err: unwrapPathError(err)}})
		} else if d.Type().IsRegular() && hasExt(path, exts) {
			cont = r.readFile(path, emit)
		}
		if !cont {
			return fs.SkipAll
		}
		return nil
	})
	_ = werr // WalkDir errors are all reported through the callback
	return cont
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func hasExt(p string, exts []string) bool {
	e := strings.ToLower(filepath.Ext(p))
	for _, x := range exts {
		if e == x {
			return true
		}
	}
	return false
}

func (r *Reader) readFile(p string, emit func(Item) bool) bool {
	f, err := os.Open(p)
	if err != nil {
		return emit(Item{Source: p, Err: &Error{Source: p, Index: -1, Kind: KindIO, Msg: "cannot open", Err: unwrapPathError(err)}})
	}
	defer f.Close()
	return readStream(p, f, r.PEMTypes, emit)
}

// ReadStream reads certificates from one source, detecting the format by
// content.
func ReadStream(name string, rd io.Reader, emit func(Item) bool) bool {
	return readStream(name, rd, nil, emit)
}

// ReadStreamTypes is ReadStream for PEM blocks with the given labels.
func ReadStreamTypes(name string, rd io.Reader, pemTypes []string, emit func(Item) bool) bool {
	return readStream(name, rd, pemTypes, emit)
}

func readStream(name string, rd io.Reader, pemTypes []string, emit func(Item) bool) bool {
	if pemTypes == nil {
		pemTypes = CertificateTypes
	}
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindIO, Msg: "read error", Err: err}})
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case len(trimmed) == 0 && len(head) < 4096:
		return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindFormat, Msg: "empty input"}})
	case bytes.Contains(head, []byte("-----BEGIN ")):
		return readPEM(name, br, pemTypes, emit)
	case head[0] == 0x30 && !isText(head):
		return readDER(name, br, "der", emit)
	}
	data, err := io.ReadAll(io.LimitReader(br, MaxTextSize+1))
	if err != nil {
		return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindIO, Msg: "read error", Err: err}})
	}
	if len(data) > MaxTextSize {
		return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindFormat, Msg: fmt.Sprintf("text input larger than %d MiB", MaxTextSize>>20)}})
	}
	der, format, derr := decodeText(data)
	if derr != nil {
		return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindFormat, Msg: derr.Error()}})
	}
	return readDER(name, bufio.NewReader(bytes.NewReader(der)), format, emit)
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

// isText reports whether b looks like ASCII text (hex or base64 with line
// breaks) rather than binary DER, whose length octets of a certificate are
// ≥ 0x80.
func isText(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
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

// readDER reads concatenated DER elements.
func readDER(name string, br *bufio.Reader, format string, emit func(Item) bool) bool {
	for idx := 0; ; idx++ {
		hdr, _ := br.Peek(6)
		if len(hdr) == 0 {
			if idx == 0 {
				return emit(Item{Source: name, Err: &Error{Source: name, Index: -1, Kind: KindFormat, Msg: "empty input"}})
			}
			return true
		}
		n, msg := derLength(hdr)
		if msg == "" && n > MaxObjectSize {
			msg = fmt.Sprintf("element of %d bytes exceeds the %d-byte limit", n, MaxObjectSize)
		}
		if msg != "" {
			return emit(Item{Source: name, Index: idx, Format: format, Err: &Error{Source: name, Index: idx, Kind: KindFormat, Msg: msg}})
		}
		buf := make([]byte, n)
		got, err := io.ReadFull(br, buf)
		if err != nil {
			if got > 0 && (err == io.ErrUnexpectedEOF || err == io.EOF) {
				return emit(Item{Source: name, Index: idx, Format: format, Err: &Error{Source: name, Index: idx, Kind: KindFormat,
					Msg: fmt.Sprintf("truncated: element declares %d bytes, only %d present", n, got)}})
			}
			return emit(Item{Source: name, Index: idx, Format: format, Err: &Error{Source: name, Index: idx, Kind: KindIO, Msg: "read error", Err: err}})
		}
		// Bytes that cannot start another element are trailing data of this
		// one: keep them with it so that the linter reports them.
		if next, _ := br.Peek(1); len(next) == 1 && next[0] != 0x30 {
			rest, err := io.ReadAll(io.LimitReader(br, MaxObjectSize))
			if err != nil {
				return emit(Item{Source: name, Index: idx, Format: format, Err: &Error{Source: name, Index: idx, Kind: KindIO, Msg: "read error", Err: err}})
			}
			buf = append(buf, rest...)
		}
		if !emit(Item{Source: name, Index: idx, Format: format, DER: buf}) {
			return false
		}
	}
}

// derLength returns the total length of the DER element starting in hdr.
func derLength(hdr []byte) (int, string) {
	if hdr[0] != 0x30 {
		return 0, fmt.Sprintf("does not start with a DER SEQUENCE (first byte 0x%02X)", hdr[0])
	}
	if len(hdr) < 2 {
		return 0, "truncated DER header"
	}
	l := int(hdr[1])
	if l < 0x80 {
		return 2 + l, ""
	}
	nb := l & 0x7f
	if nb == 0 {
		return 0, "indefinite-length (BER) encoding is not DER"
	}
	if nb > 4 || len(hdr) < 2+nb {
		return 0, "DER length field too long or truncated"
	}
	v := 0
	for _, b := range hdr[2 : 2+nb] {
		v = v<<8 | int(b)
	}
	return 2 + nb + v, ""
}

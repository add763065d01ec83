// Package input reads certificates, CRLs and CMS objects from files,
// directories and standard input, in PEM (bundles of any size), DER (one or
// several concatenated elements), hex or base64, detected by content.
//
// Nothing given to a Reader is lost: every object, every malformed block,
// every run of bytes that is not an object, every read error and every
// directory entry that is not read is delivered as exactly one Item, with the
// source name, the item's index in the source and its byte range (and, for
// PEM, its line range). Memory stays bounded by the size of one object: PEM
// and DER are streamed, oversize objects are skipped without being held.
package input

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/matterlint/matterlint/matterext"
)

// Limits on what a Reader reads. An object over its limit is reported (and
// skipped) instead of being held in memory.
const (
	// MaxCertificateSize is the largest certificate (DER) read.
	MaxCertificateSize = matterext.MaxCertificateSize
	// MaxCMSSize is the largest CMS object (a Certification Declaration) read.
	MaxCMSSize = matterext.MaxCMSSize
	// MaxCRLSize is the largest CRL read.
	MaxCRLSize = matterext.MaxCRLSize
	// MaxTextSize is the largest hex or base64 file read (it is decoded whole).
	MaxTextSize = 64 << 20
	// MaxJSONSize is the largest JSON input (revocation set, revocation
	// points, dataURL map) read by ReadFileLimit's callers.
	MaxJSONSize = 48 << 20
)

// Kind classifies input errors.
type Kind uint8

const (
	// KindIO: the source, or part of it, could not be read (missing file,
	// permissions, a read error, a directory entry that is not a regular file).
	KindIO Kind = iota + 1
	// KindFormat: the content is not an encoded object of the expected kind.
	KindFormat
)

// Sentinel errors, wrapped by *Error (and *TooLargeError).
var (
	// ErrIO: the source could not be read.
	ErrIO = errors.New("cannot read input")
	// ErrNotObject: the bytes are not an encoded object of the expected kind.
	ErrNotObject = errors.New("not an encoded certificate")
	// ErrTooLarge: an object or file exceeds its size limit.
	ErrTooLarge = errors.New("input too large")
	// ErrTruncated: an object ends before its declared length or END line.
	ErrTruncated = errors.New("truncated object")
	// ErrStray: bytes between objects that are not an object themselves.
	ErrStray = errors.New("stray bytes between objects")
)

// Error is a problem with one source, or with one object in it (Index ≥ 0).
type Error struct {
	Source string
	Index  int // -1 when the whole source is affected
	Kind   Kind
	// Offset is the byte offset of the problem in the source (in the decoded
	// bytes for hex and base64 input); -1 when unknown.
	Offset int64
	// Line and EndLine are the PEM lines (from 1) the item covers; 0 for
	// other formats.
	Line, EndLine int
	Msg           string
	// Problem is what is wrong, for errors.Is: ErrTooLarge, ErrTruncated,
	// ErrStray or nil. It is not part of the message.
	Problem error
	Err     error // underlying error, if any
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

// Unwrap returns ErrIO or ErrNotObject, the Problem and the underlying
// error.
func (e *Error) Unwrap() []error {
	out := []error{ErrNotObject}
	if e.Kind == KindIO {
		out[0] = ErrIO
	}
	for _, err := range []error{e.Problem, e.Err} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// Item is one object read from a source, or one problem. Exactly one of DER
// and Err is set.
type Item struct {
	Source string
	Index  int    // position in the source, from 0: every item of a source gets the next index
	Format string // "pem", "der", "hex" or "base64"
	// Offset and End delimit the bytes of the source the item covers (for
	// hex and base64 input, of the decoded bytes); End is 0 for an item that
	// concerns the whole source.
	Offset, End int64
	// Line and EndLine are the PEM lines (from 1) the item covers.
	Line, EndLine int
	DER           []byte
	Err           *Error
}

// Reader reads sources. The zero value reads certificates (PEM labels
// CertificateTypes, MaxCertificateSize, DefaultExtensions) and has no
// standard input.
type Reader struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Extensions are the file name extensions read when walking a directory
	// (explicitly named files are always read). Nil means DefaultExtensions.
	Extensions []string
	// PEMTypes are the PEM labels read; other blocks are reported as not
	// holding the expected object. Nil means CertificateTypes.
	PEMTypes []string
	// MaxObjectSize caps one object; 0 means MaxCertificateSize.
	MaxObjectSize int
	// Ignored, when set, is told about each regular file a directory walk
	// does not read because of its extension.
	Ignored func(path string)
}

// CertificateTypes returns the PEM labels of certificates.
func CertificateTypes() []string {
	return []string{"CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE"}
}

// CRLTypes returns the PEM labels of CRLs.
func CRLTypes() []string { return []string{"X509 CRL", "CRL"} }

// DefaultExtensions returns the file types read when walking directories.
func DefaultExtensions() []string { return []string{".pem", ".der", ".crt", ".cer", ".cert"} }

// ForCRLs returns a Reader of CRLs (PEM "X509 CRL", up to MaxCRLSize).
func ForCRLs(stdin io.Reader) *Reader {
	return &Reader{Stdin: stdin, PEMTypes: CRLTypes(), MaxObjectSize: MaxCRLSize, Extensions: []string{".crl", ".pem", ".der"}}
}

// ForCMS returns a Reader of CMS objects such as Certification Declarations
// (DER, hex or base64, up to MaxCMSSize).
func ForCMS(stdin io.Reader) *Reader {
	return &Reader{Stdin: stdin, PEMTypes: []string{"CMS", "PKCS7"}, MaxObjectSize: MaxCMSSize,
		Extensions: []string{".der", ".cd", ".bin", ".hex", ".b64", ".txt"}}
}

func (r *Reader) maxObject() int {
	if r.MaxObjectSize > 0 {
		return r.MaxObjectSize
	}
	return MaxCertificateSize
}

func (r *Reader) pemTypes() []string {
	if r.PEMTypes != nil {
		return r.PEMTypes
	}
	return CertificateTypes()
}

// Read reads every path in order and calls emit for every object and every
// error, in input order. Directories are walked recursively in lexical order,
// following symbolic links; every entry not read is reported. Read stops
// early when emit returns false.
func (r *Reader) Read(paths []string, emit func(Item) bool) {
	for _, p := range paths {
		if !r.readPath(p, emit) {
			return
		}
	}
}

func sourceError(src string, msg string, err error) Item {
	return Item{Source: src, Index: -1, Err: &Error{Source: src, Index: -1, Kind: KindIO, Offset: -1, Msg: msg, Err: unwrapPathError(err)}}
}

func (r *Reader) readPath(p string, emit func(Item) bool) bool {
	if p == "-" {
		if r.Stdin == nil {
			return emit(sourceError("-", "no standard input", nil))
		}
		return r.ReadStream("-", r.Stdin, emit)
	}
	st, err := os.Stat(p)
	if err != nil {
		return emit(sourceError(p, "cannot open", err))
	}
	if !st.IsDir() {
		return r.readFile(p, emit)
	}
	return r.walk(p, []os.FileInfo{st}, emit)
}

// walk reads directory dir; ancestors are the directories being walked
// (dir included), for loop detection.
func (r *Reader) walk(dir string, ancestors []os.FileInfo, emit func(Item) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return emit(sourceError(dir, "cannot read directory", err))
	}
	exts := r.Extensions
	if exts == nil {
		exts = DefaultExtensions()
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		mode := e.Type()
		var info os.FileInfo
		if mode&fs.ModeSymlink != 0 {
			if info, err = os.Stat(p); err != nil {
				if !emit(sourceError(p, "not read: broken symbolic link", err)) {
					return false
				}
				continue
			}
			mode = info.Mode().Type()
		}
		cont := true
		switch {
		case mode.IsDir():
			if info == nil {
				info, err = e.Info()
			}
			if err != nil {
				cont = emit(sourceError(p, "cannot read directory", err))
				break
			}
			if i := slices.IndexFunc(ancestors, func(a os.FileInfo) bool { return os.SameFile(a, info) }); i >= 0 {
				cont = emit(sourceError(p, "not read: symbolic link loop (it leads back to a directory being read)", nil))
				break
			}
			cont = r.walk(p, append(ancestors, info), emit)
		case mode.IsRegular():
			if hasExt(p, exts) {
				cont = r.readFile(p, emit)
			} else if r.Ignored != nil {
				r.Ignored(p)
			}
		default:
			cont = emit(sourceError(p, "not read: "+describeMode(mode)+", not a regular file", nil))
		}
		if !cont {
			return false
		}
	}
	if err != nil {
		return emit(sourceError(dir, "cannot read the whole directory", err))
	}
	return true
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file (" + m.String() + ")"
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func hasExt(p string, exts []string) bool {
	return slices.Contains(exts, strings.ToLower(filepath.Ext(p)))
}

func (r *Reader) readFile(p string, emit func(Item) bool) bool {
	f, err := os.Open(p)
	if err != nil {
		return emit(sourceError(p, "cannot open", err))
	}
	defer f.Close()
	return r.ReadStream(p, f, emit)
}

// ReadStream reads certificates from one source with a zero Reader.
func ReadStream(name string, rd io.Reader, emit func(Item) bool) bool {
	return (&Reader{}).ReadStream(name, rd, emit)
}

// ReadStream reads the objects of one source, detecting the format by
// content. It returns false when emit did.
func (r *Reader) ReadStream(name string, rd io.Reader, emit func(Item) bool) bool {
	s := &stream{name: name, br: bufio.NewReaderSize(rd, 64<<10), emit: emit, max: r.maxObject(), types: r.pemTypes()}
	return s.run()
}

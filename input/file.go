package input

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// TooLargeError is a file over its size limit.
type TooLargeError struct {
	File  string
	What  string // what the file holds, e.g. "revocation set"
	Size  int64  // the file's size, or -1 when it is a stream
	Limit int64
}

func (e *TooLargeError) Error() string {
	size := "more than the limit"
	if e.Size >= 0 {
		size = fmt.Sprintf("%d bytes", e.Size)
	}
	return fmt.Sprintf("%s: %s is %s; the limit is %d bytes (%d MiB)", e.File, e.What, size, e.Limit, e.Limit>>20)
}

// Unwrap returns ErrTooLarge.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// ReadFileLimit reads a whole file of at most limit bytes; what names its
// content in the error. A regular file over the limit is refused before it
// is read; a stream is read up to one byte past the limit.
func ReadFileLimit(path string, limit int64, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > limit {
		return nil, &TooLargeError{File: path, What: what, Size: st.Size(), Limit: limit}
	}
	// Read in fixed chunks rather than a doubling buffer, so that refusing
	// an oversize stream costs about limit bytes, not twice that.
	var chunks [][]byte
	var n int64
	for {
		c := make([]byte, min(readChunk, limit+1-n))
		k, err := io.ReadFull(f, c)
		chunks, n = append(chunks, c[:k]), n+int64(k)
		if n > limit {
			return nil, &TooLargeError{File: path, What: what, Size: -1, Limit: limit}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: reading %s: %w", path, what, err)
		}
	}
	return bytes.Join(chunks, nil), nil
}

// readChunk is the unit ReadFileLimit reads a stream in.
const readChunk = 1 << 20

package input

import (
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
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading %s: %w", path, what, err)
	}
	if int64(len(b)) > limit {
		return nil, &TooLargeError{File: path, What: what, Size: -1, Limit: limit}
	}
	return b, nil
}

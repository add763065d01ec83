// Package input is the former home of the public package
// github.com/matterlint/matterlint/input, kept only as aliases for the
// importers that have not moved yet (verify/cd.go). New code imports the
// public package.
package input

import (
	"io"

	pub "github.com/matterlint/matterlint/input"
)

// Aliases of the public package's types.
type (
	Item   = pub.Item
	Reader = pub.Reader
	Error  = pub.Error
)

// KindIO is pub.KindIO.
const KindIO = pub.KindIO

// ReadStream is pub.ReadStream.
func ReadStream(name string, rd io.Reader, emit func(Item) bool) bool {
	return pub.ReadStream(name, rd, emit)
}

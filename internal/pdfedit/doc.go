// Package pdfedit changes one PDF object's body, given as bytes: the
// catalog, an AcroForm, a page or an array that an incremental update
// redefines. It parses the body into a small tree (dictionaries keep their
// key order, atoms keep their bytes), lets the caller set a key or append
// to an array, and encodes the tree again.
//
// It owns no file structure: finding the object, reading it and writing
// the update belong to the reading core and internal/pdfupdate. It is not
// a general PDF parser either: streams are refused (the objects a signer
// redefines are dictionaries and arrays), and strings, numbers and names
// are kept as opaque atoms.
//
// Trade-offs: the encoding of a changed object is canonical, not the
// original spacing; the values it does not touch are byte for byte the
// same atoms. Names are compared after #xx escapes are decoded, so /D#53S
// is the key /DSS and is replaced, never duplicated. A key that occurs
// twice (hostile input) is refused rather than guessed at.
//
// # Limits
//
// Bodies are capped at MaxBody bytes and nesting at MaxDepth; anything
// malformed is an error, never a panic.
package pdfedit

// Package assets holds the files the programs carry inside them: the
// application icon and, with their licences, the fonts of the documents.
package assets

import _ "embed"

// IconPNG is the application icon, 512×512 pixels.
//
//go:embed icon.png
var IconPNG []byte

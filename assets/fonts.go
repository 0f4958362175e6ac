package assets

import _ "embed"

// The bundled document font, Liberation Serif 2.1.5: the metrics of Times New
// Roman, which Decree 30/2020 requires, under the SIL Open Font License 1.1
// (fonts/OFL.txt). Documents use Times New Roman itself where the system has it.
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	SerifBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	SerifItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	SerifBoldItalic []byte
	//go:embed fonts/OFL.txt
	SerifLicence []byte
)

// Package fonts finds the typeface the documents are set in: Times New Roman
// where Windows has it, else the bundled Liberation Serif (same metrics), in
// its four styles, read once and shared by the PDF writer and the workbook's
// measuring of wrapped text.
package fonts

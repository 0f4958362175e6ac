package prescan

import (
	"html"
	"path"
	"strings"
)

// maxMergedRanges bounds the merged ranges of one workbook.
const maxMergedRanges = 200_000

// WorkbookMap is what the pre-scan learns of a workbook on its way: each
// sheet's part, and the merged ranges of each part, so that reading a
// sheet never asks excelize to parse it whole.
type WorkbookMap struct {
	// sheetIDs maps a sheet's relationship id to its name.
	sheetIDs map[string]string
	// targets maps a relationship id of the workbook to its part.
	targets map[string]string
	// merges maps a part, in lower case, to its merged ranges.
	merges map[string][]string
	ranges int
}

func newWorkbookMap() *WorkbookMap {
	return &WorkbookMap{sheetIDs: map[string]string{}, targets: map[string]string{}, merges: map[string][]string{}}
}

// note takes in an element of a part that says where a sheet is or what
// it merges.
func (m *WorkbookMap) note(part, element string, tag []byte) error {
	switch lower := strings.ToLower(part); {
	case element == "sheet" && lower == "xl/workbook.xml":
		m.sheetIDs[prefixedAttr(tag, "id")] = html.UnescapeString(attrValue(tag, "name"))
	case element == "Relationship" && lower == "xl/_rels/workbook.xml.rels":
		m.targets[attrValue(tag, "Id")] = attrValue(tag, "Target")
	case element == "mergeCell":
		if m.ranges++; m.ranges > maxMergedRanges {
			return tooLarge("tệp có hơn %d vùng gộp ô", maxMergedRanges)
		}
		m.merges[lower] = append(m.merges[lower], attrValue(tag, "ref"))
	}
	return nil
}

// MergesOf returns the merged ranges of the sheet with the given name.
func (m *WorkbookMap) MergesOf(sheet string) []string {
	for id, name := range m.sheetIDs {
		if name == sheet {
			return m.merges[strings.ToLower(sheetPart(m.targets[id]))]
		}
	}
	return nil
}

// sheetPart is the part a workbook relationship's target names.
func sheetPart(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Clean(path.Join("xl", target))
}

// prefixedAttr returns the value of an attribute with a namespace prefix,
// whatever the prefix ("r:id"), "" when absent.
func prefixedAttr(tag []byte, local string) string {
	for i := 0; i < len(tag); i++ {
		if tag[i] != ':' {
			continue
		}
		if value, ok := strings.CutPrefix(string(tag[i+1:]), local+"="); ok && i > 0 {
			return quoted([]byte(value))
		}
	}
	return ""
}

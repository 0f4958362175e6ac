package reporting

import (
	"errors"
	"fmt"
)

// ErrEdited: drafting again from newer data would change paragraphs or
// headings the officer edited; the wrapping text or the conflicts say which.
var ErrEdited = errors.New("bản dự thảo mới khác các đoạn đã sửa tay")

// RedraftMode says what a redraft does with what the officer edited.
type RedraftMode int

// The redraft modes.
const (
	// RedraftAsk changes nothing when an edited paragraph or heading would
	// change, and returns ErrEdited with the conflicts: the caller asks.
	RedraftAsk RedraftMode = iota
	// RedraftKeepEdited takes the new draft everywhere the officer did not
	// edit and keeps every edit.
	RedraftKeepEdited
	// RedraftOverwrite takes the new draft everywhere, edits included.
	RedraftOverwrite
)

// RedraftConflict is an edited heading or paragraph that the new draft
// would change or remove.
type RedraftConflict struct {
	// Section is the section's printed path, "II.1".
	Section string `json:"section"`
	// Paragraph is the paragraph's place in the section from 1; 0 for the
	// heading.
	Paragraph int `json:"paragraph"`
	// Current is the officer's text; Draft what the new draft says, empty
	// when the new draft has no such paragraph.
	Current string `json:"current"`
	Draft   string `json:"draft"`
}

// String says where the conflict is: "mục II.1, đoạn 2", with "(bản dự
// thảo mới bỏ đoạn này)" when the new draft no longer has it.
func (c RedraftConflict) String() string {
	where := fmt.Sprintf("mục %s, đoạn %d", c.Section, c.Paragraph)
	if c.Paragraph == 0 {
		where = "mục " + c.Section + ", đề mục"
	}
	if c.Draft == "" {
		where += " (bản dự thảo mới bỏ phần này)"
	}
	return where
}

// Redraft takes a fresh draft of the report's sections into the report.
// What the officer did not edit takes the new draft. An edited heading or
// paragraph whose draft is unchanged stays as the officer wrote it; one
// whose draft changed (or is gone) is a conflict, settled by mode. The
// paragraphs and sections the officer added stay where they were. In
// RedraftAsk mode a conflict leaves the report unchanged and returns
// ErrEdited.
func (r Report) Redraft(fresh []ReportSection, mode RedraftMode) (Report, []RedraftConflict, error) {
	m := merger{mode: mode, old: r}
	merged := m.sections(fresh)
	if len(m.conflicts) > 0 && mode == RedraftAsk {
		return r, m.conflicts, fmt.Errorf("%w: %d chỗ", ErrEdited, len(m.conflicts))
	}
	r.Sections = merged
	return r, m.conflicts, nil
}

// merger merges a fresh draft into an old report, collecting conflicts.
type merger struct {
	mode      RedraftMode
	old       Report
	conflicts []RedraftConflict
}

// sections merges section by section, keyed; an old section the draft no
// longer has stays when the officer edited or added anything in it (a
// conflict), after the section it followed.
func (m *merger) sections(fresh []ReportSection) []ReportSection {
	oldIndex := map[string]int{}
	for i, s := range m.old.Sections {
		oldIndex[s.Key] = i
	}
	freshKeys := map[string]bool{}
	for _, s := range fresh {
		freshKeys[s.Key] = true
	}
	out := make([]ReportSection, 0, len(fresh))
	for _, fs := range fresh {
		i, ok := oldIndex[fs.Key]
		if !ok {
			out = append(out, draftedSection(fs))
			continue
		}
		out = append(out, m.section(i, fs))
	}
	for i, s := range m.old.Sections {
		if freshKeys[s.Key] || !touched(s) {
			continue
		}
		m.conflict(i, 0, s.Title, "")
		if m.mode != RedraftOverwrite {
			out = insertAfter(out, m.old.Sections, i, s)
		}
	}
	return out
}

// touched reports whether the officer edited or added anything in s.
func touched(s ReportSection) bool {
	if s.TitleEdited {
		return true
	}
	for _, p := range s.Paragraphs {
		if p.Edited {
			return true
		}
	}
	return false
}

// insertAfter puts s into out after the section that came before it in old,
// or first.
func insertAfter(out, old []ReportSection, i int, s ReportSection) []ReportSection {
	at := 0
	for j := i - 1; j >= 0; j-- {
		if k := indexOfSection(out, old[j].Key); k >= 0 {
			at = k + 1
			break
		}
	}
	return append(out[:at], append([]ReportSection{s}, out[at:]...)...)
}

func indexOfSection(list []ReportSection, key string) int {
	for i, s := range list {
		if s.Key == key {
			return i
		}
	}
	return -1
}

// draftedSection is a section as a draft gives it: every text its own draft.
func draftedSection(s ReportSection) ReportSection {
	s.DraftedTitle, s.TitleEdited = s.Title, false
	paragraphs := make([]ReportParagraph, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		paragraphs[i] = ReportParagraph{Key: p.Key, Text: p.Text, Drafted: p.Text}
	}
	s.Paragraphs = paragraphs
	return s
}

// section merges the fresh draft fs into old section i.
func (m *merger) section(i int, fs ReportSection) ReportSection {
	old := m.old.Sections[i]
	merged := draftedSection(fs)
	if old.TitleEdited {
		if keep := m.settle(i, 0, old.Title, old.DraftedTitle, fs.Title); keep {
			merged.Title, merged.TitleEdited = old.Title, true
		}
	}
	merged.Paragraphs = m.paragraphs(i, old.Paragraphs, merged.Paragraphs)
	return merged
}

// settle decides an edited text whose draft was drafted and is now draft:
// unchanged drafts keep the edit; changed ones are a conflict, kept unless
// the mode overwrites. It reports whether the edit stays.
func (m *merger) settle(section, paragraph int, current, drafted, draft string) bool {
	if drafted == draft {
		return true
	}
	m.conflict(section, paragraph, current, draft)
	return m.mode != RedraftOverwrite
}

func (m *merger) conflict(section, paragraph int, current, draft string) {
	m.conflicts = append(m.conflicts, RedraftConflict{
		Section: m.old.SectionPath(section), Paragraph: paragraph, Current: current, Draft: draft,
	})
}

// paragraphs merges a section's fresh paragraphs with its old ones, keyed.
// The officer's own paragraphs follow the paragraph they followed.
func (m *merger) paragraphs(section int, old, fresh []ReportParagraph) []ReportParagraph {
	oldByKey := map[string]int{}
	for j, p := range old {
		if p.Key != "" {
			oldByKey[p.Key] = j
		}
	}
	freshKeys := map[string]bool{}
	for _, p := range fresh {
		freshKeys[p.Key] = true
	}
	out := make([]ReportParagraph, 0, len(fresh)+len(old))
	out = append(out, m.following(section, old, -1, freshKeys)...)
	for _, fp := range fresh {
		j, ok := oldByKey[fp.Key]
		if ok && old[j].Edited && m.settle(section, j+1, old[j].Text, old[j].Drafted, fp.Text) {
			fp.Text, fp.Edited = old[j].Text, true
		}
		out = append(out, fp)
		if ok {
			out = append(out, m.following(section, old, j, freshKeys)...)
		}
	}
	return out
}

// following returns the old paragraphs after paragraph j (or from the
// start, j = -1) up to the next drafted one that the fresh draft still
// has: the officer's own paragraphs, and drafted ones the draft dropped
// that the officer edited (a conflict; kept as the officer's own unless
// the mode overwrites).
func (m *merger) following(section int, old []ReportParagraph, j int, freshKeys map[string]bool) []ReportParagraph {
	var out []ReportParagraph
	for k := j + 1; k < len(old); k++ {
		p := old[k]
		switch {
		case p.Key == "":
			out = append(out, p)
		case freshKeys[p.Key]:
			return out
		case p.Edited:
			m.conflict(section, k+1, p.Text, "")
			if m.mode != RedraftOverwrite {
				out = append(out, ReportParagraph{Text: p.Text, Edited: true})
			}
		}
	}
	return out
}

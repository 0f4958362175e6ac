package seeds

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kehoach/cchc/store"
)

// seedTextPath is the plan as converted from Word, byte for byte: the source
// the embedded transcription is checked against.
const seedTextPath = "../testdata/seed/122-KH-SKH-2023.txt"

// ---------------------------------------------------------------------------
// A small parser of the converted text, independent of plan2023.json.

// sourceDoc is what the tests read from the text file.
type sourceDoc struct {
	numberLine, dateLine, title, summary string
	legalBasis, intro                    []string
	sections                             []sourceSection
	closing, distribution                []string
	appendixHeading, appendixTitle       string
	appendixNote                         string
	columns                              []string
	areas                                []sourceArea
	// continuations counts the table rows with an empty TT merged into the
	// task above; joins counts the paragraphs broken across two lines.
	continuations, joins int
}

type sourceSection struct {
	level             int
	number, title     string
	paragraphs        []string
	parent, refNumber string // "III" and "2" for III.2
}

type sourceArea struct {
	numeral, name string
	tasks         []sourceTask
}

type sourceTask struct {
	ordinal, content, product, lead string
	coordinating                    []string
	timeline                        string
}

var (
	numberLineRe = regexp.MustCompile(`^Số: (\d+)/(\S+)$`)
	dateLineRe   = regexp.MustCompile(`^(.+), ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$`)
	romanHeadRe  = regexp.MustCompile(`^([IVX]+)\. (.+)$`)
	arabicHeadRe = regexp.MustCompile(`^(\d+)\. (.+)$`)
	romanRe      = regexp.MustCompile(`^[IVX]+$`)
	digitsRe     = regexp.MustCompile(`^\d+$`)
	emphasisRe   = regexp.MustCompile(`\*([^*]+)\*`)
	linkRe       = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	markupRe     = regexp.MustCompile(`</?[a-zA-Z]+(?:\s[^>]*)?>`)
	bulletRe     = regexp.MustCompile(`(?:^|\s+)-\s*`)
)

func readSource(t *testing.T) *sourceDoc {
	t.Helper()
	raw, err := os.ReadFile(seedTextPath)
	if err != nil {
		t.Fatalf("read seed text: %v", err)
	}
	doc, err := parseSource(string(raw))
	if err != nil {
		t.Fatalf("parse %s: %v", seedTextPath, err)
	}
	return doc
}

// parseSource reads the converted plan: header, body sections, closing,
// Nơi nhận and the detailed table.
func parseSource(text string) (*sourceDoc, error) {
	p := &sourceParser{lines: nonEmptyLines(text), doc: &sourceDoc{}}
	p.readHeader()
	body, err := p.readBody()
	if err != nil {
		return nil, err
	}
	if err := p.doc.addSections(body); err != nil {
		return nil, err
	}
	p.readClosing()
	if err := p.readTable(); err != nil {
		return nil, err
	}
	return p.doc, nil
}

// nonEmptyLines is the text's lines that hold more than spaces, without a
// trailing carriage return.
func nonEmptyLines(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimRight(l, "\r"))
		}
	}
	return lines
}

// sourceParser walks the non-empty lines of the converted text once, filling
// doc part by part.
type sourceParser struct {
	lines []string
	at    int // the next line to read
	doc   *sourceDoc
}

// more tells whether lines are left to read.
func (p *sourceParser) more() bool { return p.at < len(p.lines) }

// next reads one line, or "" past the end.
func (p *sourceParser) next() string {
	if !p.more() {
		return ""
	}
	p.at++
	return p.lines[p.at-1]
}

// readHeader reads the number, date, title and summary lines, then the
// legal basis and the introduction up to the first roman heading.
func (p *sourceParser) readHeader() {
	doc := p.doc
	doc.numberLine, doc.dateLine, doc.title, doc.summary = p.next(), p.next(), p.next(), p.next()
	for p.more() && !romanHeadRe.MatchString(p.lines[p.at]) {
		l := p.next()
		if strings.Contains(l, "Căn cứ") {
			doc.legalBasis = append(doc.legalBasis, l)
		} else {
			doc.intro = append(doc.intro, l)
		}
	}
}

// readBody reads the sections' lines up to the closing line, with the
// paragraphs broken across two lines joined again.
func (p *sourceParser) readBody() ([]string, error) {
	const closingMark = "(Có Biểu chi tiết"
	var body []string
	for p.more() && !strings.HasPrefix(p.lines[p.at], closingMark) {
		body = append(body, p.next())
	}
	if !p.more() {
		return nil, errors.New("no closing line")
	}
	body, p.doc.joins = joinBrokenParagraphs(body)
	return body, nil
}

// joinBrokenParagraphs joins a paragraph broken across two lines: the
// second starts in lower case. It returns the lines and the number of joins.
func joinBrokenParagraphs(body []string) ([]string, int) {
	joins := 0
	for i := 0; i < len(body); i++ {
		if i+1 < len(body) && startsLower(body[i+1]) {
			body[i] += " " + body[i+1]
			body = slices.Delete(body, i+1, i+2)
			joins++
		}
	}
	return body, joins
}

// addSections files the body's lines: a heading opens a section, any other
// line is a paragraph of the section above it.
func (doc *sourceDoc) addSections(body []string) error {
	var parent string
	for _, l := range body {
		if s, ok := sectionHeading(l, parent); ok {
			if s.level == 1 {
				parent = s.number
			}
			doc.sections = append(doc.sections, s)
			continue
		}
		if len(doc.sections) == 0 {
			return fmt.Errorf("paragraph before the first heading: %q", l)
		}
		s := &doc.sections[len(doc.sections)-1]
		s.paragraphs = append(s.paragraphs, cleanText(l))
	}
	return nil
}

// sectionHeading reads l as a heading of level 1 ("II. ...") or of level 2
// under parent ("1. Mục đích"); "1. Tiếp tục duy trì ... ." (section II) is
// a numbered paragraph, not a heading: it ends as a sentence does.
func sectionHeading(l, parent string) (sourceSection, bool) {
	if m := romanHeadRe.FindStringSubmatch(l); m != nil {
		return sourceSection{level: 1, number: m[1], title: m[2]}, true
	}
	if m := arabicHeadRe.FindStringSubmatch(l); m != nil && !strings.HasSuffix(l, ".") {
		return sourceSection{level: 2, number: m[1], title: m[2], parent: parent, refNumber: m[1]}, true
	}
	return sourceSection{}, false
}

// readClosing reads the closing lines, Nơi nhận and the appendix's heading,
// title and note.
func (p *sourceParser) readClosing() {
	doc := p.doc
	for p.more() && p.lines[p.at] != "Nơi nhận:" {
		doc.closing = append(doc.closing, p.next())
	}
	p.next() // Nơi nhận:
	for p.more() && strings.HasPrefix(p.lines[p.at], "- ") {
		doc.distribution = append(doc.distribution, strings.TrimPrefix(p.next(), "- "))
	}
	doc.appendixHeading, doc.appendixTitle, doc.appendixNote = p.next(), p.next(), p.next()
}

// readTable reads the detailed table: its header, then area, task and
// continuation rows to the end of the text.
func (p *sourceParser) readTable() error {
	header := p.next()
	p.doc.columns = strings.Split(header, "\t")
	for p.more() {
		row := p.next()
		if row == header {
			continue // the header repeated at an old page break
		}
		if err := p.doc.addRow(row); err != nil {
			return err
		}
	}
	return nil
}

// addRow files one table row by its TT cell: a roman numeral opens an area,
// digits a task, and an empty TT continues the task above.
func (doc *sourceDoc) addRow(row string) error {
	cells := strings.Split(row, "\t")
	if len(cells) != 6 {
		return fmt.Errorf("table row with %d cells: %q", len(cells), row)
	}
	tt := strings.TrimSpace(cells[0])
	switch {
	case romanRe.MatchString(tt):
		doc.areas = append(doc.areas, sourceArea{numeral: tt, name: strings.TrimSpace(cells[1])})
		return nil
	case tt == "":
		return doc.addContinuation(row, cells)
	case digitsRe.MatchString(tt):
		return doc.addTask(row, tt, cells)
	}
	return fmt.Errorf("unexpected TT %q", tt)
}

// addContinuation merges a row with an empty TT into the content of the
// task above; the row fills no other column.
func (doc *sourceDoc) addContinuation(row string, cells []string) error {
	if len(doc.areas) == 0 || len(doc.areas[len(doc.areas)-1].tasks) == 0 {
		return fmt.Errorf("continuation row with no task above: %q", row)
	}
	for _, c := range cells[2:] {
		if strings.TrimSpace(c) != "" {
			return fmt.Errorf("continuation row fills a column besides the content: %q", row)
		}
	}
	area := &doc.areas[len(doc.areas)-1]
	task := &area.tasks[len(area.tasks)-1]
	task.content = bulletLines(task.content) + "\n" + bulletLines(cells[1])
	doc.continuations++
	return nil
}

// addTask adds a task row, numbered tt, to the last area.
func (doc *sourceDoc) addTask(row, tt string, cells []string) error {
	if len(doc.areas) == 0 {
		return fmt.Errorf("task row before the first area: %q", row)
	}
	area := &doc.areas[len(doc.areas)-1]
	area.tasks = append(area.tasks, sourceTask{
		ordinal:      tt,
		content:      cellText(cells[1]),
		product:      cellText(cells[2]),
		lead:         strings.TrimSpace(cells[3]),
		coordinating: splitUnits(cells[4]),
		timeline:     strings.TrimSpace(cells[5]),
	})
	return nil
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// cleanText drops the conversion's emphasis marks and link brackets.
func cleanText(s string) string {
	s = emphasisRe.ReplaceAllString(s, "$1")
	return linkRe.ReplaceAllString(s, "$1")
}

// cellText is a table cell as the transcription keeps it: trimmed, or, when
// the cell holds several items (HTML fragments or a leading dash), one
// "- " line per item.
func cellText(cell string) string {
	if markupRe.MatchString(cell) || strings.HasPrefix(strings.TrimSpace(cell), "-") {
		return bulletLines(cell)
	}
	return strings.TrimSpace(cell)
}

func bulletLines(cell string) string {
	plain := strings.TrimSpace(markupRe.ReplaceAllString(cell, " "))
	var out []string
	for _, item := range bulletRe.Split(plain, -1) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, "- "+item)
		}
	}
	return strings.Join(out, "\n")
}

func splitUnits(cell string) []string {
	var units []string
	for _, u := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' }) {
		if u = strings.TrimSpace(u); u != "" {
			units = append(units, u)
		}
	}
	return units
}

// ---------------------------------------------------------------------------
// Helpers.

func loadSeed(t *testing.T) (store.Settings, store.Bundle) {
	t.Helper()
	settings, bundle, err := Plan2023()
	if err != nil {
		t.Fatalf("Plan2023: %v", err)
	}
	return settings, bundle
}

// seedTask is the seed's task ordinal of the area numbered area; the test
// stops when there is none.
func seedTask(t *testing.T, b store.Bundle, area, ordinal string) store.Task {
	t.Helper()
	for _, a := range b.Areas {
		if a.Numeral != area {
			continue
		}
		for _, task := range a.Tasks {
			if task.Ordinal == ordinal {
				return task
			}
		}
	}
	t.Fatalf("no task %s.%s", area, ordinal)
	return store.Task{}
}

// textDiff shows where two texts part.
func textDiff(source, embedded string) string {
	s, e := []rune(source), []rune(embedded)
	i := 0
	for i < len(s) && i < len(e) && s[i] == e[i] {
		i++
	}
	around := func(r []rune) string {
		return string(r[max(0, i-25):min(len(r), i+25)])
	}
	return fmt.Sprintf("first difference at rune %d\n  text file: …%q…\n  embedded:  …%q…\n  whole text file: %q\n  whole embedded:  %q",
		i, around(s), around(e), source, embedded)
}

func checkText(t *testing.T, where, source, embedded string) {
	t.Helper()
	if source != embedded {
		t.Errorf("%s differs from the text file: %s", where, textDiff(source, embedded))
	}
}

func checkList(t *testing.T, where string, source, embedded []string) {
	t.Helper()
	if len(source) != len(embedded) {
		t.Errorf("%s: text file has %d items %q, embedded %d %q", where, len(source), source, len(embedded), embedded)
		return
	}
	for i := range source {
		checkText(t, fmt.Sprintf("%s[%d]", where, i), source[i], embedded[i])
	}
}

// ---------------------------------------------------------------------------
// Tests.

func TestSourceParser(t *testing.T) {
	doc := readSource(t)
	if doc.continuations != 1 {
		t.Errorf("merged %d continuation rows, want 1 (after VI.1)", doc.continuations)
	}
	if doc.joins != 1 {
		t.Errorf("joined %d broken paragraphs, want 1 (in IV.1)", doc.joins)
	}
	if got := bulletLines(`<ul style="x"> - a; -100% b. - c </ul>`); got != "- a;\n- 100% b.\n- c" {
		t.Errorf("bulletLines = %q", got)
	}
	if got := cleanText("x (*trừ văn bản mật*) <http://a.vn/> y"); got != "x (trừ văn bản mật) http://a.vn/ y" {
		t.Errorf("cleanText = %q", got)
	}
}

func TestPlan2023Decodes(t *testing.T) {
	settings, bundle := loadSeed(t)
	if err := settings.Validate(); err != nil {
		t.Errorf("settings: %v", err)
	}
	if err := bundle.Validate(); err != nil {
		t.Errorf("bundle: %v", err)
	}
	// Each call gives fresh values.
	bundle.Areas[0].Tasks[0].Content = "changed"
	bundle.Plan.Sections[0].Title = "changed"
	_, again := loadSeed(t)
	if again.Areas[0].Tasks[0].Content == "changed" || again.Plan.Sections[0].Title == "changed" {
		t.Error("Plan2023 shares its values between calls")
	}
}

func TestHeader(t *testing.T) {
	doc := readSource(t)
	_, b := loadSeed(t)
	p := b.Plan

	m := numberLineRe.FindStringSubmatch(doc.numberLine)
	if m == nil {
		t.Fatalf("number line %q", doc.numberLine)
	}
	d := dateLineRe.FindStringSubmatch(doc.dateLine)
	if d == nil {
		t.Fatalf("date line %q", doc.dateLine)
	}
	day, _ := strconv.Atoi(d[2])
	month, _ := strconv.Atoi(d[3])
	year, _ := strconv.Atoi(d[4])

	tests := []struct{ field, source, embedded string }{
		{"number", m[1], p.Number},
		{"symbol", m[2], p.Symbol},
		{"number line", doc.numberLine, p.NumberLine()},
		{"issue date", store.NewDate(year, time.Month(month), day).ISO(), p.IssueDate.ISO()},
		{"date line", doc.dateLine, p.DateLine()},
		{"place", d[1], p.Agency.Place},
		{"title", doc.title, p.DocType.Title()},
		{"summary", doc.summary, p.Summary},
		{"year", d[4], strconv.Itoa(p.Year)},
		{"appendix heading", doc.appendixHeading, p.Appendix.Heading},
		{"appendix title", doc.appendixTitle, p.Appendix.Title},
		{"appendix note", doc.appendixNote, p.AppendixNote()},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			checkText(t, tt.field, tt.source, tt.embedded)
		})
	}
	if p.Number != "122" || p.Symbol != "KH-SKH" || p.IssueDate != store.NewDate(2023, 1, 28) ||
		p.Year != 2023 || p.DocType != store.DocPlan || p.Summary != "Cải cách hành chính Sở Kế hoạch và Đầu tư năm 2023" {
		t.Errorf("header = %s %v %d %s %q", p.Ref(), p.IssueDate, p.Year, p.DocType, p.Summary)
	}
	checkList(t, "legal basis", doc.legalBasis, p.LegalBasis)
	checkList(t, "intro", doc.intro, p.Intro)
	checkList(t, "closing", doc.closing, p.Closing)
	checkList(t, "columns", doc.columns, p.Appendix.Columns[:])
	if p.Appendix.Columns != store.DefaultColumns {
		t.Errorf("columns %q, want store.DefaultColumns", p.Appendix.Columns)
	}
	if p.ID != 0 {
		t.Errorf("plan id %d, want 0", p.ID)
	}
}

func TestSettingsAndIssuer(t *testing.T) {
	doc := readSource(t)
	s, b := loadSeed(t)
	p := b.Plan

	wantAgency := store.Agency{Parent: "UBND TỈNH TUYÊN QUANG", Name: "Sở Kế hoạch và Đầu tư", Abbrev: "SKH", Place: "Tuyên Quang"}
	if s.Agency != wantAgency {
		t.Errorf("settings agency %+v, want %+v", s.Agency, wantAgency)
	}
	// The seed names no signer: only the head's title.
	wantSigner := store.Signer{HeadTitle: "GIÁM ĐỐC"}
	if s.Signer != wantSigner {
		t.Errorf("settings signer %+v, want %+v", s.Signer, wantSigner)
	}
	if p.Agency != s.Agency || p.Signer != s.Signer {
		t.Errorf("plan issuer %+v %+v differs from settings %+v %+v", p.Agency, p.Signer, s.Agency, s.Signer)
	}
	wantUnits := []string{
		"Văn phòng Sở", "Thanh tra Sở", "Các phòng chuyên môn thuộc Sở",
		"Phòng Tổng hợp, quy hoạch", "Phòng Kinh tế ngành", "Phòng Đăng ký kinh doanh",
		"Phòng Đấu thầu, thẩm định và giám sát đầu tư", "Phòng Doanh nghiệp, kinh tế tập thể và tư nhân",
		"Phòng Kinh tế đối ngoại",
	}
	checkList(t, "units", wantUnits, s.Units)
	// Every unit the table names is offered as a unit.
	for _, a := range b.Areas {
		for _, task := range a.Tasks {
			for _, u := range append([]string{task.Lead}, task.Coordinating...) {
				if !slices.Contains(s.Units, u) {
					t.Errorf("task %s.%s: unit %q is not in the settings' units", a.Numeral, task.Ordinal, u)
				}
			}
		}
	}
	// Nơi nhận, with the items' own punctuation.
	wantDist := []string{"UBND tỉnh; (báo cáo)", "Sở Nội vụ;", "Lãnh đạo Sở;", "Các phòng chuyên môn thuộc Sở (thực hiện);", "Lưu: VT, VP."}
	checkList(t, "Nơi nhận (text file)", wantDist, doc.distribution)
	checkList(t, "plan Nơi nhận", doc.distribution, p.Distribution)
	checkList(t, "settings Nơi nhận", doc.distribution, s.Distribution)
}

func TestAreasAndTasks(t *testing.T) {
	doc := readSource(t)
	_, b := loadSeed(t)

	if len(doc.areas) != 7 || len(b.Areas) != 7 {
		t.Fatalf("areas: text file %d, embedded %d, want 7", len(doc.areas), len(b.Areas))
	}
	if n := b.TaskCount(); n != 21 {
		t.Errorf("embedded tasks %d, want 21", n)
	}
	wantCounts := []int{3, 9, 2, 2, 1, 1, 3}
	for i, src := range doc.areas {
		t.Run("area "+src.numeral, func(t *testing.T) {
			checkArea(t, i, src, b.Areas[i], wantCounts[i])
		})
	}
}

// checkArea checks the i-th embedded area and its tasks against the text
// file's, and that it has wantCount tasks.
func checkArea(t *testing.T, i int, src sourceArea, emb store.AreaTasks, wantCount int) {
	t.Helper()
	where := "area " + src.numeral
	if emb.Numeral != src.numeral || emb.Order != i+1 || emb.ID != 0 || emb.PlanID != 0 {
		t.Errorf("%s: embedded numeral %q order %d ids %d/%d, want %q order %d ids 0",
			where, emb.Numeral, emb.Order, emb.ID, emb.PlanID, src.numeral, i+1)
	}
	checkText(t, where+" name", src.name, emb.Name)
	if len(src.tasks) != wantCount || len(emb.Tasks) != wantCount {
		t.Errorf("%s: text file %d tasks, embedded %d, want %d", where, len(src.tasks), len(emb.Tasks), wantCount)
		return
	}
	for j, st := range src.tasks {
		checkTask(t, fmt.Sprintf("task %s.%s", src.numeral, st.ordinal), j, st, emb.Tasks[j])
	}
}

// checkTask checks the j-th embedded task of an area against the text
// file's row, and that it is fresh: not started, with no ids.
func checkTask(t *testing.T, w string, j int, st sourceTask, et store.Task) {
	t.Helper()
	checkText(t, w+" ordinal", st.ordinal, et.Ordinal)
	checkText(t, w+" content", st.content, et.Content)
	checkText(t, w+" product", st.product, et.Product)
	checkText(t, w+" lead", st.lead, et.Lead)
	checkList(t, w+" coordinating", st.coordinating, et.Coordinating)
	checkText(t, w+" timeline", st.timeline, et.Timeline.Text)
	if et.Order != j+1 || et.Ordinal != strconv.Itoa(j+1) {
		t.Errorf("%s: order %d ordinal %q, want %d", w, et.Order, et.Ordinal, j+1)
	}
	if et.Status != store.StatusNotStarted || et.Progress != 0 || et.Result != "" || et.Track != (store.TaskTrack{}) {
		t.Errorf("%s: status %q progress %d, want a fresh task", w, et.Status, et.Progress)
	}
	if et.ID != 0 || et.PlanID != 0 || et.AreaID != 0 {
		t.Errorf("%s: ids %d/%d/%d, want 0", w, et.ID, et.PlanID, et.AreaID)
	}
}

// TestMultiItemCells pins the cells that hold several items, so that the
// parser and the transcription cannot drift together.
func TestMultiItemCells(t *testing.T) {
	_, b := loadSeed(t)
	tests := []struct {
		area, ordinal, field string
		get                  func(store.Task) string
		lines                int
		first, last          string
	}{
		{"II", "6", "product", func(t store.Task) string { return t.Product }, 2,
			"- Phiếu đánh giá mức độ hài lòng", "- Báo cáo kết quả của cơ quan, đơn vị"},
		{"II", "8", "content", func(t store.Task) string { return t.Content }, 2,
			"- Phân đấu tỷ lệ hồ sơ", "trong đó tỷ lệ giao dịch thanh toán trực tuyến đạt từ 15% trở lên"},
		{"VI", "1", "content", func(t store.Task) string { return t.Content }, 5,
			"- Phân đầu tối thiểu 80% hồ sơ công việc", "- 100% hồ sơ được tạo, lưu giữ, chia sẻ dữ liệu điện tử theo quy định"},
	}
	for _, tt := range tests {
		t.Run(tt.area+"."+tt.ordinal+" "+tt.field, func(t *testing.T) {
			text := tt.get(seedTask(t, b, tt.area, tt.ordinal))
			lines := strings.Split(text, "\n")
			if len(lines) != tt.lines || !strings.HasPrefix(text, tt.first) || !strings.HasSuffix(text, tt.last) {
				t.Errorf("%s.%s %s = %q: want %d lines from %q to %q", tt.area, tt.ordinal, tt.field, text, tt.lines, tt.first, tt.last)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "- ") {
					t.Errorf("%s.%s %s: line %q does not start with \"- \"", tt.area, tt.ordinal, tt.field, l)
				}
			}
		})
	}
	if got := seedTask(t, b, "VI", "1").Content; !strings.Contains(got, "\n- 100% công chức được gắn định danh số") {
		t.Errorf("VI.1: \"-100%% công chức\" not made a \"- \" line: %q", got)
	}
	if got := seedTask(t, b, "II", "1").Product; got != "Tờ trình; Quyết định công bố; dữ liệu điện tử" {
		t.Errorf("II.1 product %q, want one text as written", got)
	}
}

func TestSections(t *testing.T) {
	doc := readSource(t)
	_, b := loadSeed(t)
	emb := b.Plan.Sections

	// The headings, in order.
	srcHeads, embHeads := sectionHeadings(doc.sections, emb)
	checkList(t, "headings", srcHeads, embHeads)
	if t.Failed() {
		return
	}
	wantHeads := []string{"I", "1", "2", "II", "III", "1", "2", "3", "4", "5", "6", "7", "IV", "1", "2", "3"}
	var numbers []string
	for _, s := range emb {
		numbers = append(numbers, s.Number)
	}
	if !slices.Equal(numbers, wantHeads) {
		t.Errorf("section numbers %q, want %q", numbers, wantHeads)
	}

	// Every paragraph of the text file is in the embedded sections under the
	// same heading, and the other way round; then the order.
	srcParas, embParas := sectionParagraphs(doc.sections, emb)
	checkParagraphsMatch(t, srcParas, embParas)

	// Spot checks of the artefact rules.
	checkSectionSpots(t, embParas)
}

// sectionHeadings is each section's level and heading, from the text file
// and embedded.
func sectionHeadings(source []sourceSection, emb []store.Section) (srcHeads, embHeads []string) {
	for _, s := range source {
		srcHeads = append(srcHeads, fmt.Sprintf("%d %s. %s", s.level, s.number, s.title))
	}
	for _, s := range emb {
		embHeads = append(embHeads, fmt.Sprintf("%d %s", s.Level, s.Heading()))
	}
	return srcHeads, embHeads
}

// sectionPara is one paragraph with the heading it stands under.
type sectionPara struct{ heading, text string }

// sectionParagraphs is every paragraph of the sections, in order, from the
// text file and embedded.
func sectionParagraphs(source []sourceSection, emb []store.Section) (srcParas, embParas []sectionPara) {
	for _, s := range source {
		for _, p := range s.paragraphs {
			srcParas = append(srcParas, sectionPara{s.number + ". " + s.title, p})
		}
	}
	for _, s := range emb {
		for _, p := range s.Paragraphs {
			embParas = append(embParas, sectionPara{s.Heading(), p})
		}
	}
	return srcParas, embParas
}

// checkParagraphsMatch checks that each side holds the other's paragraphs
// under the same headings, then, if all else passed, in the same order.
func checkParagraphsMatch(t *testing.T, srcParas, embParas []sectionPara) {
	t.Helper()
	for _, p := range srcParas {
		if !slices.Contains(embParas, p) {
			t.Errorf("paragraph of the text file missing from the embedded section %q:\n  %q", p.heading, p.text)
		}
	}
	for _, p := range embParas {
		if !slices.Contains(srcParas, p) {
			t.Errorf("embedded paragraph under %q not in the text file:\n  %q", p.heading, p.text)
		}
	}
	if !t.Failed() && !slices.Equal(srcParas, embParas) {
		t.Error("paragraphs are not in the text file's order")
	}
}

// checkSectionSpots spot-checks the artefact rules: texts the embedded
// sections must hold as the rules leave them.
func checkSectionSpots(t *testing.T, embParas []sectionPara) {
	t.Helper()
	all := ""
	for _, p := range embParas {
		all += p.text + "\n"
	}
	for _, want := range []string{
		"(trừ văn bản mật).",
		"(trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).",
		"của ngành http://sokehoachdautu.tuyenquang.gov.vn/ và của tỉnh",
		"của các cơ quan chức năng theo từng chuyên đề",
		"\n1. Tiếp tục duy trì 100%",
		"\n- Thực hiện có hiệu quả Kế hoạch số 1452/KH-SCT",
		"Công dịch vụ công tỉnh với Công dịch vụ công quốc gia",
	} {
		if !strings.Contains("\n"+all, want) {
			t.Errorf("embedded sections lack %q", want)
		}
	}
}

// TestNoArtefacts looks at every text of the seed for what the conversion
// left and the transcription must not keep.
func TestNoArtefacts(t *testing.T) {
	s, b := loadSeed(t)
	texts := map[string]string{}
	add := func(where string, vals ...string) {
		for i, v := range vals {
			texts[fmt.Sprintf("%s[%d]", where, i)] = v
		}
	}
	add("units", s.Units...)
	add("distribution", s.Distribution...)
	p := b.Plan
	add("plan", p.Summary, p.Appendix.Heading, p.Appendix.Title)
	add("legal basis", p.LegalBasis...)
	add("intro", p.Intro...)
	add("closing", p.Closing...)
	for i, sec := range p.Sections {
		add(fmt.Sprintf("section %d title", i), sec.Title)
		add(fmt.Sprintf("section %d", i), sec.Paragraphs...)
	}
	for _, a := range b.Areas {
		add("area "+a.Numeral, a.Name)
		for _, task := range a.Tasks {
			w := "task " + a.Numeral + "." + task.Ordinal
			add(w, task.Content, task.Product, task.Lead, task.Timeline.Text)
			add(w+" coordinating", task.Coordinating...)
		}
	}
	for _, tg := range b.Targets {
		add("target "+strconv.Itoa(tg.Order), tg.Indicator)
	}
	for where, v := range texts {
		switch {
		case v == "":
			t.Errorf("%s is empty", where)
		case strings.ContainsAny(v, "<>*\t\r"):
			t.Errorf("%s keeps markup: %q", where, v)
		case strings.Contains(v, "  "), strings.TrimSpace(v) != v:
			t.Errorf("%s has stray spaces: %q", where, v)
		case !norm.NFC.IsNormalString(v):
			t.Errorf("%s is not NFC: %q", where, v)
		}
	}
}

func TestTargets(t *testing.T) {
	doc := readSource(t)
	_, b := loadSeed(t)

	refText := targetRefTexts(doc)
	if len(refText) != 14 {
		t.Fatalf("found %d sections II.x and III.x, want 14", len(refText))
	}

	targets := b.Targets
	if len(targets) < 20 {
		t.Errorf("%d targets, want at least 20", len(targets))
	}
	covered := newPercentCoverage(refText)
	for i, tg := range targets {
		if start, ok := checkTarget(t, i, tg, refText); ok {
			covered.mark(tg.Ref, start, start+len(tg.Indicator))
		}
	}
	// Every percentage sections II and III state belongs to a target.
	covered.checkAllMarked(t)
	// The table's own figures stay in the tasks: 85% and 15% are not targets.
	for _, tg := range targets {
		if tg.Value == 85 || tg.Value == 15 {
			t.Errorf("target %d takes the table's figure %v", tg.Order, tg.Value)
		}
	}
}

// targetRefTexts is the cleaned text of each section a Ref can name: "II.1"
// is the numbered paragraph 1 of section II, "III.2" the paragraphs under
// the heading 2 of section III.
func targetRefTexts(doc *sourceDoc) map[string]string {
	refText := map[string]string{}
	for _, s := range doc.sections {
		switch {
		case s.level == 1 && s.number == "II":
			for _, p := range s.paragraphs {
				if m := arabicHeadRe.FindStringSubmatch(p); m != nil {
					refText["II."+m[1]] = p
				}
			}
		case s.level == 2 && s.parent == "III":
			refText["III."+s.refNumber] = strings.Join(s.paragraphs, "\n")
		}
	}
	return refText
}

// checkTarget checks the i-th target against the text of the section it
// names; it returns where the indicator starts in that text, and false
// when the ref or the indicator is not found there.
func checkTarget(t *testing.T, i int, tg store.Target, refText map[string]string) (int, bool) {
	t.Helper()
	where := fmt.Sprintf("target %d (%s %q)", tg.Order, tg.Ref, tg.Indicator)
	if tg.Order != i+1 || tg.ID != 0 || tg.PlanID != 0 {
		t.Errorf("%s: order %d ids %d/%d, want order %d ids 0", where, tg.Order, tg.ID, tg.PlanID, i+1)
	}
	if err := tg.Validate(); err != nil {
		t.Errorf("%s: %v", where, err)
	}
	text, ok := refText[tg.Ref]
	if !ok {
		t.Errorf("%s: ref is not a section of II or III", where)
		return 0, false
	}
	start := strings.Index(text, tg.Indicator)
	if start < 0 {
		t.Errorf("%s: indicator does not occur verbatim in %s:\n  %q", where, tg.Ref, text)
		return 0, false
	}
	checkTargetWording(t, where, tg)
	return start, true
}

// checkTargetWording checks that a target's value, unit, comparator and
// baseline year are the ones its indicator states.
func checkTargetWording(t *testing.T, where string, tg store.Target) {
	t.Helper()
	value := strconv.FormatFloat(tg.Value, 'f', -1, 64)
	if !regexp.MustCompile(`(^|[^\d])` + regexp.QuoteMeta(value) + ` ?%`).MatchString(tg.Indicator) {
		t.Errorf("%s: value %s%% does not appear in the indicator", where, value)
	}
	if tg.Unit != "%" {
		t.Errorf("%s: unit %q, want %%", where, tg.Unit)
	}
	if want := comparatorOf(tg.Indicator, tg.Value); tg.Comparator != want {
		t.Errorf("%s: comparator %q, the wording says %q", where, tg.Comparator, want)
	}
	wantBase := 0
	if tg.Comparator == store.IncreaseBy {
		wantBase = 2022
	}
	if tg.BaselineYear != wantBase {
		t.Errorf("%s: baseline year %d, want %d", where, tg.BaselineYear, wantBase)
	}
}

var percentRe = regexp.MustCompile(`(\d+(?:,\d+)?) ?%`)

// percentCoverage records, by ref, which % signs of the section's text a
// target states.
type percentCoverage struct {
	refText map[string]string
	marks   map[string][]bool
}

func newPercentCoverage(refText map[string]string) percentCoverage {
	c := percentCoverage{refText: refText, marks: map[string][]bool{}}
	for ref, text := range refText {
		c.marks[ref] = make([]bool, len(percentRe.FindAllStringIndex(text, -1)))
	}
	return c
}

// mark notes the percentages of ref's text between start and end.
func (c percentCoverage) mark(ref string, start, end int) {
	for k, loc := range percentRe.FindAllStringIndex(c.refText[ref], -1) {
		if loc[0] >= start && loc[1] <= end {
			c.marks[ref][k] = true
		}
	}
}

// checkAllMarked reports each percentage no target states.
func (c percentCoverage) checkAllMarked(t *testing.T) {
	t.Helper()
	for ref, marks := range c.marks {
		for k, ok := range marks {
			if !ok {
				loc := percentRe.FindAllStringIndex(c.refText[ref], -1)[k]
				text := c.refText[ref]
				t.Errorf("%s: the percentage in …%s… is in no target", ref, text[max(0, loc[0]-60):min(len(text), loc[1]+20)])
			}
		}
	}
}

// comparatorOf reads the comparator a target's wording implies.
func comparatorOf(indicator string, value float64) store.Comparator {
	lower := strings.ToLower(indicator)
	v := strconv.FormatFloat(value, 'f', -1, 64)
	switch {
	case strings.Contains(lower, "tăng thêm"):
		return store.IncreaseBy
	case strings.Contains(lower, "trên "+v+"%"):
		return store.MoreThan
	case value == 100:
		return store.Exactly
	case strings.Contains(lower, "trở lên"), strings.Contains(lower, "tối thiểu"), strings.Contains(lower, "phấn đấu"):
		return store.AtLeast
	}
	return ""
}

func TestTimelines(t *testing.T) {
	_, b := loadSeed(t)
	tests := []struct {
		area, ordinal, text string
		kind                store.TimelineKind
		due                 store.Date
		recurrence          store.Recurrence
		qualifier           string
	}{
		{"I", "1", "Năm 2023", store.TimelineDeadline, store.NewDate(2023, 12, 31), "", ""},
		{"I", "2", "Tháng 12/2022", store.TimelineDeadline, store.NewDate(2022, 12, 31), "", ""},
		{"II", "1", "Thường xuyên", store.TimelineRecurring, store.Date{}, store.RecurContinuous, ""},
		{"II", "4", "Thường xuyên; theo chỉ đạo của UBND tỉnh", store.TimelineRecurring, store.Date{}, store.RecurContinuous, "theo chỉ đạo của UBND tỉnh"},
		{"VII", "1", "Tháng 1/2023", store.TimelineDeadline, store.NewDate(2023, 1, 31), "", ""},
		{"VII", "3", "Tháng 6/2023", store.TimelineDeadline, store.NewDate(2023, 6, 30), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.area+"."+tt.ordinal, func(t *testing.T) {
			tl := seedTask(t, b, tt.area, tt.ordinal).Timeline
			if tl.Text != tt.text || tl.Kind != tt.kind || tl.Due != tt.due || tl.Recurrence != tt.recurrence || tl.Qualifier != tt.qualifier {
				t.Errorf("%s.%s timeline = %+v, want %q kind %q due %v recurrence %q qualifier %q",
					tt.area, tt.ordinal, tl, tt.text, tt.kind, tt.due, tt.recurrence, tt.qualifier)
			}
		})
	}
	// Every timeline of the seed is understood.
	for _, a := range b.Areas {
		for _, task := range a.Tasks {
			if task.Timeline.Kind == store.TimelineUnparsed {
				t.Errorf("%s.%s: timeline %q not understood", a.Numeral, task.Ordinal, task.Timeline.Text)
			}
		}
	}
}

// fakeSeeder records what Ensure hands to the store.
type fakeSeeder struct {
	calls    int
	key      string
	settings store.Settings
	bundle   store.Bundle
	created  bool
	err      error
}

func (f *fakeSeeder) Seed(key string, settings store.Settings, b store.Bundle) (bool, error) {
	f.calls++
	f.key, f.settings, f.bundle = key, settings, b
	return f.created, f.err
}

func TestEnsure(t *testing.T) {
	wantSettings, wantBundle := loadSeed(t)
	for _, created := range []bool{true, false} {
		t.Run(fmt.Sprintf("store says created=%v", created), func(t *testing.T) {
			f := &fakeSeeder{created: created}
			got, err := Ensure(f)
			if err != nil || got != created {
				t.Errorf("Ensure = %v, %v; want %v, nil", got, err, created)
			}
			if f.calls != 1 || f.key != "122/KH-SKH/2023" {
				t.Errorf("Seed called %d times with key %q", f.calls, f.key)
			}
			if f.bundle.TaskCount() != wantBundle.TaskCount() || f.bundle.Plan.Ref() != wantBundle.Plan.Ref() ||
				f.settings.Agency != wantSettings.Agency || len(f.bundle.Targets) != len(wantBundle.Targets) {
				t.Errorf("Seed got a different plan or settings")
			}
		})
	}
	f := &fakeSeeder{err: store.ErrLocked}
	if created, err := Ensure(f); created || !errors.Is(err, store.ErrLocked) {
		t.Errorf("Ensure with a failing store = %v, %v; want false, ErrLocked", created, err)
	}
}

package importer

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/store"
)

// The fixtures in testdata/xlsx and testdata/docx are laid out the way
// plans from other provinces are: title rows above the table, headings with
// line breaks and extra spaces or split over two merged rows, numbering rows,
// columns in another order, letters and subgroups, merged and continuation
// cells, legacy encodings. They are built here and checked in; run
//
//	go test ./export -run TestFixturesUpToDate -update-fixtures
//
// to build them again after changing a generator.
var updateFixtures = flag.Bool("update-fixtures", false, "rebuild the import fixtures in testdata")

// fixtures are the generators by file name under testdata.
var importFixtures = map[string]func(t testing.TB) []byte{
	"xlsx/messy.xlsx":          messyWorkbook,
	"xlsx/two-row-header.xlsx": twoRowHeaderWorkbook,
	"xlsx/flat.xlsx":           flatWorkbook,
	"xlsx/tcvn3.xlsx":          func(t testing.TB) []byte { return legacyWorkbook(t, tcvn3Rows) },
	"xlsx/vni.xlsx":            func(t testing.TB) []byte { return legacyWorkbook(t, vniRows) },
	"xlsx/no-table.xlsx":       noTableWorkbook,
	"docx/seed-plan.docx":      seedDocument,
	"docx/other-province.docx": otherProvinceDocument,
	"docx/tcvn3.docx":          tcvn3Document,
}

func TestFixturesUpToDate(t *testing.T) {
	for name, build := range importFixtures {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			if *updateFixtures {
				if err := os.WriteFile(path, build(t), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("fixture %s is missing: run go test ./export -run TestFixturesUpToDate -update-fixtures", path)
			}
		})
	}
}

// readFixture returns a checked-in fixture's bytes.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%v: run go test ./export -run TestFixturesUpToDate -update-fixtures", err)
	}
	return data
}

// sheetBuilder fills a worksheet with excelize's ordinary API.
type sheetBuilder struct {
	t     testing.TB
	f     *excelize.File
	sheet string
}

func newSheetBuilder(t testing.TB, sheet string) *sheetBuilder {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	return &sheetBuilder{t: t, f: f, sheet: sheet}
}

// row writes values from column A of a row.
func (s *sheetBuilder) row(row int, values ...any) {
	if err := s.f.SetSheetRow(s.sheet, "A"+strconv.Itoa(row), &values); err != nil {
		s.t.Fatal(err)
	}
}

// merge merges a range such as "B7:G7".
func (s *sheetBuilder) merge(ref string) {
	from, to, _ := strings.Cut(ref, ":")
	if err := s.f.MergeCell(s.sheet, from, to); err != nil {
		s.t.Fatal(err)
	}
}

func (s *sheetBuilder) bytes() []byte {
	var buf bytes.Buffer
	if _, err := s.f.WriteTo(&buf); err != nil {
		s.t.Fatal(err)
	}
	return buf.Bytes()
}

// messyWorkbook: a guide sheet first, title rows, headings with line
// breaks and extra spaces in another order, a numbering row, areas merged
// across, a continuation row, decomposed (NFD) text, a vertically merged
// lead, the header repeated, a bad TT, a task without content and a note
// merged under the table.
func messyWorkbook(t testing.TB) []byte {
	s := newSheetBuilder(t, "Hướng dẫn")
	s.row(1, "Bảng này liệt kê các nhiệm vụ; xem trang tính sau.")
	if _, err := s.f.NewSheet("KH 2025"); err != nil {
		t.Fatal(err)
	}
	s.sheet = "KH 2025"
	s.row(1, "UBND TỈNH HÀ GIANG")
	s.row(2, "SỞ NỘI VỤ")
	s.row(3, "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025")
	s.merge("A3:G3")
	header := []any{"STT", "Nội dung\n  thực   hiện", "Cơ quan/Đơn vị\nchủ trì", "Cơ quan phối hợp", "Sản phẩm đầu ra/dự kiến", "Thời gian thực hiện/hoàn thành", "Ghi chú"}
	s.row(5, header...)
	s.row(6, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)")
	s.row(7, "I", "CẢI CÁCH THỂ CHẾ")
	s.merge("B7:G7")
	s.row(8, "1", "Rà soát văn bản quy phạm pháp luật", "Phòng Pháp chế", "Các phòng; Văn phòng Sở", "Báo cáo", "Quý II/2025", "")
	s.row(9, "", "- Công bố kết quả rà soát")
	s.row(10, "2.", "Xây dựng quy chế phối hợp", "Văn phòng Sở", "Phòng Pháp chế", "Quy\u0301 chê\u0301", "Tháng 12/2025")
	s.row(11, "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
	s.merge("A11:G11")
	s.row(12, "1", "Công khai thủ tục hành chính", "Văn phòng Sở", "Trung tâm PVHCC", "Danh mục", "Thường xuyên")
	s.row(13, "2", "Số hóa hồ sơ", "", "Các phòng", "Hồ sơ điện tử", "Quý IV/2025- Quý II/2026")
	s.merge("C12:C13")
	s.row(14, header...)
	s.row(15, "3", "Đo lường sự hài lòng", "Văn phòng Sở", "", "Báo cáo", "Quí IV-2025")
	s.row(16, "(*)", "Dòng lạc", "Văn phòng Sở")
	s.row(17, "4", "", "Văn phòng Sở", "", "", "Năm 2025")
	s.row(18, "Ghi chú: các phòng báo cáo kết quả trước ngày 15 hằng tháng.")
	s.merge("A18:G18")
	return s.bytes()
}

// twoRowHeaderWorkbook: the heading split over two merged rows, groups
// lettered A and B, a subgroup "1" over tasks "1.1" and "1.2", and a lead
// merged down over two tasks.
func twoRowHeaderWorkbook(t testing.TB) []byte {
	s := newSheetBuilder(t, "Phụ lục")
	s.row(1, "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026")
	s.merge("A1:F1")
	s.row(3, "TT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "", "Thời gian hoàn thành", "Kết quả dự kiến")
	s.row(4, "", "", "Chủ trì", "Phối hợp")
	for _, ref := range []string{"A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4"} {
		s.merge(ref)
	}
	s.row(5, "A", "NHIỆM VỤ TRỌNG TÂM")
	s.merge("B5:F5")
	s.row(6, "1", "Hoàn thiện thể chế")
	s.row(7, "1.1", "Rà soát quy chế làm việc", "Văn phòng", "Các phòng", "Quý I/2026", "Quy chế")
	s.row(8, "1.2", "Ban hành quy chế văn thư", "", "Các phòng", "Trước ngày 30/11/2026", "Quy chế")
	s.merge("C7:C8")
	s.row(9, "B", "NHIỆM VỤ THƯỜNG XUYÊN")
	s.merge("B9:F9")
	s.row(10, "1", "Tuyên truyền cải cách hành chính", "Văn phòng", "", "2026 - 2030", "Tin bài")
	s.row(11, "2", "Kiểm tra công tác cải cách hành chính", "Thanh tra", "Văn phòng", "Tháng 12 hằng năm", "Báo cáo")
	return s.bytes()
}

// flatWorkbook: the header on the first row, no area rows.
func flatWorkbook(t testing.TB) []byte {
	s := newSheetBuilder(t, "Sheet")
	s.row(1, "STT", "Tên nhiệm vụ", "Đơn vị thực hiện", "Thời gian")
	s.row(2, 1, "Cập nhật cơ sở dữ liệu", "Văn phòng", "Hằng năm")
	s.row(3, 2, "Đào tạo công chức", "Phòng Tổ chức", "Năm 2024")
	return s.bytes()
}

// tcvn3Rows and vniRows are a task table typed in the legacy encodings, as
// they read without their fonts.
var (
	tcvn3Rows = [][]any{
		{"TT", "Néi dung", "§¬n vÞ chñ tr×", "Thêi gian thùc hiÖn"},
		{"I", "C¶i c¸ch thÓ chÕ"},
		{"1", "Rµ so¸t v¨n b¶n quy ph¹m ph¸p luËt", "V¨n phßng Së", "N¨m 2023"},
	}
	vniRows = [][]any{
		{"TT", "Noäi dung", "Ñôn vò chuû trì", "Thôøi gian thöïc hieän"},
		{"I", "Caûi caùch theå cheá"},
		{"1", "Raø soaùt vaên baûn quy phaïm phaùp luaät", "Vaên phoøng Sôû", "Naêm 2023"},
	}
)

func legacyWorkbook(t testing.TB, rows [][]any) []byte {
	s := newSheetBuilder(t, "Sheet1")
	for i, r := range rows {
		s.row(i+1, r...)
	}
	return s.bytes()
}

func noTableWorkbook(t testing.TB) []byte {
	s := newSheetBuilder(t, "Ghi chép")
	s.row(1, "Danh sách liên hệ")
	s.row(2, "Họ và tên", "Điện thoại")
	s.row(3, "Nguyễn Văn A", "0912 345 678")
	return s.bytes()
}

// wordDoc builds a minimal .docx: the parts Word needs and document.xml.
type wordDoc struct{ body strings.Builder }

// para writes a paragraph; style holds "b" (bold), "c" (centred), "i"
// (italic), "n" (Word numbers it).
func (d *wordDoc) para(text, style string) {
	d.body.WriteString(paraXML(text, style, ""))
}

func paraXML(text, style, font string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if strings.ContainsAny(style, "cn") {
		b.WriteString("<w:pPr>")
		if strings.Contains(style, "n") {
			b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
		}
		if strings.Contains(style, "c") {
			b.WriteString(`<w:jc w:val="center"/>`)
		}
		b.WriteString("</w:pPr>")
	}
	for i, line := range strings.Split(text, "\n") {
		b.WriteString("<w:r><w:rPr>")
		if font != "" {
			fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:hAnsi="%s"/>`, font, font)
		}
		if strings.Contains(style, "b") {
			b.WriteString("<w:b/>")
		}
		if strings.Contains(style, "i") {
			b.WriteString("<w:i/>")
		}
		b.WriteString("</w:rPr>")
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t></w:r>`, html.EscapeString(line))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// wordCellSpec is one cell of a table to build: its paragraphs (one per
// line of text), its span and vertical merge, its style.
type wordCellSpec struct {
	text   string
	span   int
	vMerge string
	style  string
	font   string
}

// table writes a table; borderless tables hold the header blocks.
func (d *wordDoc) table(rows [][]wordCellSpec, borders bool) {
	d.body.WriteString("<w:tbl><w:tblPr>")
	if borders {
		d.body.WriteString(`<w:tblBorders><w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders>`)
	}
	d.body.WriteString("</w:tblPr>")
	for _, r := range rows {
		d.body.WriteString("<w:tr>")
		for _, c := range r {
			d.body.WriteString("<w:tc><w:tcPr>")
			if c.span > 1 {
				fmt.Fprintf(&d.body, `<w:gridSpan w:val="%d"/>`, c.span)
			}
			switch c.vMerge {
			case "restart":
				d.body.WriteString(`<w:vMerge w:val="restart"/>`)
			case "continue":
				d.body.WriteString(`<w:vMerge/>`)
			}
			d.body.WriteString("</w:tcPr>")
			lines := strings.Split(c.text, "\n")
			for _, line := range lines {
				d.body.WriteString(paraXML(line, c.style, c.font))
			}
			d.body.WriteString("</w:tc>")
		}
		d.body.WriteString("</w:tr>")
	}
	d.body.WriteString("</w:tbl>")
}

// raw writes XML into the body as it is.
func (d *wordDoc) raw(xml string) { d.body.WriteString(xml) }

func (d *wordDoc) bytes(t testing.TB) []byte { return zipOf(t, d.parts()) }

// parts are the parts of the document's package.
func (d *wordDoc) parts() map[string]string {
	document := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		d.body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   document,
	}
}

func cells(texts ...string) []wordCellSpec {
	out := make([]wordCellSpec, len(texts))
	for i, text := range texts {
		out[i] = wordCellSpec{text: text}
	}
	return out
}

// seedDocument is plan 122/KH-SKH as a Word file lays it out: the agency
// and Quốc hiệu in a borderless table, the body, the Nơi nhận beside the
// signer, and the appendix whose table repeats its header at page breaks,
// merges area rows across, continues VI.1 in a row without TT and merges
// the lead cells of neighbouring tasks.
func seedDocument(t testing.TB) []byte {
	b := seedBundle(t)
	p := b.Plan
	d := &wordDoc{}
	d.table([][]wordCellSpec{
		{{text: p.Agency.Parent + "\n" + strings.ToUpper(p.Agency.Name), style: "c"}, {text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n_______________", style: "bc"}},
		{{text: p.NumberLine(), style: "c"}, {text: p.DateLine(), style: "ic"}},
	}, false)
	d.para(p.DocType.Title(), "bc")
	d.para(p.Summary, "bc")
	d.para("_____", "c")
	for _, line := range append(append([]string{}, p.LegalBasis...), p.Intro...) {
		d.para(line, "")
	}
	for _, s := range p.Sections {
		d.para(s.Heading(), "b")
		for _, para := range s.Paragraphs {
			d.para(para, "")
		}
	}
	for _, line := range p.Closing {
		d.para(line, "")
	}
	distribution := "Nơi nhận:"
	for _, line := range p.Distribution {
		distribution += "\n- " + line
	}
	d.table([][]wordCellSpec{{{text: distribution}, {text: strings.Join(p.Signer.TitleLines(), "\n"), style: "bc"}}}, false)
	d.raw(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	d.para(p.Appendix.Heading, "bc")
	d.para(p.Appendix.Title, "bc")
	d.para(p.AppendixNote(), "ic")
	d.table(seedTaskRows(b), true)
	return d.bytes(t)
}

// seedTaskRows lays out the seed's task table the way its Word original
// does.
func seedTaskRows(b store.Bundle) [][]wordCellSpec {
	header := cells(b.Plan.Appendix.Columns[:]...)
	for i := range header {
		header[i].style = "bc"
	}
	rows := [][]wordCellSpec{header}
	for _, a := range b.Areas {
		rows = append(rows, []wordCellSpec{{text: a.Numeral, style: "b"}, {text: a.Name, span: 5, style: "b"}})
		for j, task := range a.Tasks {
			content, more, split := strings.Cut(task.Content, "\n")
			if !split || a.Numeral != "VI" {
				content, more = task.Content, ""
			}
			row := cells(task.Ordinal, content, task.Product, task.Lead, store.JoinUnits(task.Coordinating), task.Timeline.Text)
			if j > 0 && a.Tasks[j-1].Lead == task.Lead && a.Numeral == "I" {
				row[3] = wordCellSpec{vMerge: "continue"}
			} else if j+1 < len(a.Tasks) && a.Tasks[j+1].Lead == task.Lead && a.Numeral == "I" {
				row[3].vMerge = "restart"
			}
			rows = append(rows, row)
			if more != "" {
				rows = append(rows, append(append(cells(""), wordCellSpec{text: more}), cells("", "", "", "")...))
			}
			if a.Numeral == "II" && task.Ordinal == "2" {
				rows = append(rows, header)
			}
		}
	}
	return rows
}

// otherProvinceDocument is a plan laid out differently: a two-row header
// with merged cells, a numbering row, groups A and I, tasks Word numbers by
// itself, a subgroup, line breaks inside cells, a deleted revision that must
// not be read, and a row whose TT is not a number.
func otherProvinceDocument(t testing.TB) []byte {
	d := &wordDoc{}
	d.table([][]wordCellSpec{
		{{text: "UBND TỈNH HÀ GIANG\nSỞ NỘI VỤ", style: "c"}, {text: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc", style: "bc"}},
		{{text: "Số: 45/KH-SNV", style: "c"}, {text: "Hà Giang, ngày 05 tháng 3 năm 2025", style: "ic"}},
	}, false)
	d.para("KẾ HOẠCH", "bc")
	d.para("Cải cách hành chính năm 2025", "bc")
	d.para("Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh;", "")
	d.para("I. MỤC ĐÍCH, YÊU CẦU", "b")
	d.para("Nâng cao chất lượng phục vụ người dân, doanh nghiệp của Sở Nội vụ.", "")
	d.para("II. NHIỆM VỤ", "b")
	d.para("Chi tiết tại Phụ lục kèm theo.", "")
	d.para("PHỤ LỤC", "bc")
	d.para("DANH MỤC NHIỆM VỤ NĂM 2025", "bc")
	d.para("(Kèm theo Kế hoạch số 45/KH-SNV ngày 05/3/2025 của Sở Nội vụ)", "ic")
	d.table([][]wordCellSpec{
		{{text: "STT", vMerge: "restart"}, {text: "Nhiệm vụ,\ngiải pháp", vMerge: "restart"}, {text: "Cơ quan thực hiện", span: 2}, {text: "Thời gian thực hiện/\nhoàn thành", vMerge: "restart"}, {text: "Sản phẩm đầu ra", vMerge: "restart"}},
		{{vMerge: "continue"}, {vMerge: "continue"}, {text: "Chủ trì"}, {text: "Phối hợp"}, {vMerge: "continue"}, {vMerge: "continue"}},
		cells("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
		{{text: "A"}, {text: "NHIỆM VỤ CHUNG", span: 5}},
		{{style: "n"}, {text: "Ban hành kế hoạch tuyên truyền"}, {text: "Văn phòng"}, {text: "Các phòng"}, {text: "Quý I/2025"}, {text: "Kế hoạch"}},
		{{style: "n"}, {text: "Tổ chức hội nghị\nsơ kết cải cách hành chính"}, {text: "Văn phòng"}, {text: ""}, {text: "Quý IV/2025- Quý II/2026"}, {text: "Báo cáo"}},
		{{text: "I"}, {text: "CẢI CÁCH TỔ CHỨC BỘ MÁY", span: 5}},
		cells("1", "Sắp xếp tổ chức bộ máy", "", "", "", ""),
		{{text: "1.1"}, {text: "Rà soát chức năng, nhiệm vụ"}, {text: "Phòng Tổ chức", vMerge: "restart"}, {text: "Các phòng; Văn phòng"}, {text: "Trước ngày 30/11/2025"}, {text: "Tờ trình"}},
		{{text: "1.2"}, {text: "Kiện toàn các phòng"}, {vMerge: "continue"}, {text: ""}, {text: "Hằng năm"}, {text: "Quyết định"}},
		cells("Tổng", "2 nhiệm vụ", "", "", "", ""),
	}, true)
	d.raw(`<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>chữ đã xoá</w:delText></w:r></w:del></w:p>`)
	return d.bytes(t)
}

// tcvn3Document is a table typed in TCVN3 with the .VnTime font.
func tcvn3Document(t testing.TB) []byte {
	d := &wordDoc{}
	var rows [][]wordCellSpec
	for _, r := range tcvn3Rows {
		var row []wordCellSpec
		for _, v := range r {
			row = append(row, wordCellSpec{text: v.(string), font: ".VnTime"})
		}
		for len(row) < 4 {
			row = append(row, wordCellSpec{font: ".VnTime"})
		}
		rows = append(rows, row)
	}
	d.table(rows, true)
	return d.bytes(t)
}

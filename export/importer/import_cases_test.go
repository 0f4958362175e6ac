package importer

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
)

func readFixturePlan(t *testing.T, name string, year int) *Imported {
	t.Helper()
	im, err := ReadPlan(bytes.NewReader(readFixture(t, name)), name, year)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

func TestImportMessyWorkbook(t *testing.T) {
	im := readFixturePlan(t, "xlsx/messy.xlsx", 2025)
	want := []string{
		"AREA I. CẢI CÁCH THỂ CHẾ",
		`I. CẢI CÁCH THỂ CHẾ|1|Rà soát văn bản quy phạm pháp luật` + "\n" + `- Công bố kết quả rà soát|Báo cáo|Phòng Pháp chế|Các phòng;Văn phòng Sở|Quý II/2025|"30/06/2025"`,
		`I. CẢI CÁCH THỂ CHẾ|2|Xây dựng quy chế phối hợp|Quý chế|Văn phòng Sở|Phòng Pháp chế|Tháng 12/2025|"31/12/2025"`,
		"AREA II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
		`II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH|1|Công khai thủ tục hành chính|Danh mục|Văn phòng Sở|Trung tâm PVHCC|Thường xuyên|""`,
		`II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH|2|Số hóa hồ sơ|Hồ sơ điện tử|Văn phòng Sở|Các phòng|Quý IV/2025- Quý II/2026|"30/06/2026"`,
		`II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH|3|Đo lường sự hài lòng|Báo cáo|Văn phòng Sở||Quí IV-2025|"31/12/2025"`,
	}
	diffLines(t, bundleLines(im.Bundle), want)
	problems := []string{
		"dòng 16: ô TT “(*)” không phải số thứ tự, số La Mã hay chữ cái",
		"dòng 17: nhiệm vụ “4” không có nội dung",
		"dòng 18: dòng “Ghi chú: các phòng báo cáo kết quả trước ngày 15 hằng tháng.” không phải lĩnh vực hay nhiệm vụ",
	}
	diffLines(t, sortedProblems(im.Problems), problems)
	p := im.Bundle.Plan
	if p.Agency.Parent != "UBND TỈNH HÀ GIANG" || p.Agency.Name != "SỞ NỘI VỤ" || im.HeaderRow != 5 || im.Source != "trang tính “KH 2025”" {
		t.Errorf("agency %+v, header row %d in %s", p.Agency, im.HeaderRow, im.Source)
	}
	if im.GuessYear(2000) != 2025 {
		t.Errorf("year %d, want 2025 from the title", im.GuessYear(2000))
	}
	if p.Appendix.Columns[fieldLead] != "Cơ quan/Đơn vị chủ trì" || p.Appendix.Columns[fieldContent] != "Nội dung thực hiện" {
		t.Errorf("columns %q", p.Appendix.Columns)
	}
}

func TestImportTwoRowHeaderWorkbook(t *testing.T) {
	im := readFixturePlan(t, "xlsx/two-row-header.xlsx", 2026)
	want := []string{
		"AREA A. NHIỆM VỤ TRỌNG TÂM",
		"AREA 1. Hoàn thiện thể chế",
		`1. Hoàn thiện thể chế|1.1|Rà soát quy chế làm việc|Quy chế|Văn phòng|Các phòng|Quý I/2026|"31/03/2026"`,
		`1. Hoàn thiện thể chế|1.2|Ban hành quy chế văn thư|Quy chế|Văn phòng|Các phòng|Trước ngày 30/11/2026|"30/11/2026"`,
		"AREA B. NHIỆM VỤ THƯỜNG XUYÊN",
		`B. NHIỆM VỤ THƯỜNG XUYÊN|1|Tuyên truyền cải cách hành chính|Tin bài|Văn phòng||2026 - 2030|"31/12/2030"`,
		`B. NHIỆM VỤ THƯỜNG XUYÊN|2|Kiểm tra công tác cải cách hành chính|Báo cáo|Thanh tra|Văn phòng|Tháng 12 hằng năm|""`,
	}
	diffLines(t, bundleLines(im.Bundle), want)
	if len(im.Problems) > 0 {
		t.Errorf("problems %v", im.Problems)
	}
	columns := im.Bundle.Plan.Appendix.Columns
	if columns[fieldLead] != "Chủ trì" || columns[fieldCoordinating] != "Phối hợp" || im.HeaderRow != 4 {
		t.Errorf("columns %q, header ends on row %d", columns, im.HeaderRow)
	}
}

func TestImportFlatWorkbook(t *testing.T) {
	im := readFixturePlan(t, "xlsx/flat.xlsx", 2024)
	if len(im.Bundle.Areas) != 1 || im.Bundle.Areas[0].Name != implicitAreaName || im.Bundle.TaskCount() != 2 {
		t.Fatalf("%v", bundleLines(im.Bundle))
	}
	if len(im.Notes) != 2 || !strings.Contains(im.Notes[0], "không chia lĩnh vực") || !strings.Contains(im.Notes[1], "số kế hoạch") {
		t.Errorf("notes %q", im.Notes)
	}
	b := im.NewPlanBundle(store.Settings{Agency: store.Agency{Abbrev: "SKH"}})
	if b.Plan.Number != "" || b.Plan.Year != 2024 || b.Plan.NumberLine() != "Số:      /KH-SKH" {
		t.Errorf("new plan %s (%q) year %d", b.Plan.Ref(), b.Plan.NumberLine(), b.Plan.Year)
	}
}

func TestImportRefusesLegacyEncodingsAndNoTable(t *testing.T) {
	tests := []struct {
		name string
		want error
		text string
	}{
		{"xlsx/tcvn3.xlsx", ErrLegacyEncoding, "TCVN3"},
		{"xlsx/vni.xlsx", ErrLegacyEncoding, "VNI"},
		{"docx/tcvn3.docx", ErrLegacyEncoding, ".VnTime"},
		{"xlsx/no-table.xlsx", ErrNoTable, "dòng tiêu đề"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPlan(bytes.NewReader(readFixture(t, tt.name)), tt.name, 2023)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("%s: %v; want %v mentioning %q", tt.name, err, tt.want, tt.text)
			}
		})
	}
}

func TestImportSeedFromWord(t *testing.T) {
	seed := seedBundle(t)
	im := readFixturePlan(t, "docx/seed-plan.docx", 2023)
	diffLines(t, bundleLines(im.Bundle), bundleLines(seed))
	if len(im.Problems) > 0 || im.Source != "bảng 3" {
		t.Errorf("problems %v, source %s", im.Problems, im.Source)
	}
	got, want := im.Bundle.Plan, seed.Plan
	want.ID, want.Year = 0, 2023
	fields := []struct {
		name      string
		got, want any
	}{
		{"ref", got.Ref(), want.Ref()},
		{"date", got.IssueDate, want.IssueDate},
		{"type", got.DocType, want.DocType},
		{"summary", got.Summary, want.Summary},
		{"legal basis", got.LegalBasis, want.LegalBasis},
		{"intro", got.Intro, want.Intro},
		{"closing", got.Closing, want.Closing},
		{"distribution", got.Distribution, want.Distribution},
		{"signer", got.Signer, want.Signer},
		{"agency", got.Agency, want.Agency},
		{"appendix", got.Appendix, want.Appendix},
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			if !reflect.DeepEqual(f.got, f.want) {
				t.Errorf("%s:\n got  %#v\n want %#v", f.name, f.got, f.want)
			}
		})
	}
	if len(got.Sections) != len(want.Sections) {
		t.Fatalf("%d sections, want %d", len(got.Sections), len(want.Sections))
	}
	for i := range want.Sections {
		if !reflect.DeepEqual(got.Sections[i], want.Sections[i]) {
			t.Errorf("section %d:\n got  %#v\n want %#v", i, got.Sections[i], want.Sections[i])
		}
	}
}

func TestImportOtherProvinceFromWord(t *testing.T) {
	im := readFixturePlan(t, "docx/other-province.docx", 2025)
	want := []string{
		"AREA A. NHIỆM VỤ CHUNG",
		`A. NHIỆM VỤ CHUNG|1|Ban hành kế hoạch tuyên truyền|Kế hoạch|Văn phòng|Các phòng|Quý I/2025|"31/03/2025"`,
		"A. NHIỆM VỤ CHUNG|2|Tổ chức hội nghị\nsơ kết cải cách hành chính|Báo cáo|Văn phòng||Quý IV/2025- Quý II/2026|\"30/06/2026\"",
		"AREA I. CẢI CÁCH TỔ CHỨC BỘ MÁY",
		"AREA 1. Sắp xếp tổ chức bộ máy",
		`1. Sắp xếp tổ chức bộ máy|1.1|Rà soát chức năng, nhiệm vụ|Tờ trình|Phòng Tổ chức|Các phòng;Văn phòng|Trước ngày 30/11/2025|"30/11/2025"`,
		`1. Sắp xếp tổ chức bộ máy|1.2|Kiện toàn các phòng|Quyết định|Phòng Tổ chức||Hằng năm|""`,
	}
	diffLines(t, bundleLines(im.Bundle), want)
	diffLines(t, sortedProblems(im.Problems), []string{"dòng 11: ô TT “Tổng” không phải số thứ tự, số La Mã hay chữ cái"})
	p := im.Bundle.Plan
	if p.Ref() != "45/KH-SNV" || p.IssueDate != store.NewDate(2025, 3, 5) || p.Agency.Name != "Sở Nội vụ" || p.Agency.Parent != "UBND TỈNH HÀ GIANG" || p.Agency.Place != "Hà Giang" {
		t.Errorf("plan %s %s %+v", p.Ref(), p.IssueDate, p.Agency)
	}
	if len(p.Sections) != 2 || p.Sections[0].Title != "MỤC ĐÍCH, YÊU CẦU" || len(p.LegalBasis) != 1 || p.Summary != "Cải cách hành chính năm 2025" {
		t.Errorf("body: sections %+v legal basis %q summary %q", p.Sections, p.LegalBasis, p.Summary)
	}
	if p.Appendix.Heading != "PHỤ LỤC" || p.Appendix.Columns[fieldTimeline] != "Thời gian thực hiện/hoàn thành" {
		t.Errorf("appendix %+v", p.Appendix)
	}
	for _, a := range im.Bundle.Areas {
		for _, task := range a.Tasks {
			if strings.Contains(task.Content, "đã xoá") {
				t.Error("deleted text was read")
			}
		}
	}
}

// Whatever layout a plan came in, once imported it goes out and comes back
// through our own workbook unchanged.
func TestImportedPlansRoundTrip(t *testing.T) {
	for _, name := range []string{"xlsx/messy.xlsx", "xlsx/two-row-header.xlsx", "xlsx/flat.xlsx", "docx/other-province.docx"} {
		t.Run(name, func(t *testing.T) {
			first := readFixturePlan(t, name, 2025)
			again, err := ReadPlan(bytes.NewReader(writeWorkbook(t, first.Bundle, xlsx.XLSXOptions{})), "again.xlsx", 2025)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			if len(again.Problems) > 0 {
				t.Errorf("%s: problems %v", name, again.Problems)
			}
			diffLines(t, bundleLines(again.Bundle), bundleLines(first.Bundle))
			if again.Bundle.Plan.Appendix.Columns != first.Bundle.Plan.Appendix.Columns {
				t.Errorf("%s: columns %q, want %q", name, again.Bundle.Plan.Appendix.Columns, first.Bundle.Plan.Appendix.Columns)
			}
		})
	}
}

package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// taskLine writes what an import must keep of a task, for comparisons.
func taskLine(area store.Area, t store.Task) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%q", area.Label(), t.Ordinal, t.Content, t.Product, t.Lead,
		strings.Join(t.Coordinating, ";"), t.Timeline.Text, t.Timeline.Due)
}

func bundleLines(b store.Bundle) []string {
	var lines []string
	for _, a := range b.Areas {
		lines = append(lines, "AREA "+a.Label())
		for _, t := range a.Tasks {
			lines = append(lines, taskLine(a.Area, t))
		}
	}
	return lines
}

// diffLines reports the first lines where got and want differ.
func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d:\n got  %s\n want %s", i, g, w)
		}
	}
}

func TestRoundTripSeedThroughExcel(t *testing.T) {
	seed := seedBundle(t)
	data := writeWorkbook(t, seed, xlsx.XLSXOptions{})
	im, err := ReadPlan(bytes.NewReader(data), "kehoach.xlsx", 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Problems) > 0 || len(im.Notes) > 0 {
		t.Errorf("problems %v, notes %v", im.Problems, im.Notes)
	}
	diffLines(t, bundleLines(im.Bundle), bundleLines(seed))
	p := im.Bundle.Plan
	if p.Ref() != "122/KH-SKH" || p.IssueDate != seed.Plan.IssueDate || p.Agency.Name != "Sở Kế hoạch và Đầu tư" || p.DocType != store.DocPlan {
		t.Errorf("plan details: %s %s %q %q", p.Ref(), p.IssueDate, p.Agency.Name, p.DocType)
	}
	if p.Appendix != seed.Plan.Appendix {
		t.Errorf("appendix %+v, want %+v", p.Appendix, seed.Plan.Appendix)
	}
	if im.Source != "trang tính “Biểu kế hoạch”" || im.HeaderRow != 5 {
		t.Errorf("read %s header row %d", im.Source, im.HeaderRow)
	}
	if im.GuessYear(0) != 2023 {
		t.Errorf("year guessed %d", im.GuessYear(0))
	}
	for _, a := range im.Bundle.Areas {
		for _, task := range a.Tasks {
			if err := task.Validate(); err != nil || task.Status != store.StatusNotStarted {
				t.Errorf("task %s: %v %q", task.Ordinal, err, task.Status)
			}
		}
	}
}

func TestRoundTripOneUnitsWorkbook(t *testing.T) {
	seed := seedBundle(t)
	im, err := ReadPlan(bytes.NewReader(writeWorkbook(t, seed, xlsx.XLSXOptions{Unit: "Thanh tra Sở"})), "tt.xlsx", 2023)
	if err != nil {
		t.Fatal(err)
	}
	if im.Bundle.TaskCount() != 3 || im.Bundle.Areas[0].Tasks[2].Lead != "Thanh tra Sở" {
		t.Errorf("read %d tasks: %v", im.Bundle.TaskCount(), bundleLines(im.Bundle))
	}
}

func TestReadPlanRefusesWhatItCannotRead(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
		text string
	}{
		{"rong.xlsx", nil, ErrEmptyFile, "rỗng"},
		{"khoang.docx", []byte("  \n"), ErrEmptyFile, "rỗng"},
		{"cu.xls", append(bytes.Clone(oleSignature), make([]byte, 600)...), ErrOldFormat, "Lưu thành"},
		{"cu.doc", append(bytes.Clone(oleSignature), []byte("Word.Document")...), ErrOldFormat, ".docx"},
		{"ghichu.txt", []byte("TT\tNội dung\n1\tViệc"), ErrNotSupported, "không phải tệp Excel"},
		{"van.rtf", []byte(`{\rtf1\ansi hello}`), ErrNotSupported, "RTF"},
		{"hong.xlsx", []byte("PK\x03\x04 garbage"), ErrDamaged, "hỏng"},
		{"zip.xlsx", zipOf(t, map[string]string{"a.txt": "x"}), ErrNotSupported, "tệp nén"},
	}
	for _, tt := range tests {
		_, err := ReadPlan(bytes.NewReader(tt.data), tt.name, 2023)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) || !strings.HasPrefix(err.Error(), tt.name) {
			t.Errorf("%s: %v; want %v naming the file and %q", tt.name, err, tt.want, tt.text)
		}
	}
}

func TestParseAppendixNote(t *testing.T) {
	tests := []struct {
		line   string
		ref    string
		date   store.Date
		agency string
	}{
		{"(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/01/2023 của Sở Kế hoạch và Đầu tư)", "122/KH-SKH", store.NewDate(2023, 1, 28), "Sở Kế hoạch và Đầu tư"},
		{"(Kèm theo Kế hoạch số: 45/KH-UBND ngày 05 tháng 3 năm 2025 của UBND tỉnh)", "45/KH-UBND", store.NewDate(2025, 3, 5), "UBND tỉnh"},
		{"Kèm theo Kế hoạch số 7/KH-SNV", "07/KH-SNV", store.Date{}, ""},
	}
	for _, tt := range tests {
		var p store.Plan
		if !applyAppendixNote(&p, tt.line) {
			t.Errorf("%q is not read as a reference line", tt.line)
			continue
		}
		if p.Ref() != tt.ref || p.IssueDate != tt.date || p.Agency.Name != tt.agency || p.DocType != store.DocPlan {
			t.Errorf("%q: %s %s %q %q", tt.line, p.Ref(), p.IssueDate, p.Agency.Name, p.DocType)
		}
	}
	var p store.Plan
	if applyAppendixNote(&p, "Kết quả thực hiện") {
		t.Error("an ordinary line read as a reference")
	}
}

func TestDetectLegacyEncoding(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Cải cách hành chính, xây dựng chính quyền điện tử; Đơn vị chủ trì", ""},
		{"C¶i c¸ch hµnh chÝnh, x©y dùng chÝnh quyÒn ®iÖn tö; §¬n vÞ chñ tr×", encodingTCVN3},
		{"Caûi caùch haønh chính, xaây döïng chính quyeàn ñieän töû; Ñôn vò chuû trì", encodingVNI},
		{"Thời gian · Năm 2023 °C", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := detectLegacyEncoding(tt.text); got != tt.want {
			t.Errorf("detectLegacyEncoding(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHeadingKeyAndClassify(t *testing.T) {
	tests := []struct {
		heading string
		want    int
	}{
		{"TT", fieldOrdinal},
		{"S\nTT", -1},
		{"STT", fieldOrdinal},
		{"NỘI  DUNG", fieldContent},
		{"Nội dung\nthực hiện", fieldContent},
		{"Nhiệm vụ, giải pháp", fieldContent},
		{"Tên nhiệm vụ", fieldContent},
		{"Cơ quan/Đơn vị chủ trì", fieldLead},
		{"Đơn vị thực hiện", fieldLead},
		{"Đơn vị chủ trì dự thảo", fieldLead},
		{"Cơ quan phối hợp", fieldCoordinating},
		{"Đơn vị phối hợp thực hiện", fieldCoordinating},
		{"Thời gian thực hiện/hoàn thành", fieldTimeline},
		{"Thời gian thực hiện", fieldTimeline},
		{"Sản phẩm đầu ra/dự kiến", fieldProduct},
		{"Kết quả dự kiến", fieldProduct},
		{"Ghi chú", -1},
	}
	for _, tt := range tests {
		if got := planColumns.classify(headingKey(tt.heading)); got != tt.want {
			t.Errorf("classify(%q → %q) = %d, want %d", tt.heading, headingKey(tt.heading), got, tt.want)
		}
	}
}

func TestCleanCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Văn  phòng\u00a0Sở ", "Văn phòng Sở"},
		{"dòng 1\r\n\r\n  dòng 2  ", "dòng 1\ndòng 2"},
		{"Quy\u0301 II", "Quý II"},
	}
	for _, tt := range tests {
		if got, _ := cleanCell(tt.in); got != tt.want {
			t.Errorf("cleanCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long, cut := cleanCell(strings.Repeat("ệ", maxCellRunes+5))
	if !cut || len([]rune(long)) != maxCellRunes {
		t.Errorf("a long cell is not cut: %d runes, cut %v", len([]rune(long)), cut)
	}
}

// sortedProblems writes problems one a line, for comparisons.
func sortedProblems(problems []RowProblem) []string {
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = p.String()
	}
	slices.Sort(lines)
	return lines
}

// zipOf builds a zip archive of the given parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// seedBundle returns the seed plan with ids, as the store would give it.
func seedBundle(testing.TB) store.Bundle { return demo.Seed() }

// writeWorkbook exports b as our workbook and returns the file's bytes.
func writeWorkbook(t testing.TB, b store.Bundle, opts xlsx.XLSXOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.WriteXLSX(context.Background(), &buf, b, opts); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	return buf.Bytes()
}

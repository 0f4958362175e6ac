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

	"github.com/kehoach/cchc/export/importer/limits"

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
	checkSeedPlanDetails(t, im.Bundle.Plan, seed.Plan)
	if im.Source != "trang tính “Biểu kế hoạch”" || im.HeaderRow != 5 {
		t.Errorf("read %s header row %d", im.Source, im.HeaderRow)
	}
	if im.GuessYear(0) != 2023 {
		t.Errorf("year guessed %d", im.GuessYear(0))
	}
	checkTasksFresh(t, im.Bundle)
}

// checkSeedPlanDetails checks that the plan read back from the seed's
// workbook keeps the seed's number, date, agency, type and appendix.
func checkSeedPlanDetails(t *testing.T, p, seed store.Plan) {
	t.Helper()
	if p.Ref() != "122/KH-SKH" || p.IssueDate != seed.IssueDate || p.Agency.Name != "Sở Kế hoạch và Đầu tư" || p.DocType != store.DocPlan {
		t.Errorf("plan details: %s %s %q %q", p.Ref(), p.IssueDate, p.Agency.Name, p.DocType)
	}
	if p.Appendix != seed.Appendix {
		t.Errorf("appendix %+v, want %+v", p.Appendix, seed.Appendix)
	}
}

// checkTasksFresh checks that every task read is valid and not started.
func checkTasksFresh(t *testing.T, b store.Bundle) {
	t.Helper()
	for _, a := range b.Areas {
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
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPlan(bytes.NewReader(tt.data), tt.name, 2023)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) || !strings.HasPrefix(err.Error(), tt.name) {
				t.Errorf("%s: %v; want %v naming the file and %q", tt.name, err, tt.want, tt.text)
			}
		})
	}
}

func TestParseAppendixNote(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		ref    string
		date   store.Date
		agency string
	}{
		{"our own note", "(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/01/2023 của Sở Kế hoạch và Đầu tư)", "122/KH-SKH", store.NewDate(2023, 1, 28), "Sở Kế hoạch và Đầu tư"},
		{"số with a colon, date in words", "(Kèm theo Kế hoạch số: 45/KH-UBND ngày 05 tháng 3 năm 2025 của UBND tỉnh)", "45/KH-UBND", store.NewDate(2025, 3, 5), "UBND tỉnh"},
		{"number only, no brackets", "Kèm theo Kế hoạch số 7/KH-SNV", "07/KH-SNV", store.Date{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p store.Plan
			if !applyAppendixNote(&p, tt.line) {
				t.Errorf("%q is not read as a reference line", tt.line)
				return
			}
			if p.Ref() != tt.ref || p.IssueDate != tt.date || p.Agency.Name != tt.agency || p.DocType != store.DocPlan {
				t.Errorf("%q: %s %s %q %q", tt.line, p.Ref(), p.IssueDate, p.Agency.Name, p.DocType)
			}
		})
	}
	var p store.Plan
	if applyAppendixNote(&p, "Kết quả thực hiện") {
		t.Error("an ordinary line read as a reference")
	}
}

func TestDetectLegacyEncoding(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"Unicode", "Cải cách hành chính, xây dựng chính quyền điện tử; Đơn vị chủ trì", ""},
		{"TCVN3", "C¶i c¸ch hµnh chÝnh, x©y dùng chÝnh quyÒn ®iÖn tö; §¬n vÞ chñ tr×", encodingTCVN3},
		{"VNI", "Caûi caùch haønh chính, xaây döïng chính quyeàn ñieän töû; Ñôn vò chuû trì", encodingVNI},
		{"Unicode with Latin-1 symbols", "Thời gian · Năm 2023 °C", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectLegacyEncoding(tt.text); got != tt.want {
				t.Errorf("detectLegacyEncoding(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
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
		t.Run(tt.heading, func(t *testing.T) {
			if got := planColumns.classify(headingKey(tt.heading)); got != tt.want {
				t.Errorf("classify(%q → %q) = %d, want %d", tt.heading, headingKey(tt.heading), got, tt.want)
			}
		})
	}
}

func TestCleanCell(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaces and no-break space", "  Văn  phòng\u00a0Sở ", "Văn phòng Sở"},
		{"CRLF and blank lines", "dòng 1\r\n\r\n  dòng 2  ", "dòng 1\ndòng 2"},
		{"combining accent to NFC", "Quy\u0301 II", "Quý II"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := cleanCell(tt.in); got != tt.want {
				t.Errorf("cleanCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	long, cut := cleanCell(strings.Repeat("ệ", limits.MaxCellRunes+5))
	if !cut || len([]rune(long)) != limits.MaxCellRunes {
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

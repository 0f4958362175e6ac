package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestUnreadableDatesAreRowProblems: a timeline meant as a date that cannot
// be is listed with its row and reason, and the task is not imported
// without a deadline; text that is no date at all stays a task's timeline.
func TestUnreadableDatesAreRowProblems(t *testing.T) {
	s := newSheetBuilder(t, "Sheet1")
	s.row(1, "TT", "Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện")
	s.row(2, "I", "Cải cách thể chế")
	s.row(3, 1, "Rà soát văn bản", "Văn phòng Sở", "Năm 2023")
	s.row(4, 2, "Ban hành kế hoạch", "Văn phòng Sở", "31/02/2023")
	s.row(5, 3, "Kiểm tra", "Thanh tra Sở", "Quý V")
	s.row(6, 4, "Tuyên truyền", "Văn phòng Sở", "Tháng 13")
	s.row(7, 5, "Theo dõi thi hành", "Văn phòng Sở", "Theo chỉ đạo của UBND tỉnh")
	im, err := ReadPlan(bytes.NewReader(s.bytes()), "ngay-sai.xlsx", 2023)
	if err != nil {
		t.Fatal(err)
	}
	tasks := im.Bundle.Tasks()
	if len(tasks) != 2 || tasks[0].Ordinal != "1" || tasks[1].Ordinal != "5" || tasks[1].Order != 2 {
		t.Fatalf("imported %+v", tasks)
	}
	want := []string{
		"dòng 4: nhiệm vụ 2: thời gian thực hiện không đọc được “31/02/2023”: tháng 2 năm 2023 chỉ có 28 ngày",
		"dòng 5: nhiệm vụ 3: thời gian thực hiện không đọc được “Quý V”: quý chỉ từ I đến IV",
		"dòng 6: nhiệm vụ 4: thời gian thực hiện không đọc được “Tháng 13”: tháng chỉ từ 1 đến 12",
	}
	if got := sortedProblems(im.Problems); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	im.SetYear(2023)
	if len(im.Problems) != 3 || im.Bundle.TaskCount() != 2 {
		t.Errorf("setting the year again: %d problems, %d tasks", len(im.Problems), im.Bundle.TaskCount())
	}
}

// TestTenThousandRowsInOneArea: TT numbers of any size are task numbers.
func TestTenThousandRowsInOneArea(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 rows")
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{{"TT", "Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện"}, {"I", "Cải cách thủ tục hành chính"}}
	for i := 1; i <= 10_000; i++ {
		rows = append(rows, []any{i, fmt.Sprintf("Rà soát thủ tục số %d", i), "Văn phòng Sở", "Năm 2023"})
	}
	for i, row := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	im, err := ReadPlan(bytes.NewReader(buf.Bytes()), "10000.xlsx", 2023)
	if err != nil {
		t.Fatal(err)
	}
	tasks := im.Bundle.Tasks()
	if len(im.Bundle.Areas) != 1 || len(tasks) != 10_000 || len(im.Problems) != 0 {
		t.Fatalf("%d areas, %d tasks, problems %v", len(im.Bundle.Areas), len(tasks), sortedProblems(im.Problems))
	}
	if last := tasks[len(tasks)-1]; last.Ordinal != "10000" || tasks[999].Ordinal != "1000" || last.Content != "Rà soát thủ tục số 10000" {
		t.Errorf("task 1000 numbered %q, the last %q %q", tasks[999].Ordinal, last.Ordinal, last.Content)
	}
}

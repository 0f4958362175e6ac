package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fillSheet plays a division: it writes cells of a workbook's tracking
// sheet; an empty string empties a cell.
func fillSheet(t *testing.T, file string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, value := range cells {
		if err := f.SetCellValue("Theo dõi", cell, value); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestAnOldSheetNeverGoesBack: export the tracking sheet, record progress,
// then import the sheet as it was. Nothing goes back, and the preview and
// the import both say why.
func TestAnOldSheetNeverGoesBack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := exportSeedWorkbook(t, db)
	runSteps(t, db, []step{
		{[]string{"update", "--plan", "2023", "--task", "I.1", "--status", "hoan thanh", "--note", "Đã ban hành"}, nil},
		{[]string{"evidence", "add", "--plan", "2023", "--task", "I.1", "--ref", "12/QĐ-SKH", "--title", "Quyết định ban hành"}, nil},
		{[]string{"update", "--plan", "2023", "--task", "II.1", "--status", "dang thuc hien", "--progress", "50", "--note", "Đã đăng 3 tin"}, nil},
	})
	before := standingsAt(t, db, "15/07/2023")
	older := "Nhiệm vụ đã có cập nhật mới hơn hoặc cùng ngày (bỏ qua, không ghi đè tin mới bằng tin cũ): dòng 6 (mã 1), dòng 10 (mã 4)."
	for _, dryRun := range [][]string{{"--dry-run"}, nil} {
		args := append([]string{"import", "--plan", "2023", "--progress", file}, dryRun...)
		runSteps(t, db, []step{{args, []string{"bảng xuất ngày 15/07/2023", "cập nhật 0 nhiệm vụ; 19 nhiệm vụ không thay đổi", older}}})
	}
	after := standingsAt(t, db, "15/07/2023")
	for _, number := range []string{"I.1", "II.1"} {
		if after[number].State != before[number].State || after[number].Progress != before[number].Progress || after[number].LatestNote != before[number].LatestNote {
			t.Errorf("%s went back: %+v, was %+v", number, after[number], before[number])
		}
	}
	runSteps(t, db, []step{{[]string{"evidence", "list", "--plan", "2023", "--task", "I.1"}, []string{"Quyết định ban hành"}}})
}

// legacySheet exports Thanh tra Sở's sheet and takes its export day away,
// as every sheet exported before the day was written lacks it.
func legacySheet(t *testing.T, db string) string {
	t.Helper()
	file := exportSeedWorkbook(t, db, "--unit", "Thanh tra Sở")
	fillSheet(t, file, map[string]any{"K1": "", "L1": ""})
	return file
}

// TestASheetWithoutExportDateIsConfirmedRowByRow: an old sheet may be older
// than the app's news. Its changed rows wait for --accept-stale, and those
// that lower a task for --allow-lower as well.
func TestASheetWithoutExportDateIsConfirmedRowByRow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := legacySheet(t, db)
	// Rows 6–8 are I.1–I.3; the division reports I.1, and I.2 is finished
	// in the app since.
	fillSheet(t, file, map[string]any{"F6": "Đang thực hiện", "G6": 40})
	runSteps(t, db, []step{{[]string{"update", "--plan", "2023", "--task", "I.2", "--date", "01/07/2023", "--status", "hoan thanh", "--reason", "Chờ hướng dẫn"}, nil}})
	import_ := []string{"import", "--plan", "2023", "--progress", file}
	runSteps(t, db, []step{
		{import_, []string{
			"bảng không ghi ngày xuất.", "Đã cập nhật 0 nhiệm vụ; 1 nhiệm vụ không thay đổi.",
			"không ghi ngày xuất (bảng xuất từ phiên bản trước của chương trình)", "2 dòng có thay đổi chưa được ghi", "--accept-stale",
			"  - dòng 6 · I.1: Chưa thực hiện 0% → Đang thực hiện 40%\n",
			"  - dòng 7 · I.2: Hoàn thành 100% → Chưa thực hiện 0% (hạ trạng thái/tiến độ: cần cả --allow-lower)\n",
		}},
	})
	if rows := standingsAt(t, db, "15/07/2023"); rows["I.1"].Progress != 0 || !strings.HasPrefix(rows["I.2"].State, "Hoàn thành") {
		t.Fatalf("an unconfirmed stale sheet wrote: %+v %+v", rows["I.1"], rows["I.2"])
	}
	runSteps(t, db, []step{
		{append(import_, "--accept-stale"), []string{
			"Đã cập nhật 1 nhiệm vụ", "  - dòng 6 · I.1: Chưa thực hiện 0% → Đang thực hiện 40%",
			"Hạ trạng thái hoặc tiến độ của nhiệm vụ (bỏ qua; nếu đúng là như vậy, chạy lại với --allow-lower):\n  - dòng 7 · I.2: Hoàn thành 100% → Chưa thực hiện 0%\n",
		}},
		{append(import_, "--accept-stale", "--allow-lower"), []string{"Đã cập nhật 1 nhiệm vụ; 2 nhiệm vụ không thay đổi", "dòng 7 · I.2: Hoàn thành 100% → Chưa thực hiện 0%"}},
	})
	if rows := standingsAt(t, db, "15/07/2023"); rows["I.1"].Progress != 40 || rows["I.2"].State == "Hoàn thành quá hạn" {
		t.Errorf("after confirming: %+v %+v", rows["I.1"], rows["I.2"])
	}
}

// TestADivisionDatesItsNews: a date in "Ngày cập nhật" dates the update, so
// news later than the app's goes in, and a later date that lowers a task
// waits for --allow-lower.
func TestADivisionDatesItsNews(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := exportSeedWorkbook(t, db, "--unit", "Thanh tra Sở")
	runSteps(t, db, []step{
		{[]string{"update", "--plan", "2023", "--task", "I.1", "--status", "dang thuc hien", "--progress", "60"}, nil},
		{[]string{"update", "--plan", "2023", "--task", "I.3", "--status", "dang thuc hien", "--progress", "20"}, nil},
	})
	fillSheet(t, file, map[string]any{
		"F6": "Đang thực hiện", "G6": 80, "J6": "14/07/2023", // older than the app's news of 15/07
		"F8": "Đang thực hiện", "G8": 10, "J8": "15/07/2023", // the same day, and lower
		"F7": "Hoàn thành", "J7": "20/07/2023", // after today
	})
	runSteps(t, db, []step{{[]string{"import", "--plan", "2023", "--progress", file}, []string{
		"Đã cập nhật 0 nhiệm vụ",
		"cùng ngày (bỏ qua, không ghi đè tin mới bằng tin cũ): dòng 6 (mã 1), dòng 8 (mã 3).",
		"Ngày cập nhật sau hôm nay (bỏ qua: hãy hỏi đơn vị ngày đúng): dòng 7 (mã 2).",
	}}})
}

// TestReplaceKeepsTheHistory: importing the plan's own workbook again over
// it keeps every task's history; the CLI says so.
func TestReplaceKeepsTheHistory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := exportSeedWorkbook(t, db)
	runSteps(t, db, []step{
		{[]string{"update", "--plan", "2023", "--task", "I.1", "--status", "hoan thanh", "--note", "Đã ban hành"}, nil},
		{[]string{"task", "edit", "--plan", "2023", "--task", "I.3", "--content", "Nhiệm vụ viết lại hoàn toàn"}, nil},
		{[]string{"update", "--plan", "2023", "--task", "I.3", "--status", "dang thuc hien", "--progress", "10"}, nil},
		{[]string{"import", "--plan", "2023", "--dry-run", "--replace", file}, []string{
			"Khi thay: giữ lịch sử cập nhật và tài liệu kiểm chứng của 20 nhiệm vụ khớp nội dung; 1 nhiệm vụ không khớp được với nhiệm vụ nào trong tệp: " +
				"lịch sử và tài liệu kiểm chứng của chúng bị xoá (1 nhiệm vụ trong số đó đã có cập nhật, kết quả hoặc tài liệu).",
		}},
		{[]string{"import", "--plan", "2023", "--replace", file}, []string{
			"Đã nhập 21 nhiệm vụ", "Đã giữ lịch sử cập nhật và tài liệu kiểm chứng của 20 nhiệm vụ khớp nội dung; 1 nhiệm vụ không khớp",
		}},
		{[]string{"history", "--plan", "2023", "--task", "I.1"}, []string{"Đã ban hành"}},
	})
	rows := standingsAt(t, db, "15/07/2023")
	if rows["I.1"].State != "Hoàn thành đúng hạn" || rows["I.3"].Progress != 0 {
		t.Errorf("after replacing: I.1 %+v, I.3 %+v", rows["I.1"], rows["I.3"])
	}
}

package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2/test"
	"github.com/kehoach/cchc/export/xlsx"
	"github.com/xuri/excelize/v2"
)

func TestExportExcelForOneUnit(t *testing.T) {
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := NewMainWindow(a, st, uitest.FixedToday)
	defer w.Window.Close()
	path := filepath.Join(t.TempDir(), "vp.xlsx")
	x := newExcelExport(w.host(), st)
	var suggested string
	x.ChooseFile = func(s string, _ widgets.FileFilter, done func(string)) { suggested = s; done(path) }
	ended := make(chan error, 1)
	x.Finished = func(err error) { ended <- err }

	x.start()
	if !strings.Contains(strings.Join(x.unit.Options, "|"), "Văn phòng Sở") || x.unit.Selected != allUnits {
		t.Fatalf("unit choices %q, selected %q", x.unit.Options, x.unit.Selected)
	}
	x.unit.SetSelected("Văn phòng Sở")
	uitest.UnderUILock(x.ask.Confirm)
	select {
	case err := <-ended:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(uitest.JobDeadline):
		t.Fatal("the export did not end")
	}
	if suggested != "Biểu kế hoạch 122-KH-SKH năm 2023 - Văn phòng Sở.xlsx" {
		t.Errorf("suggested %q", suggested)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(xlsx.SheetPlan, "A5"); got != "Đơn vị chủ trì: Văn phòng Sở" {
		t.Errorf("unit line %q", got)
	}
	if x.Done == nil {
		t.Error("no message that the file was written")
	}
}

package demo

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/store"
)

// The seed plan 122/KH-SKH through 2023, as its officer might have kept it:
// dated updates with notes and reasons, the documents behind them, the
// targets' actuals and the statistical figures of every reporting period.
// Tests of the periodic reports read it back from the documents.

// scriptedUpdate is one line of the script: the task by its printed number.
type scriptedUpdate struct {
	task, date string
	status     store.Status
	progress   int
	note       string
	reason     string
	// evidence, when set, is the number of the document the note names,
	// recorded as evidence dated with the update.
	evidence string
}

const (
	done     = store.StatusDone
	working  = store.StatusInProgress
	notDoing = store.StatusDropped
)

// seedUpdates are the year's updates of the deadline tasks, in date order.
var seedUpdates = []scriptedUpdate{
	{"I.2", "20/01/2023", working, 60, "Đã dự thảo Kế hoạch kiểm tra, xử lý, rà soát văn bản quy phạm pháp luật năm 2023", "Chờ hướng dẫn của Sở Tư pháp", ""},
	{"VII.2", "20/01/2023", working, 50, "Đã dự thảo Kế hoạch tuyên truyền cải cách hành chính năm 2023", "", ""},
	{"VII.1", "28/01/2023", done, 100, "Đã ban hành Kế hoạch số 122/KH-SKH ngày 28/01/2023 về cải cách hành chính năm 2023", "", "122/KH-SKH"},
	{"VII.2", "15/02/2023", done, 100, "Đã ban hành Kế hoạch số 25/KH-SKH ngày 15/02/2023 về tuyên truyền cải cách hành chính năm 2023", "Chờ ý kiến góp ý của các phòng chuyên môn", "25/KH-SKH"},
	{"IV.2", "10/03/2023", working, 25, "Đã cử 05 công chức tham gia lớp bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên", "", ""},
	{"I.1", "13/03/2023", working, 30, "Đã rà soát, đề xuất danh mục 02 văn bản quy phạm pháp luật cần ban hành năm 2023", "", ""},
	{"I.2", "10/04/2023", done, 100, "Đã ban hành Kế hoạch số 48/KH-SKH ngày 10/04/2023 về kiểm tra, xử lý, rà soát văn bản quy phạm pháp luật", "Chờ hướng dẫn của Sở Tư pháp", "48/KH-SKH"},
	{"III.2", "15/04/2023", working, 40, "Đang dự thảo Quyết định phân cấp quản lý cho các phòng chuyên môn", "", ""},
	{"I.3", "10/05/2023", working, 40, "Đang rà soát, hệ thống hóa 35 văn bản quy phạm pháp luật thuộc lĩnh vực kế hoạch và đầu tư", "", ""},
	{"VII.3", "09/06/2023", done, 100, "Đã gửi Báo cáo số 95/BC-SKH ngày 09/06/2023 tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2022", "", "95/BC-SKH"},
	{"III.1", "12/06/2023", notDoing, 0, "Lồng ghép vào nhiệm vụ phân cấp quản lý (III.2) theo chỉ đạo của Lãnh đạo Sở", "", ""},
	{"IV.2", "10/07/2023", working, 60, "Đã cử thêm 08 công chức tham gia bồi dưỡng; 02 viên chức học lớp lãnh đạo cấp phòng", "", ""},
	{"III.2", "25/08/2023", done, 100, "Đã ban hành Quyết định số 210/QĐ-SKH ngày 25/08/2023 về phân cấp quản lý", "", "210/QĐ-SKH"},
	{"I.1", "11/09/2023", working, 70, "Đã trình UBND tỉnh dự thảo 02 Quyết định quy phạm pháp luật", "", ""},
	{"I.1", "30/11/2023", done, 100, "UBND tỉnh đã ban hành Quyết định số 45/2023/QĐ-UBND và Quyết định số 46/2023/QĐ-UBND do Sở tham mưu", "", "45/2023/QĐ-UBND"},
	{"IV.2", "05/12/2023", done, 100, "Đã cử 18 công chức, viên chức tham gia bồi dưỡng kiến thức quản lý nhà nước theo tiêu chuẩn ngạch", "", "320/QĐ-SKH"},
	{"I.3", "10/01/2024", done, 100, "Đã ban hành Báo cáo số 05/BC-SKH ngày 10/01/2024 kết quả rà soát, hệ thống hóa văn bản", "Chờ số liệu rà soát cuối năm của các phòng", "05/BC-SKH"},
}

// recurringNotes are what the recurring tasks report each quarter: done
// with the quarter's note, or in progress ("…" to leave a quarter out).
var recurringNotes = map[string][4]string{
	"II.1": {"Đã cập nhật 04 thủ tục hành chính mới ban hành lên Cổng dịch vụ công", "Đã cập nhật 06 thủ tục hành chính sửa đổi, bổ sung", "Đã rà soát, cập nhật 03 thủ tục hành chính", "Đã cập nhật 05 thủ tục hành chính lên Hệ thống thông tin giải quyết thủ tục hành chính"},
	"II.2": {"Đã niêm yết công khai 100% thủ tục hành chính tại Bộ phận một cửa", "Đã công khai kết quả đánh giá giải quyết thủ tục hành chính quý II", "Đã công khai kết quả đánh giá giải quyết thủ tục hành chính quý III", "Đã công khai kết quả đánh giá giải quyết thủ tục hành chính quý IV"},
	"II.3": {"160 hồ sơ tiếp nhận và giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính", "186 hồ sơ tiếp nhận và giải quyết trên Hệ thống", "175 hồ sơ tiếp nhận và giải quyết trên Hệ thống", "164 hồ sơ tiếp nhận và giải quyết trên Hệ thống"},
	"II.4": {"Đã rà soát, chuẩn hoá 12 mẫu đơn, tờ khai", "+Đang điện tử hoá các mẫu đơn, tờ khai theo hướng dẫn của tỉnh", "Đã điện tử hoá 12 mẫu đơn, tờ khai", "Đã hoàn thiện biểu mẫu điện tử tương tác"},
	"II.5": {"Đã gửi 02 văn bản xin lỗi đối với 02 hồ sơ giải quyết quá hạn", "Đã gửi 01 văn bản xin lỗi", "Đã gửi 01 văn bản xin lỗi", "Không có hồ sơ quá hạn phải xin lỗi"},
	"II.6": {"Mức độ hài lòng của người dân, tổ chức đạt 97%", "Mức độ hài lòng đạt 98%", "Mức độ hài lòng đạt 98,5%", "Mức độ hài lòng đạt 99%"},
	"II.7": {"Đã thống kê, trình công bố 03 thủ tục hành chính nội bộ", "…", "Đã trình công bố 02 thủ tục hành chính nội bộ sửa đổi", "Đã rà soát danh mục thủ tục hành chính nội bộ"},
	"II.8": {"Tỷ lệ hồ sơ trực tuyến đạt 95%; thanh toán trực tuyến 12,5%", "Tỷ lệ hồ sơ trực tuyến đạt 96,8%", "Tỷ lệ hồ sơ trực tuyến đạt 97,1%", "Tỷ lệ hồ sơ trực tuyến đạt 97,6%"},
	"II.9": {"+Đang số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", "Đã số hóa 420 kết quả giải quyết thủ tục hành chính", "Đã số hóa 510 kết quả giải quyết thủ tục hành chính", "Đã số hóa 100% hồ sơ tiếp nhận trong năm"},
	"V.1":  {"Đã xây dựng dự toán và giao quyền tự chủ tài chính năm 2023", "Đã rà soát Quy chế chi tiêu nội bộ", "+Đang sửa đổi Quy chế chi tiêu nội bộ", "Đã ban hành Quy chế chi tiêu nội bộ sửa đổi"},
	"VI.1": {"99% văn bản đi được ký số và gửi trên môi trường mạng", "100% văn bản đi được ký số", "99,5% văn bản đi được ký số", "100% văn bản đi được ký số"},
}

// quarterReportDays are the days the recurring tasks report, one in each
// Decree 09 quarter.
var quarterReportDays = []string{"10/03/2023", "09/06/2023", "08/09/2023", "08/12/2023"}

// SeedScript is the scripted year of the seed plan.
type SeedScript struct {
	Updates  []store.Update
	Evidence []store.Evidence
	Actuals  []reporting.Actual
	Figures  []reporting.Figures
	// Baselines are the baseline values entered, by target code.
	Baselines map[string]float64
}

// SeedYear writes the script against the seed plan as stored (with its
// ids): updates, evidence, actuals and figures for every reporting period
// of 2023.
func SeedYear(b store.Bundle) (SeedScript, error) {
	tasks := map[string]store.Task{}
	for _, a := range b.Areas {
		for _, t := range a.Tasks {
			tasks[store.TaskNumber(a.Area, t)] = t
		}
	}
	s := SeedScript{Baselines: map[string]float64{"III.2.2": 45}}
	if err := s.addDeadlineUpdates(tasks, b.Plan.Agency.Name); err != nil {
		return SeedScript{}, err
	}
	if err := s.addRecurringUpdates(tasks); err != nil {
		return SeedScript{}, err
	}
	if err := s.addActuals(b); err != nil {
		return SeedScript{}, err
	}
	s.addFigures(b.Plan.ID)
	return s, nil
}

func (s *SeedScript) addDeadlineUpdates(tasks map[string]store.Task, agency string) error {
	for _, u := range seedUpdates {
		if err := s.add(tasks, u, agency); err != nil {
			return err
		}
	}
	return nil
}

// add records one scripted update, with its evidence.
func (s *SeedScript) add(tasks map[string]store.Task, u scriptedUpdate, agency string) error {
	t, ok := tasks[u.task]
	if !ok {
		return fmt.Errorf("seed year: no task %s", u.task)
	}
	day, err := store.ParseVNDate(u.date)
	if err != nil {
		return err
	}
	s.Updates = append(s.Updates, store.Update{PlanID: t.PlanID, TaskID: t.ID, Date: day, Status: u.status, Progress: u.progress,
		Note: u.note, Reason: u.reason, Unit: t.Lead, Source: store.SourceDemo, Recorded: day.Time().Add(9 * time.Hour)})
	if u.evidence != "" {
		s.Evidence = append(s.Evidence, store.Evidence{PlanID: t.PlanID, TaskID: t.ID, Ref: u.evidence, Date: day,
			Title: evidenceTitle(u.note), Issuer: agency})
	}
	return nil
}

// evidenceTitle is the trích yếu a note gives its document: what follows
// the document's date, "về cải cách hành chính năm 2023".
func evidenceTitle(note string) string {
	if i := strings.Index(note, "/2023 "); i >= 0 {
		return strings.TrimSpace(note[i+6:])
	}
	return note
}

// addRecurringUpdates writes each recurring task's quarter: done with its
// note, in progress for a note starting "+", nothing for "…".
func (s *SeedScript) addRecurringUpdates(tasks map[string]store.Task) error {
	for _, number := range slices.Sorted(maps.Keys(recurringNotes)) {
		for q, note := range recurringNotes[number] {
			u := scriptedUpdate{task: number, date: quarterReportDays[q], status: done, progress: 100, note: note}
			switch {
			case note == "…":
				continue
			case strings.HasPrefix(note, "+"):
				u.status, u.progress, u.note = working, 50, note[1:]
			}
			if err := s.add(tasks, u, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

package reports

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

// reportOptions are the flags of the `report` commands.
type reportOptions struct {
	plan, period, asOf, format, output string
	overwrite, keepEdited, json        bool
	number, date                       string
	section, text, file, heading       string
	paragraph                          int
}

func init() {
	reportCommand("report", true, "report --plan P --period Q1|Q2|Q3|Q4|H1|9M|Y [--as-of NGÀY] --format pdf|xlsx -o TỆP",
		"in báo cáo kết quả thực hiện CCHC của kỳ (PDF kèm phụ lục, hoặc Excel các phụ lục); soạn và lưu trước nếu kỳ chưa có báo cáo",
		func(fs *flag.FlagSet, o *reportOptions) {
			fs.StringVar(&o.asOf, "as-of", "", "ngày chốt số liệu của báo cáo soạn mới (mặc định ngày cuối kỳ)")
			fs.StringVar(&o.format, "format", "", "pdf hoặc xlsx")
			fs.StringVar(&o.output, "o", "", "tệp kết quả")
		}, runReport)
	reportCommand("report draft", true, "report draft --plan P --period KỲ [--as-of NGÀY] [--overwrite | --keep-edited]",
		"soạn (lại) báo cáo của kỳ từ số liệu; không ghi đè đoạn đã sửa tay nếu không có --overwrite (--keep-edited: giữ đoạn đã sửa, cập nhật phần còn lại)",
		func(fs *flag.FlagSet, o *reportOptions) {
			fs.StringVar(&o.asOf, "as-of", "", "ngày chốt số liệu")
			fs.BoolVar(&o.overwrite, "overwrite", false, "ghi đè cả các đoạn đã sửa tay")
			fs.BoolVar(&o.keepEdited, "keep-edited", false, "giữ các đoạn đã sửa tay, cập nhật các đoạn khác")
		}, runReportDraft)
	reportCommand("report list", false, "report list --plan P", "liệt kê các báo cáo của kế hoạch, mọi bản", nil, runReportList)
	reportCommand("report show", false, "report show --plan P --period KỲ [--json]", "xem nội dung báo cáo của kỳ: các mục, số đoạn, đoạn đã sửa tay",
		func(fs *flag.FlagSet, o *reportOptions) { fs.BoolVar(&o.json, "json", false, "in dạng JSON") }, runReportShow)
	reportCommand("report freeze", true, "report freeze --plan P --period KỲ --number SỐ --date NGÀY",
		"đánh dấu báo cáo đã gửi với số và ngày; báo cáo được giữ nguyên, sửa sau đó thành bản mới",
		func(fs *flag.FlagSet, o *reportOptions) {
			fs.StringVar(&o.number, "number", "", "số báo cáo")
			fs.StringVar(&o.date, "date", "", "ngày báo cáo")
		}, runReportFreeze)
	reportCommand("report edit", true, "report edit --plan P --period KỲ --section MỤC (--paragraph N (--text VĂN_BẢN | --file TỆP) | --heading ĐỀ_MỤC)",
		"sửa một đoạn (N bằng số đoạn + 1 để thêm, văn bản trống để bỏ) hoặc đề mục của báo cáo; báo cáo đã gửi thì thành bản mới",
		func(fs *flag.FlagSet, o *reportOptions) {
			fs.StringVar(&o.section, "section", "", "mục: I, II.1, III.2 …, hoặc lead, closing")
			fs.IntVar(&o.paragraph, "paragraph", 0, "đoạn thứ mấy của mục, từ 1")
			fs.StringVar(&o.text, "text", "", "nội dung mới của đoạn")
			fs.StringVar(&o.file, "file", "", "tệp văn bản chứa nội dung mới")
			fs.StringVar(&o.heading, "heading", "", "đề mục mới")
		}, runReportEdit)
}

// reportCommand registers one of the report commands: --plan and --period
// (--plan alone for the list), the flags extra declares, and run, which is
// told which flags the command line set; writes declares that it may write.
func reportCommand(name string, writes bool, usage, summary string, extra func(*flag.FlagSet, *reportOptions), run func(*cmdline.Env, reportOptions, map[string]bool) error) {
	commands[name] = cmdline.Command{Usage: usage, Summary: summary, Writes: writes,
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o reportOptions
			periodFlags(fs, &o)
			if extra != nil {
				extra(fs, &o)
			}
			return func(e *cmdline.Env, _ []string) error { return run(e, o, cmdline.Given(fs)) }
		},
	}
}

// datedPeriod reads a date option (zero when not given), then finds the
// plan and the period.
func datedPeriod(e *cmdline.Env, o reportOptions, option, value string) (store.Date, *db.Store, store.Plan, store.Period, error) {
	date, err := cmdline.DateArg(option, value, store.Date{})
	if err != nil {
		return store.Date{}, nil, store.Plan{}, store.Period{}, err
	}
	st, plan, p, err := planPeriod(e, o.plan, o.period)
	return date, st, plan, p, err
}

// periodFlags declares --plan and --period.
func periodFlags(fs *flag.FlagSet, o *reportOptions) {
	fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
	fs.StringVar(&o.period, "period", "", "kỳ báo cáo: Q1, Q2, H1, Q3, 9M, Q4 hoặc Y")
}

func runReport(e *cmdline.Env, o reportOptions, _ map[string]bool) error {
	if o.output == "" {
		return cmdline.UsageError("thiếu -o TỆP: tệp sẽ ghi ra")
	}
	format := export.Format(strings.ToLower(o.format))
	if format == "" {
		format = export.Format(strings.TrimPrefix(strings.ToLower(fileExt(o.output)), "."))
	}
	if format != export.PDF && format != export.XLSX {
		return cmdline.UsageError("--format: định dạng %q không hỗ trợ: dùng pdf hoặc xlsx", format)
	}
	asOf, st, plan, p, err := datedPeriod(e, o, "--as-of", o.asOf)
	if err != nil {
		return err
	}
	req := export.ReportRequest{PlanID: plan.ID, Period: p, AsOf: asOf, Format: format, Path: o.output}
	result, err := export.PrintReport(context.Background(), st, req)
	if err != nil {
		return err
	}
	if result.Drafted {
		fmt.Fprintf(e.Stdout, "Kỳ chưa có báo cáo: đã soạn và lưu %s từ số liệu đến ngày %s.\n", result.Report.Label(), result.Report.AsOf)
	} else if !asOf.IsZero() && asOf != result.Report.AsOf {
		fmt.Fprintf(e.Stderr, "cchc-cli: cảnh báo: đã in báo cáo đã lưu (số liệu đến ngày %s); muốn tính đến ngày %s thì chạy report draft --as-of.\n", result.Report.AsOf, asOf)
	}
	for _, warning := range result.Warnings {
		fmt.Fprintln(e.Stderr, "cchc-cli: cảnh báo: "+string(warning)+warningHint(warning))
	}
	fmt.Fprintf(e.Stdout, "Đã ghi %s.\n", o.output)
	return nil
}

func runReportDraft(e *cmdline.Env, o reportOptions, _ map[string]bool) error {
	if o.overwrite && o.keepEdited {
		return cmdline.UsageError("--overwrite và --keep-edited không đi cùng nhau")
	}
	asOf, st, plan, p, err := datedPeriod(e, o, "--as-of", o.asOf)
	if err != nil {
		return err
	}
	mode := reporting.RedraftAsk
	switch {
	case o.overwrite:
		mode = reporting.RedraftOverwrite
	case o.keepEdited:
		mode = reporting.RedraftKeepEdited
	}
	result, err := export.DraftReport(st, export.DraftRequest{PlanID: plan.ID, Period: p, AsOf: asOf, Mode: mode})
	if errors.Is(err, reporting.ErrEdited) {
		return editedRefusal(result.Conflicts)
	}
	if err != nil {
		return err
	}
	verb := "Đã soạn lại"
	if result.Created {
		verb = "Đã soạn"
	}
	fmt.Fprintf(e.Stdout, "%s %s, số liệu đến ngày %s.\n", verb, result.Report.Label(), result.Report.AsOf)
	for _, c := range result.Conflicts {
		what := "giữ đoạn đã sửa tay"
		if mode == reporting.RedraftOverwrite {
			what = "đã ghi đè đoạn đã sửa tay"
		}
		fmt.Fprintf(e.Stdout, "  %s: %s.\n", c, what)
	}
	return nil
}

// editedRefusal lists the edited paragraphs a redraft would change.
func editedRefusal(conflicts []reporting.RedraftConflict) error {
	places := make([]string, len(conflicts))
	for i, c := range conflicts {
		places[i] = c.String()
	}
	return fmt.Errorf("không soạn lại: bản dự thảo mới khác %d chỗ đã sửa tay (%s); thêm --keep-edited để giữ các chỗ đó và cập nhật phần còn lại, hoặc --overwrite để ghi đè",
		len(conflicts), strings.Join(places, "; "))
}

func runReportList(e *cmdline.Env, o reportOptions, _ map[string]bool) error {
	st, plan, err := e.Plan(o.plan)
	if err != nil {
		return err
	}
	reports, err := st.Reports(plan.ID)
	if err != nil {
		return err
	}
	if len(reports) == 0 {
		fmt.Fprintf(e.Stdout, "Kế hoạch %s chưa có báo cáo nào; soạn bằng: cchc-cli report draft --plan %s --period Q1\n", plan.Ref(), o.plan)
		return nil
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KỲ\tBẢN\tTÌNH TRẠNG\tSỐ\tNGÀY\tSỐ LIỆU ĐẾN\tĐOẠN SỬA TAY")
	for _, r := range reports {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%d\n", r.Period.Name(), r.Version, r.Status, r.Ref(), cmdline.DateOrNone(r.Date.String()), r.AsOf, r.EditedCount())
	}
	return tw.Flush()
}

func runReportShow(e *cmdline.Env, o reportOptions, _ map[string]bool) error {
	_, r, err := latestReport(e, o)
	if err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Fprintf(e.Stdout, "%s · %s · số liệu đến ngày %s\n%s\nKính gửi: %s\n", r.Label(), r.NumberLine(), r.AsOf, r.Summary, strings.Join(r.Recipients, "; "))
	for i, s := range r.Sections {
		heading := s.Title
		if s.TitleEdited {
			heading += " [đã sửa]"
		}
		fmt.Fprintf(e.Stdout, "\n[%s] %s\n", r.SectionPath(i), heading)
		for n, p := range s.Paragraphs {
			mark := ""
			if p.Edited {
				mark = " [đã sửa]"
			}
			fmt.Fprintf(e.Stdout, "  %d.%s %s\n", n+1, mark, p.Text)
		}
	}
	return nil
}

// latestReport finds the plan, the period and its latest report.
func latestReport(e *cmdline.Env, o reportOptions) (*db.Store, reporting.Report, error) {
	st, plan, p, err := planPeriod(e, o.plan, o.period)
	if err != nil {
		return nil, reporting.Report{}, err
	}
	r, err := st.LatestReport(plan.ID, p)
	if errors.Is(err, store.ErrNotFound) {
		return nil, reporting.Report{}, fmt.Errorf("%s chưa có báo cáo; soạn bằng: cchc-cli report draft --plan %s --period %s", p.Name(), o.plan, o.period)
	}
	return st, r, err
}

func runReportFreeze(e *cmdline.Env, o reportOptions, _ map[string]bool) error {
	if strings.TrimSpace(o.number) == "" || strings.TrimSpace(o.date) == "" {
		return cmdline.UsageError("báo cáo đã gửi cần --number (số) và --date (ngày)")
	}
	date, st, plan, p, err := datedPeriod(e, o, "--date", o.date)
	if err != nil {
		return err
	}
	sent, err := export.SendReport(st, plan.ID, p, o.number, date)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã đánh dấu %s: số %s ngày %s. Báo cáo được giữ nguyên; sửa sau này sẽ thành bản mới.\n", sent.Label(), sent.Ref(), sent.Date)
	return nil
}

func runReportEdit(e *cmdline.Env, o reportOptions, set map[string]bool) error {
	if err := checkEditFlags(o, set); err != nil {
		return err
	}
	text := o.text
	if set["file"] {
		data, err := os.ReadFile(o.file)
		if err != nil {
			return fmt.Errorf("không đọc được %s: %w", o.file, err)
		}
		text = string(data)
	}
	st, r, err := latestReport(e, o)
	if err != nil {
		return err
	}
	i, err := r.FindSection(o.section)
	if err != nil {
		return cmdline.UsageError("--section: %s", usererr.Message(err))
	}
	if set["heading"] {
		err = r.EditHeading(i, o.heading)
	} else {
		err = r.EditParagraph(i, o.paragraph, text)
	}
	if err != nil {
		return err
	}
	wasSent := r.Sent()
	saved, err := st.SaveReport(r)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã sửa mục %s của %s.\n", r.SectionPath(i), saved.Label())
	if wasSent {
		fmt.Fprintf(e.Stdout, "Báo cáo đã gửi được giữ nguyên; phần sửa được lưu thành bản %d.\n", saved.Version)
	}
	return nil
}

// checkEditFlags asks for a section and either a paragraph with its new
// text or a heading.
func checkEditFlags(o reportOptions, set map[string]bool) error {
	switch {
	case strings.TrimSpace(o.section) == "":
		return cmdline.UsageError("thiếu --section: ghi mục như II.1 (xem report show)")
	case set["heading"] && (set["paragraph"] || set["text"] || set["file"]):
		return cmdline.UsageError("--heading sửa đề mục; không đi cùng --paragraph, --text, --file")
	case set["heading"]:
		return nil
	case !set["paragraph"]:
		return cmdline.UsageError("thiếu --paragraph N (hoặc --heading để sửa đề mục)")
	case set["text"] == set["file"]:
		return cmdline.UsageError("ghi nội dung mới bằng --text hoặc --file, một trong hai")
	}
	return nil
}

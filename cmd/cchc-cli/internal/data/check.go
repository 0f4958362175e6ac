package data

import (
	"errors"
	"flag"
	"fmt"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
)

func init() {
	commands["check"] = cmdline.Command{
		Usage:   "check",
		Summary: "kiểm tra tệp dữ liệu: cấu trúc tệp, phiên bản, từng bản ghi; không sửa gì",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return runCheck
		},
	}
}

// errCheckFailed ends a check that found problems with exit code 1.
var errCheckFailed = errors.New("tệp dữ liệu không đạt kiểm tra")

// runCheck opens the data file read-only and prints what the check found.
// A file too damaged to open is reported the same way.
func runCheck(e *cmdline.Env, _ []string) error {
	path, err := datafile.DBPath(e.DBFlag)
	if err != nil {
		return err
	}
	report, err := checkFile(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Tệp dữ liệu: %s\n", path)
	if report.Schema > 0 {
		fmt.Fprintf(e.Stdout, "Phiên bản dữ liệu %d; %d kế hoạch, %d nhiệm vụ, %d bản ghi.\n", report.Schema, report.Plans, report.Tasks, report.Records)
	}
	if report.OK() {
		fmt.Fprintln(e.Stdout, "Kết quả: không có lỗi.")
		return nil
	}
	fmt.Fprintf(e.Stdout, "Kết quả: %d lỗi:\n", len(report.Problems))
	for _, p := range report.Problems {
		fmt.Fprintln(e.Stdout, "  - "+p)
	}
	return fmt.Errorf("%s: %w; %s", path, errCheckFailed, cmdline.DamageHint)
}

// checkFile checks the file at path, never creating or changing it.
func checkFile(path string) (datafile.CheckReport, error) {
	st, err := db.OpenReadOnly(path)
	if d, ok := datafile.AsDamaged(err); ok {
		return datafile.CheckReport{Path: path, Problems: d.Problems}, nil
	}
	if err != nil {
		return datafile.CheckReport{}, err
	}
	defer st.Close()
	return st.Inspect(), nil
}

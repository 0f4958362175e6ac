package db_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store/db"
)

// EnvBenchDB names the data file BenchmarkOpenAndList opens: make bench
// points it at the 10,000- and 100,000-task files cchc-cli demo made.
const EnvBenchDB = "CCHC_BENCH_DB"

// benchFile is the data file of $CCHC_BENCH_DB, or else a 10,000-task plan
// with a year of updates stored here.
func benchFile(b *testing.B) string {
	b.Helper()
	if path := os.Getenv(EnvBenchDB); path != "" {
		return path
	}
	path := filepath.Join(b.TempDir(), "cchc.db")
	st, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Store(st, demo.Options{Tasks: 10_000, PerArea: 500, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenAndList opens the data file for reading, as cchc-cli does
// to list, and lists the tasks of its first plan: the issue allows 100 ms
// for 10,000 tasks and 1 s for 100,000.
func BenchmarkOpenAndList(b *testing.B) {
	path := benchFile(b)
	n := 0
	for b.Loop() {
		st, err := db.OpenReadOnly(path)
		if err != nil {
			b.Fatal(err)
		}
		plans, err := st.Plans()
		if err != nil || len(plans) == 0 {
			b.Fatalf("plans %v: %v", plans, err)
		}
		tasks, err := st.Tasks(plans[0].ID)
		if err != nil {
			b.Fatal(err)
		}
		n = len(tasks)
		st.Close()
	}
	b.ReportMetric(float64(n), "tasks")
}

//go:build linux

package backup

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/storetest"
	"github.com/kehoach/cchc/store/usererr"
)

// The disk-full test runs a writer in a child process whose files may not
// grow past a limit (RLIMIT_FSIZE, as a full disk): each write that needs
// more room fails. Every failure must say so in Vietnamese, leave the data
// file whole with every write confirmed before it, and leave an earlier
// backup as it was with no temporary file beside it.

const (
	envFaultDB    = "CCHC_TEST_FAULT_DB"
	envFaultLimit = "CCHC_TEST_FAULT_LIMIT"
)

// runChild runs the child of a test when the environment names one.
func runChild() bool {
	dbPath := os.Getenv(envFaultDB)
	if dbPath == "" {
		return false
	}
	limit, _ := strconv.ParseUint(os.Getenv(envFaultLimit), 10, 64)
	faultWriter(dbPath, limit)
	return true
}

// faultWriter writes plans until five writes have failed, then a backup.
func faultWriter(dbPath string, limit uint64) {
	signal.Ignore(syscall.SIGXFSZ)
	if limit > 0 {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
			fmt.Println("setrlimit", err)
			return
		}
	}
	st, err := db.Open(dbPath)
	if err != nil {
		fmt.Println("open", usererr.Message(err))
		return
	}
	defer st.Close()
	for i, failures := 0, 0; failures < 5; i++ {
		if _, err := st.CreateBundle(demo.Bundle(demo.Options{Tasks: 3, PerArea: 3, Year: 2024 + i})); err != nil {
			fmt.Printf("fail %s\n", strings.ReplaceAll(usererr.Message(err), "\n", " "))
			failures++
			continue
		}
		fmt.Println("ok")
	}
	if _, err := Backup(st, filepath.Join(filepath.Dir(dbPath), "sao-luu.zip"), BackupOptions{Force: true}); err != nil {
		fmt.Printf("backup-fail %s\n", usererr.Message(err))
	}
}

func TestFullDiskLeavesEveryConfirmedWrite(t *testing.T) {
	path := storetest.FilledFile(t, 3)
	prepareFault(t, filepath.Dir(path))
	info, _ := os.Stat(path)
	runFaultWriter(t, path, info.Size()+8<<10, 3)
}

// TestRealFullDisk does the same on a tiny tmpfs that fills up (ENOSPC),
// where the machine lets the test mount one (root, Linux).
func TestRealFullDisk(t *testing.T) {
	dir := t.TempDir()
	if os.Getuid() != 0 || exec.Command("mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", dir).Run() != nil {
		t.Skip("cannot mount a tmpfs here")
	}
	defer exec.Command("umount", dir).Run()
	path := filepath.Join(dir, "cchc.db")
	copyFile(t, storetest.FilledFile(t, 3), path)
	prepareFault(t, dir)
	runFaultWriter(t, path, 0, 3)
}

// prepareFault puts an earlier backup in dir, and evidence that does not
// compress, which makes the next backup large, beside the file cchc.db.
func prepareFault(t *testing.T, dir string) {
	t.Helper()
	os.WriteFile(filepath.Join(dir, "sao-luu.zip"), []byte("bản sao lưu cũ"), 0o600)
	os.Mkdir(filepath.Join(dir, "evidence"), 0o700)
	noise := make([]byte, 256<<10)
	rand.Read(noise)
	if err := os.WriteFile(filepath.Join(dir, "evidence", "anh.jpg"), noise, 0o600); err != nil {
		t.Fatal(err)
	}
	referEvidence(t, filepath.Join(dir, "cchc.db"), "anh.jpg")
}

// runFaultWriter runs the child with the file-size limit (0: none) and
// checks what it left: the plans it confirmed, a whole file, the earlier
// backup, no temporary file.
func runFaultWriter(t *testing.T, path string, limit int64, plans int) {
	t.Helper()
	dir := filepath.Dir(path)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envFaultDB+"="+path, envFaultLimit+"="+strconv.FormatInt(limit, 10))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	confirmed, failures := faultLines(t, out)
	st, err := db.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatalf("after a full disk: %v", err)
	}
	if list, _ := st.Plans(); len(list) != plans+confirmed {
		t.Errorf("%d plans, want %d and the %d confirmed", len(list), plans, confirmed)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "sao-luu.zip")); string(data) != "bản sao lưu cũ" {
		t.Error("the earlier backup was changed")
	}
	assertNoTemporaryFiles(t, dir)
	t.Logf("full disk: %d writes confirmed, %d refused: %q", confirmed, failures, faultMessages(out))
}

// faultLines counts the child's confirmed and failed writes and checks
// every failure is said in Vietnamese.
func faultLines(t *testing.T, out []byte) (confirmed, failures int) {
	t.Helper()
	scanner := bufio.NewScanner(bytes.NewReader(out))
	for scanner.Scan() {
		kind, message, _ := strings.Cut(scanner.Text(), " ")
		switch kind {
		case "ok":
			confirmed++
		case "fail", "backup-fail":
			failures++
			if !usererr.IsVietnamese(message) || strings.Contains(message, "lỗi không mong đợi") {
				t.Errorf("failure said as %q", message)
			}
		default:
			t.Fatalf("child: %s", scanner.Text())
		}
	}
	if failures < 6 {
		t.Errorf("%d failures, want 5 writes and the backup", failures)
	}
	return confirmed, failures
}

// faultMessages lists the different failure messages.
func faultMessages(out []byte) []string {
	seen := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if _, message, ok := strings.Cut(line, " "); ok && !strings.HasPrefix(line, "ok") {
			seen[message] = true
		}
	}
	return sortedKeys(seen)
}

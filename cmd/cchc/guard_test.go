package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testGuard is a guard over a log in a temporary folder that records what it
// would show and the exit code instead of showing and exiting.
type testGuard struct {
	*guard
	shown    []string
	exitCode int
}

func newTestGuard(t *testing.T) *testGuard {
	t.Helper()
	tg := &testGuard{exitCode: -1}
	tg.guard = &guard{
		log:  openFileLog(filepath.Join(t.TempDir(), "data", logFileName)),
		show: func(title, text string) { tg.shown = append(tg.shown, title+"\n"+text) },
		exit: func(code int) { tg.exitCode = code },
	}
	t.Cleanup(func() { tg.log.file.Close() })
	return tg
}

func (tg *testGuard) logText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(tg.log.path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWindowFailedLogsShowsAndExits(t *testing.T) {
	g := newTestGuard(t)
	g.windowFailed(errors.New("VersionUnavailable: WGL: OpenGL 2.1 requested, got 1.1"))

	if g.exitCode != 1 {
		t.Errorf("exit code %d, want 1", g.exitCode)
	}
	if got := g.logText(t); !strings.Contains(got, "WGL: OpenGL 2.1 requested, got 1.1") {
		t.Errorf("log lacks the reason:\n%s", got)
	}
	if len(g.shown) != 1 {
		t.Fatalf("shown %d messages, want 1", len(g.shown))
	}
	for _, want := range []string{"OpenGL 2.1", cliName, g.log.path} {
		if !strings.Contains(g.shown[0], want) {
			t.Errorf("message lacks %q:\n%s", want, g.shown[0])
		}
	}
}

func TestRecoverPanicLogsTheStack(t *testing.T) {
	g := newTestGuard(t)
	func() {
		defer g.recoverPanic()
		panic("boom in a screen")
	}()

	if g.exitCode != 2 {
		t.Errorf("exit code %d, want 2", g.exitCode)
	}
	got := g.logText(t)
	if !strings.Contains(got, "boom in a screen") || !strings.Contains(got, "guard_test.go") {
		t.Errorf("log lacks the panic and its stack:\n%s", got)
	}
	if len(g.shown) != 1 || !strings.Contains(g.shown[0], "gặp lỗi") {
		t.Errorf("shown %q, want the crash message", g.shown)
	}
}

func TestRecoverPanicWithoutPanicDoesNothing(t *testing.T) {
	g := newTestGuard(t)
	func() { defer g.recoverPanic() }()
	if g.exitCode != -1 || len(g.shown) != 0 {
		t.Errorf("exit %d, shown %q; want nothing", g.exitCode, g.shown)
	}
}

func TestOpenFileLogStartsAgainWhenTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), logFileName)
	if err := os.WriteFile(path, make([]byte, maxLogSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	l := openFileLog(path)
	defer l.file.Close()
	if _, err := l.Write([]byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("log holds %d bytes, want only the new line", len(b))
	}
}

func TestFileLogThatCannotOpenDropsWrites(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	l := openFileLog(filepath.Join(blocker, logFileName)) // a folder that is a file
	if n, err := l.Write([]byte("x")); n != 1 || err != nil {
		t.Errorf("Write = %d, %v; want 1, nil", n, err)
	}
}

func TestLogPathIsBesideTheDataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sub", "cchc.db")
	if got, want := logPath(db), filepath.Join(filepath.Dir(db), logFileName); got != want {
		t.Errorf("logPath = %q, want %q", got, want)
	}
}

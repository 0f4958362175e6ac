package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// guard makes sure a window that cannot start never fails silently. Fyne
// 2.7.1 needs OpenGL 2.1 and, without it, either panics inside GLFW or runs on
// with no window at all: under the Windows GUI subsystem nobody sees either,
// and the invisible process keeps the data file locked. Three checks catch
// it: checkOpenGL before Fyne starts, checkWindowsOpened before the app runs,
// and recoverPanic. The guard then tells the officer through a message box
// (stderr on Linux) and writes the reason to cchc.log in the data folder.
type guard struct {
	log  *fileLog
	show func(title, text string)
	exit func(code int)
}

// startGuard opens cchc.log and sends the standard logger, where Fyne and
// GLFW write their errors, there as well as to stderr.
func startGuard(dbFlag string) *guard {
	g := &guard{log: openFileLog(logPath(dbFlag)), show: showMessage, exit: os.Exit}
	redirectCrashOutput(g.log.file)
	log.SetOutput(io.MultiWriter(os.Stderr, g.log))
	return g
}

// windowFailed reports that the window could not start because of reason,
// and ends the program.
func (g *guard) windowFailed(reason error) {
	g.record("the window could not start", reason.Error())
	g.show(messageTitle, noWindowMessage(reason, g.log.path))
	g.exit(1)
}

// recoverPanic, deferred in main, turns a panic on the main goroutine into a
// message and a log entry: a GLFW error means the window could not start,
// anything else is a bug whose stack goes to the log.
func (g *guard) recoverPanic() {
	r := recover()
	if r == nil {
		return
	}
	if isGraphicsPanic(r) {
		g.windowFailed(fmt.Errorf("GLFW panic: %v", r))
		return
	}
	g.record("panic", fmt.Sprintf("%v\n%s", r, debug.Stack()))
	g.show(messageTitle, crashMessage(g.log.path))
	g.exit(2)
}

// record appends what happened to cchc.log, with the time and the version.
func (g *guard) record(what, detail string) {
	fmt.Fprintf(g.log, "%s cchc %s (%s/%s): %s: %s\n",
		time.Now().Format(time.DateTime), version, runtime.GOOS, runtime.GOARCH,
		what, strings.TrimSpace(detail))
}

package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// windowRows: the window's first frame under Xvfb, with the seed plan and
// with 10,000 tasks, and the memory it holds then.
func (b *bench) windowRows() error {
	display, stop, err := startXvfb()
	if err != nil {
		return err
	}
	defer stop()
	home := abs(b.path("home"))
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	env := []string{"DISPLAY=" + display, "HOME=" + home, "XDG_CONFIG_HOME=" + home + "/.config",
		"XDG_DATA_HOME=" + home + "/.local/share", "CCHC_EXIT_AFTER_FIRST_FRAME=1", "LANG=en_US.UTF-8"}
	for _, w := range []struct{ label, file string }{{"the seed plan", "seed.db"}, {"10,000 tasks", "10k.db"}} {
		data := b.path("window-" + w.file)
		j := job{name: "window " + w.file, env: env, argv: []string{b.tool("cchc"), "--db", data}, timeout: time.Minute}
		j.before = func() error { return copyFile(b.path(w.file), data) }
		s, err := repeat(j, b.pairs)
		if err != nil {
			return err
		}
		first := spreadOf(s.walls())
		r := row{what: "Window: start to first frame drawn, with " + w.label + " (Xvfb, whole process)",
			target: "< 1 s", measured: timeText(first, "runs"), met: ptr(first.median < 1000)}
		if !*r.met {
			r.profile = b.windowProfile(j, w.file, "cpu")
		}
		b.r.add(r)
		if w.file == "10k.db" {
			m := row{what: "Window holding the 10,000-task plan: peak memory (max RSS) at its first frame",
				target: "< 250 MB", measured: fmt.Sprintf("%.0f MB", s.peakMB()), met: ptr(s.peakMB() < 250)}
			if !*m.met {
				m.profile = b.windowProfile(j, w.file, "heap")
			}
			b.r.add(m)
		}
	}
	return nil
}

// windowProfile runs the window once more with a CPU or heap profile and
// returns pprof's top functions.
func (b *bench) windowProfile(j job, file, kind string) string {
	prof := abs(b.path("window-" + file + "." + kind))
	if kind == "cpu" {
		j.env = append(j.env, "CCHC_CPUPROFILE="+prof)
	} else {
		j.env = append(j.env, "CCHC_HEAPPROFILE="+prof)
	}
	if _, err := j.run(); err != nil {
		return fmt.Sprintf("(no profile: %v)", err)
	}
	if kind == "heap" {
		return "Go heap in use at the first frame (the rest of the RSS is outside the Go heap: " +
			"the GL driver, fonts, X):\n" + topOf(b.goTool, b.tool("cchc"), prof, "-sample_index=inuse_space")
	}
	return topOf(b.goTool, b.tool("cchc"), prof, "-cum", "-hide", wrappers)
}

// startXvfb starts a virtual screen on a free display and waits until it
// takes connections.
func startXvfb() (string, func(), error) {
	n := 90
	for ; n < 200; n++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); os.IsNotExist(err) {
			break
		}
	}
	display := ":" + strconv.Itoa(n)
	cmd := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("start Xvfb: %w", err)
	}
	stop := func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	for range 100 {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); err == nil {
			time.Sleep(200 * time.Millisecond)
			return display, stop, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	return "", nil, fmt.Errorf("virtual screen %s did not start", display)
}

//go:build !windows

package widgets

import (
	"errors"
	"log"
	"os/exec"
	"path/filepath"

	"fyne.io/fyne/v2/lang"
)

// commandOpener opens files and folders with xdg-open, the desktop's way on
// Linux. xdg-open answers only after it has looked for a program, so it
// runs in the background and a failure comes later, through failed.
type commandOpener struct {
	command string // "xdg-open"
	failed  func(error)
}

// SystemOpener is the opener of this system; failed hears of a program that
// could not be started after all.
func SystemOpener(failed func(error)) Opener {
	return commandOpener{command: "xdg-open", failed: failed}
}

func (o commandOpener) OpenFile(path string) error { return o.run(path, path) }

// ShowInFolder opens the file's folder: xdg-open cannot pick the file out.
func (o commandOpener) ShowInFolder(path string) error { return o.run(filepath.Dir(path), path) }

// run opens target, telling of path when nothing can open it.
func (o commandOpener) run(target, path string) error {
	program, err := exec.LookPath(o.command)
	if err != nil {
		log.Printf("mở %s: %v", target, err)
		return errNoOpener(path)
	}
	cmd := exec.Command(program, target)
	if err := cmd.Start(); err != nil {
		log.Printf("mở %s: %v", target, err)
		return errNoOpener(path)
	}
	go func() {
		if err := cmd.Wait(); err != nil {
			log.Printf("mở %s: %v", target, err)
			o.failed(errors.New(Localf("Không có chương trình nào mở được %s.", target) + " " + lang.L("Hãy mở nó bằng trình quản lý tệp.")))
		}
	}()
	return nil
}

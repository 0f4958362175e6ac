package ui

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/kehoach/cchc/ui/widgets"
)

// The user guide: an HTML page beside the program once installed, the
// Markdown source in a working copy of the code.
const (
	guideName   = "huong-dan-su-dung.html"
	guideSource = "docs/huong-dan-su-dung.md"
)

// openGuide opens the user guide in the system's browser or viewer: F1.
func (w *MainWindow) openGuide() {
	path, err := findGuide()
	if err == nil {
		err = w.opener.OpenFile(path)
	}
	if err != nil {
		w.showError(err)
	}
}

// findGuide looks for the guide beside the program, then in the folders
// above the program and the working folder, as in a working copy.
func findGuide() (string, error) {
	var places []string
	if exe, err := os.Executable(); err == nil {
		places = append(places, filepath.Dir(exe))
	}
	if wd, err := os.Getwd(); err == nil {
		places = append(places, wd)
	}
	for _, dir := range places {
		if path := filepath.Join(dir, guideName); isFile(path) {
			return path, nil
		}
		for d := dir; ; d = filepath.Dir(d) {
			if path := filepath.Join(d, guideSource); isFile(path) {
				return path, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return "", errors.New(widgets.Localf("Không tìm thấy tệp hướng dẫn %s: tệp này đi kèm chương trình, trong thư mục cài đặt.", guideName))
}

func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

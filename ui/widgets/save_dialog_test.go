package widgets

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSaveDialogAddsExtensionAndKeepsExistingFileUntouched(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	defer w.Close()
	folder := t.TempDir()
	existing := filepath.Join(folder, "ke-hoach.pdf")
	if err := os.WriteFile(existing, []byte("bản cũ"), 0o644); err != nil {
		t.Fatal(err)
	}

	// Given a new name without its extension, saving gives the full path.
	var chosen string
	d := AskSavePath(w, "Lưu tệp", "goi-y", ".pdf", func(path string) { chosen = path })
	d.folder = folder
	d.Name.SetText("")
	test.Type(d.Name, "bao-cao")
	d.dialog.Confirm()
	if chosen != filepath.Join(folder, "bao-cao.pdf") {
		t.Fatalf("chosen = %q", chosen)
	}
	d.Name.SetText("BANG.PDF")
	if path, _ := d.chosenPath(); path != filepath.Join(folder, "BANG.PDF") {
		t.Errorf("an extension in capitals was doubled: %q", path)
	}
	if _, err := os.Stat(chosen); !os.IsNotExist(err) {
		t.Errorf("the dialog created %s before the export", chosen)
	}

	// Given an existing file, it asks first and leaves the file alone.
	chosen = ""
	d = AskSavePath(w, "Lưu tệp", "ke-hoach.pdf", ".pdf", func(path string) { chosen = path })
	d.folder = folder
	d.dialog.Confirm()
	if d.confirmOverwrite == nil || chosen != "" {
		t.Fatalf("no question before replacing an existing file (chosen %q)", chosen)
	}
	if data, _ := os.ReadFile(existing); string(data) != "bản cũ" {
		t.Errorf("the existing file was changed before the export: %q", data)
	}
	d.confirmOverwrite.Confirm()
	if chosen != existing {
		t.Errorf("after confirming, chosen = %q", chosen)
	}
	if got := a.Preferences().String(prefLastSaveFolder); got != folder {
		t.Errorf("last folder remembered = %q", got)
	}
}

func TestSaveDialogRefusesBadNames(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	defer w.Close()
	called := false
	d := AskSavePath(w, "Lưu tệp", "a", ".xlsx", func(string) { called = true })
	d.folder = t.TempDir()
	for _, tt := range []struct{ what, name string }{
		{"empty", ""}, {"only spaces", "  "}, {"a colon", "bao:cao"}, {"a slash", "a/b"},
	} {
		t.Run(tt.what, func(t *testing.T) {
			d.Name.SetText(tt.name)
			if _, err := d.chosenPath(); err == nil {
				t.Errorf("name %q accepted", tt.name)
			}
		})
	}
	d.Name.SetText("ok")
	d.folder = filepath.Join(d.folder, "missing")
	if _, err := d.chosenPath(); err == nil {
		t.Error("a missing folder accepted")
	}
	if called {
		t.Error("done called for a bad name")
	}
}

package ui

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// envUpdateTranslations names the variable that rewrites translations/vi.json
// from the source: CCHC_UPDATE_TRANSLATIONS=1 go test -tags ci ./ui -run Catalogue.
const envUpdateTranslations = "CCHC_UPDATE_TRANSLATIONS"

// fyneDir is where the Fyne module's source lies.
func fyneDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("go list fyne: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// fyneMessages are Fyne's own message ids with their English text.
func fyneMessages(t *testing.T) map[string]any {
	t.Helper()
	return readMessages(t, filepath.Join(fyneDir(t), "lang", "translations", "base.en.json"))
}

func readMessages(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	messages := map[string]any{}
	if err := json.Unmarshal(data, &messages); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return messages
}

// ownMessageIDs are the ids the window's source, this package's and its
// subpackages', passes to lang.L, lang.X (its key) and widgets.Localf. Every
// one must be a literal string or a constant holding one, so the catalogue
// can hold it.
func ownMessageIDs(t *testing.T) map[string]bool {
	t.Helper()
	fset := token.NewFileSet()
	files := sourceFiles(t, fset)
	consts := stringConstants(files)
	ids := map[string]bool{}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Name.Name == "Localf" {
				return false // its lang.L passes the ids it is given
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || !isTranslation(call.Fun) || len(call.Args) == 0 {
				return true
			}
			id, ok := messageID(call.Args[0], consts[file.Name.Name], consts)
			if !ok {
				t.Errorf("%s: a translation of something other than a literal string", fset.Position(call.Pos()))
			}
			ids[id] = true
			return true
		})
	}
	return ids
}

// sourceFiles parses the files of the package and of its subpackages,
// tests left out.
func sourceFiles(t *testing.T, fset *token.FileSet) []*ast.File {
	t.Helper()
	var files []*ast.File
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		files = append(files, file)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// stringConstants are the constants given as literal strings, by the name
// of their package.
func stringConstants(files []*ast.File) map[string]map[string]string {
	all := map[string]map[string]string{}
	for _, file := range files {
		if all[file.Name.Name] == nil {
			all[file.Name.Name] = map[string]string{}
		}
		consts := all[file.Name.Name]
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[name.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
	}
	return all
}

// messageID is the text of a literal string, or of a constant holding one:
// one of its own package, consts, or one another package, by its name in
// all, exports.
func messageID(arg ast.Expr, consts map[string]string, all map[string]map[string]string) (string, bool) {
	switch a := arg.(type) {
	case *ast.BasicLit:
		if a.Kind == token.STRING {
			id, err := strconv.Unquote(a.Value)
			return id, err == nil
		}
	case *ast.Ident:
		id, ok := consts[a.Name]
		return id, ok
	case *ast.SelectorExpr:
		if pkg, isPkg := a.X.(*ast.Ident); isPkg {
			id, ok := all[pkg.Name][a.Sel.Name]
			return id, ok
		}
	case *ast.BinaryExpr: // a long message written as "…" + "…"
		left, okLeft := messageID(a.X, consts, all)
		right, okRight := messageID(a.Y, consts, all)
		return left + right, okLeft && okRight && a.Op == token.ADD
	}
	return "", false
}

// isTranslation reports whether fun is lang.L, lang.X or Localf, called in
// its own package or as widgets.Localf.
func isTranslation(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "Localf"
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		return ok && (pkg.Name == "lang" && (f.Sel.Name == "L" || f.Sel.Name == "X") ||
			pkg.Name == "widgets" && f.Sel.Name == "Localf")
	}
	return false
}

func TestCatalogueHoldsEveryMessage(t *testing.T) {
	const path = "translations/vi.json"
	fyneIDs, own := fyneMessages(t), ownMessageIDs(t)
	catalogue := readMessages(t, path)
	if os.Getenv(envUpdateTranslations) != "" {
		catalogue = updatedCatalogue(catalogue, fyneIDs, own)
		writeMessages(t, path, catalogue)
	}
	for id := range fyneIDs {
		if _, ok := catalogue[id]; !ok {
			t.Errorf("Fyne's %q has no Vietnamese in %s", id, path)
		}
	}
	for id := range own {
		if _, ok := catalogue[id]; !ok {
			t.Errorf("%q is not in %s (%s=1 adds it)", id, path, envUpdateTranslations)
		}
	}
	for id := range catalogue {
		if _, fyneID := fyneIDs[id]; !fyneID && !own[id] {
			t.Errorf("%s holds %q, which nothing uses (%s=1 drops it)", path, id, envUpdateTranslations)
		}
	}
}

// updatedCatalogue keeps Fyne's words as translated and our own as they
// stand, adds new ids of ours as written and drops ids no longer used.
func updatedCatalogue(old, fyneIDs map[string]any, own map[string]bool) map[string]any {
	updated := map[string]any{}
	for id, text := range old {
		if _, fyneID := fyneIDs[id]; fyneID || own[id] {
			updated[id] = text
		}
	}
	for id := range own {
		if _, ok := updated[id]; !ok {
			updated[id] = id
		}
	}
	return updated
}

func writeMessages(t *testing.T, path string, messages map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(messages); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFyneLocalesAreTheLanguagesFyneShips(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fyneDir(t), "lang", "translations", "base.*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var shipped []string
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "base."), ".json")
		shipped = append(shipped, strings.ReplaceAll(name, "_", "-"))
	}
	var ours []string
	for _, l := range fyneLocales {
		ours = append(ours, string(l))
	}
	slices.Sort(shipped)
	slices.Sort(ours)
	if !slices.Equal(shipped, ours) {
		t.Errorf("Fyne ships %q, fyneLocales lists %q", shipped, ours)
	}
}

// systemLanguages are what LANG may say on a machine: Fyne's languages,
// Vietnamese, and one Fyne does not ship.
var systemLanguages = []string{"en_US.UTF-8", "en_GB.UTF-8", "fr_FR.UTF-8", "de_DE.UTF-8", "zh_CN.UTF-8", "pt_BR.UTF-8", "vi_VN.UTF-8", "ja_JP.UTF-8", "C"}

func TestFyneSpeaksVietnameseWhateverTheSystemLanguage(t *testing.T) {
	for _, system := range systemLanguages {
		t.Run(system, func(t *testing.T) {
			t.Setenv("LANGUAGE", "")
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", system)
			if err := useLanguage(interfaceLanguage); err != nil { // reads the system's language again
				t.Fatal(err)
			}
			a := test.NewTempApp(t)
			w := a.NewWindow("test")
			defer w.Close()
			w.Resize(fyne.NewSize(900, 600))

			confirm := dialog.NewConfirm("Xoá?", "Xoá nhiệm vụ này?", nil, w)
			confirm.Show()
			expectTexts(t, w, "Có", "Không")
			confirm.Hide()

			open := dialog.NewFileOpen(nil, w)
			open.Show()
			expectTexts(t, w, "Mở tệp", "Mở", "Huỷ")
			open.Hide()

			dialog.ShowError(os.ErrNotExist, w)
			expectTexts(t, w, "Có lỗi", "Đồng ý")
			if got := lang.L("Chọn nơi lưu…"); got != "Chọn nơi lưu…" {
				t.Errorf("our own words come out as %q", got)
			}
		})
	}
	t.Setenv("LANG", "en_US.UTF-8")
	if err := useLanguage(interfaceLanguage); err != nil {
		t.Fatal(err)
	}
}

// expectTexts checks that the top overlay of w shows each text on a
// button or a label.
func expectTexts(t *testing.T, w fyne.Window, want ...string) {
	t.Helper()
	shown := map[string]bool{}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Button:
			shown[o.Text] = true
		case *widget.Label:
			shown[o.Text] = true
		}
	}
	for _, text := range want {
		if !shown[text] {
			t.Errorf("%q not shown; shown: %q", text, slices.Sorted(maps.Keys(shown)))
		}
	}
}

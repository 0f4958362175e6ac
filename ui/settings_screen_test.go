package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
)

// openSettings opens the window over a seeded store and shows Cài đặt.
func openSettings(t *testing.T) (*SettingsScreen, *db.Store) {
	t.Helper()
	w, st := openWindow(t)
	w.nav.ShowTitle("Cài đặt")
	return w.Settings, st
}

// retype replaces the text of a field, as typing does.
func retype(e *widgets.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestBadMarginIsRefusedNextToItsField(t *testing.T) {
	s, st := openSettings(t)
	before, _ := st.Settings()
	left := s.Input("margins.left")

	// When the officer types a left margin Decree 30 does not allow,
	retype(left.Entry, "40")

	// then the field says why at once,
	if !left.Problem.Visible() || !strings.Contains(left.Problem.Text, "Lề trái 40 mm nằm ngoài khoảng 30–35 mm") {
		t.Errorf("problem under the field: %q (shown %v)", left.Problem.Text, left.Problem.Visible())
	}
	if top := s.Input("margins.top"); top.Problem.Visible() {
		t.Errorf("another field shows a problem: %q", top.Problem.Text)
	}
	// and saving saves nothing, not even the fields that were right.
	retype(s.Input("agency.place").Entry, "Hà Giang")
	test.Tap(s.SaveButton)
	if !strings.HasPrefix(s.Status.Text, "Chưa lưu") {
		t.Errorf("status = %q", s.Status.Text)
	}
	after, _ := st.Settings()
	if after.Margins != before.Margins || after.Agency.Place != before.Agency.Place {
		t.Errorf("settings changed although a field was refused: %+v", after)
	}

	// Once corrected, the problem goes and the save goes through.
	retype(left.Entry, "32,5")
	if left.Problem.Visible() {
		t.Errorf("a right margin still shows %q", left.Problem.Text)
	}
	test.Tap(s.SaveButton)
	if after, _ = st.Settings(); after.Margins.Left != 32.5 || after.Agency.Place != "Hà Giang" {
		t.Errorf("saved %+v, %q", after.Margins, after.Agency.Place)
	}
}

func TestSettingsScreenSavesEverySetting(t *testing.T) {
	s, st := openSettings(t)
	retype(s.Input("agency.name").Entry, "Sở Tài chính")
	retype(s.Input("agency.abbrev").Entry, "STC")
	retype(s.Input("recipients").Entry, "UBND tỉnh Tuyên Quang\nSở Nội vụ tỉnh Tuyên Quang")
	retype(s.Input("distribution").Entry, "Như trên;\nLưu: VT, TC.")
	test.Tap(s.Signers.AddButton)
	deputy := s.Signers.rows[1]
	deputy.Authority.SetSelected("KT.")
	retype(deputy.HeadTitle, "GIÁM ĐỐC")
	retype(deputy.OwnTitle, "PHÓ GIÁM ĐỐC")
	retype(deputy.Name, "Lê Văn An")
	retype(s.Signers.rows[0].Name, "Nguyễn Văn Bình")
	test.Tap(s.SaveButton)

	saved, _ := st.Settings()
	if saved.Agency.Name != "Sở Tài chính" || saved.Agency.Abbrev != "STC" {
		t.Errorf("agency %+v", saved.Agency)
	}
	if !slices.Equal(saved.RecipientsOrDefault(), []string{"UBND tỉnh Tuyên Quang", "Sở Nội vụ tỉnh Tuyên Quang"}) ||
		!slices.Equal(saved.Distribution, []string{"Như trên;", "Lưu: VT, TC."}) {
		t.Errorf("Kính gửi %q, Nơi nhận %q", saved.Recipients, saved.Distribution)
	}
	want := []store.Signer{{HeadTitle: "GIÁM ĐỐC", Name: "Nguyễn Văn Bình"},
		{Authority: store.AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ GIÁM ĐỐC", Name: "Lê Văn An"}}
	if got := saved.Signers(); !slices.Equal(got, want) {
		t.Errorf("signers %+v", got)
	}
	if !strings.HasPrefix(s.Status.Text, "Đã lưu") {
		t.Errorf("status = %q", s.Status.Text)
	}
}

func TestSignerWithoutHeadTitleIsRefusedUnderIt(t *testing.T) {
	s, st := openSettings(t)
	test.Tap(s.Signers.AddButton)
	retype(s.Signers.rows[1].HeadTitle, "")
	test.Tap(s.SaveButton)
	if p := s.Signers.rows[1].Problem; !p.Visible() || !strings.Contains(p.Text, "Chức danh người đứng đầu không được để trống") {
		t.Errorf("problem under the signer: %q", p.Text)
	}
	if saved, _ := st.Settings(); len(saved.Signers()) != 1 {
		t.Errorf("saved %d signers", len(saved.Signers()))
	}
	test.Tap(s.Signers.rows[1].Remove)
	if len(s.Signers.rows) != 1 || !s.Signers.rows[0].Remove.Disabled() {
		t.Error("the last signer can be removed, or the second was not")
	}
}

func TestEmptyingTheUnitsAsksFirst(t *testing.T) {
	s, st := openSettings(t)
	retype(s.Input("units").Entry, "")
	test.Tap(s.SaveButton)
	if s.askEmptyUnits == nil {
		t.Fatal("no question before the units were emptied")
	}
	s.askEmptyUnits.Dismiss()
	if saved, _ := st.Settings(); len(saved.Units) == 0 {
		t.Fatal("the units were emptied although the officer said no")
	}
	test.Tap(s.SaveButton)
	s.askEmptyUnits.Confirm()
	if saved, _ := st.Settings(); len(saved.Units) != 0 {
		t.Errorf("units %q after confirming", saved.Units)
	}
}

func TestNewSettingKeysGetAFieldOfTheirOwn(t *testing.T) {
	test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := test.NewWindow(nil)
	defer w.Close()
	keys := append(store.SettingKeys(), "periods.q1", "dueSoonDays")
	s := newSettingsScreen(st, w, func(err error) { t.Error(err) }, keys)
	for _, key := range []string{"periods.q1", "dueSoonDays", "margins.left", "recipients"} {
		if s.Input(key) == nil {
			t.Errorf("no field for %s", key)
		}
	}
	if s.Input("signer.name") != nil {
		t.Error("signer.name has a field besides the signers editor")
	}
}

package ui

import (
	"errors"
	"slices"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// SettingsStore is what the settings screen needs of the data: the
// settings, and a way to save them.
type SettingsStore interface {
	Settings() (store.Settings, error)
	SaveSettings(settings store.Settings) error
}

// settingsSection is a group of settings on the screen: its heading and
// the keys it edits, in order. A key no section names goes to the last
// section, which lists whatever the store adds later.
type settingsSection struct {
	title string
	keys  []string
}

// settingsSections are the screen's groups. The signer.* and signers.more
// keys are edited together by the signers editor.
func settingsSections() []settingsSection {
	return []settingsSection{
		{lang.L("Cơ quan"), []string{"agency.parent", "agency.name", "agency.abbrev", "agency.place"}},
		{lang.L("Các phòng, đơn vị"), []string{"units"}},
		{lang.L("Văn bản gửi đi"), []string{"recipients", "distribution"}},
		{lang.L("Lề trang (mm)"), []string{"margins.top", "margins.bottom", "margins.left", "margins.right"}},
	}
}

// signerKeys are the keys the signers editor edits.
var signerKeys = []string{"signer.authority", "signer.headTitle", "signer.ownTitle", "signer.name", "signers.more"}

// settingText is what the screen calls a key, and the hint under its field.
type settingText struct{ label, hint string }

// settingTexts are the names and hints of the keys the screen knows; a key
// it does not know shows as itself.
func settingTexts() map[string]settingText {
	between := func(limit [2]float64) string { return widgets.Localf("Từ %g đến %g mm", limit[0], limit[1]) }
	margins := store.MarginRanges
	return map[string]settingText{
		"agency.parent":  {lang.L("Cơ quan chủ quản"), lang.L("Dòng trên tên cơ quan, ví dụ UBND TỈNH TUYÊN QUANG")},
		"agency.name":    {lang.L("Tên cơ quan"), lang.L("Ví dụ Sở Kế hoạch và Đầu tư")},
		"agency.abbrev":  {lang.L("Tên viết tắt"), lang.L("Dùng trong ký hiệu văn bản, ví dụ SKH trong 122/KH-SKH")},
		"agency.place":   {lang.L("Địa danh"), lang.L("Ở dòng ngày tháng, ví dụ Tuyên Quang")},
		"units":          {lang.L("Danh sách"), lang.L("Mỗi dòng một phòng, đơn vị; dùng làm đơn vị chủ trì, phối hợp")},
		"recipients":     {lang.L("Kính gửi"), lang.L("Nơi nhận báo cáo, mỗi dòng một nơi")},
		"distribution":   {lang.L("Nơi nhận mặc định"), lang.L("Mỗi dòng một nơi; kế hoạch mới lấy danh sách này")},
		"margins.top":    {lang.L("Lề trên"), between(margins.Top)},
		"margins.bottom": {lang.L("Lề dưới"), between(margins.Bottom)},
		"margins.left":   {lang.L("Lề trái"), between(margins.Left)},
		"margins.right":  {lang.L("Lề phải"), between(margins.Right)},
	}
}

// settingInput is the field of one key, with its problem under it.
type settingInput struct {
	key     string
	Entry   *widgets.Entry
	Problem *widget.Label
}

// SettingsScreen shows every setting, each checked by the store's own rules
// as it is typed, its problem in Vietnamese under it; "Lưu cài đặt" saves
// them all at once, and nothing while any is refused.
type SettingsScreen struct {
	store   SettingsStore
	onError func(error)

	saved   store.Settings
	inputs  []*settingInput
	Signers *signersEditor
	// Status says what the last save did.
	Status     *widget.Label
	SaveButton *widget.Button
	sections   *fyne.Container
	content    fyne.CanvasObject
	// askEmptyUnits, when not nil, asks before the units are emptied.
	askEmptyUnits *dialog.ConfirmDialog
	window        fyne.Window
}

// NewSettingsScreen builds the screen over every key the store lists and
// fills it from the store; its questions open over window.
func NewSettingsScreen(st SettingsStore, window fyne.Window, onError func(error)) *SettingsScreen {
	return newSettingsScreen(st, window, onError, store.SettingKeys())
}

// newSettingsScreen builds the screen over the keys given.
func newSettingsScreen(st SettingsStore, window fyne.Window, onError func(error), keys []string) *SettingsScreen {
	s := &SettingsScreen{store: st, window: window, onError: onError, Status: widget.NewLabel("")}
	s.Status.Wrapping = fyne.TextWrapWord
	s.Signers = newSignersEditor()
	s.SaveButton = widget.NewButton(lang.L("Lưu cài đặt"), s.Save)
	s.SaveButton.Importance = widget.HighImportance
	s.sections = container.NewVBox()
	for i, section := range append(settingsSections(), s.otherSection(keys)) {
		if i == 1 { // the signers come right after the agency they sign for
			s.AddSection(lang.L("Người ký"), s.Signers.Content())
		}
		s.addKeys(section)
	}
	buttons := container.NewBorder(nil, nil, nil, s.SaveButton, s.Status)
	s.content = container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(container.NewPadded(s.sections)))
	s.Reload()
	return s
}

// otherSection holds the keys no other section names: the store's newer
// settings, such as the reporting periods and the days before a due date.
func (s *SettingsScreen) otherSection(keys []string) settingsSection {
	placed := slices.Clone(signerKeys)
	for _, section := range settingsSections() {
		placed = append(placed, section.keys...)
	}
	other := settingsSection{title: lang.L("Kỳ báo cáo và nhắc hạn")}
	for _, key := range keys {
		if !slices.Contains(placed, key) {
			other.keys = append(other.keys, key)
		}
	}
	return other
}

// addKeys adds a section of fields, one a key; a section without keys is
// left out.
func (s *SettingsScreen) addKeys(section settingsSection) {
	if len(section.keys) == 0 {
		return
	}
	form := widget.NewForm()
	texts := settingTexts()
	for _, key := range section.keys {
		input := s.newInput(key)
		text, known := texts[key]
		if !known {
			text.label = key
		}
		item := widget.NewFormItem(text.label, container.NewVBox(input.Entry, input.Problem))
		item.HintText = text.hint
		form.AppendItem(item)
		s.inputs = append(s.inputs, input)
	}
	s.AddSection(section.title, form)
}

// AddSection adds a group of its own at the end of the screen: the hook for
// screens that come later, such as a link to the backups.
func (s *SettingsScreen) AddSection(title string, content fyne.CanvasObject) {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.sections.Add(container.NewVBox(heading, content, widget.NewSeparator()))
}

// newInput is the field of a key: several lines for a list.
func (s *SettingsScreen) newInput(key string) *settingInput {
	input := &settingInput{key: key, Problem: widget.NewLabel("")}
	if store.IsListSetting(key) {
		input.Entry = widgets.NewMultiLineEntry()
		input.Entry.SetMinRowsVisible(3)
	} else {
		input.Entry = widgets.NewEntry()
	}
	input.Problem.Importance = widget.DangerImportance
	input.Problem.Wrapping = fyne.TextWrapWord
	input.Problem.Hide()
	input.Entry.OnChanged = func(string) { s.check(input) }
	return input
}

// Content returns the screen's root object.
func (s *SettingsScreen) Content() fyne.CanvasObject { return s.content }

// Input returns the field of a key, nil when the screen has none.
func (s *SettingsScreen) Input(key string) *settingInput {
	for _, input := range s.inputs {
		if input.key == key {
			return input
		}
	}
	return nil
}

// Reload fills the fields from the store, dropping what was typed.
func (s *SettingsScreen) Reload() {
	settings, err := s.store.Settings()
	if err != nil {
		s.onError(err)
		return
	}
	s.saved = settings
	for _, input := range s.inputs {
		value, err := settings.Setting(input.key)
		if err != nil {
			value = ""
		}
		input.Entry.SetText(value)
		s.check(input)
	}
	s.Signers.Show(settings.Signers())
}

// check applies a field's text to a copy of the saved settings, by the
// store's rules, and shows under it why they refuse it.
func (s *SettingsScreen) check(input *settingInput) bool {
	candidate := s.saved
	err := candidate.SetSetting(input.key, input.Entry.Text)
	if err == nil {
		input.Problem.Hide()
		return true
	}
	input.Problem.SetText(widgets.FieldProblem(err))
	input.Problem.Show()
	return false
}

// Save saves every setting shown, as "Lưu cài đặt" does: nothing while a
// field is refused, and after asking when the units were all removed.
func (s *SettingsScreen) Save() {
	settings, err := s.collect()
	if err != nil {
		s.Status.SetText(lang.L("Chưa lưu") + ": " + widgets.FieldProblem(err))
		s.Status.Importance = widget.DangerImportance
		s.Status.Refresh()
		return
	}
	if len(settings.Units) == 0 && len(s.saved.Units) > 0 {
		s.askEmptyUnits = widgets.AskFirst(s.window, lang.L("Xoá hết các phòng, đơn vị?"),
			lang.L("Danh sách phòng, đơn vị sẽ trống: không còn đơn vị nào để chọn làm đơn vị chủ trì, phối hợp. Vẫn lưu?"),
			lang.L("Xoá hết và lưu"), lang.L("Huỷ"), func() { s.write(settings) })
		return
	}
	s.write(settings)
}

// write stores the settings and reads them back.
func (s *SettingsScreen) write(settings store.Settings) {
	if err := s.store.SaveSettings(settings); err != nil {
		s.onError(err)
		return
	}
	s.Reload()
	s.Status.SetText(lang.L("Đã lưu cài đặt. Kế hoạch mới và văn bản xuất từ nay dùng các thông tin này; kế hoạch đã ban hành giữ nguyên thông tin lúc ban hành."))
	s.Status.Importance = widget.SuccessImportance
	s.Status.Refresh()
}

// collect applies every field to the saved settings by the store's rules;
// the first refusal stops it, and every refused field shows why.
func (s *SettingsScreen) collect() (store.Settings, error) {
	var refused int
	for _, input := range s.inputs {
		if !s.check(input) {
			refused++
		}
	}
	if refused > 0 {
		return store.Settings{}, errors.New(widgets.Localf("%d mục chưa hợp lệ, xem dòng đỏ dưới từng ô.", refused))
	}
	settings := s.saved
	for _, input := range s.inputs {
		if err := settings.SetSetting(input.key, input.Entry.Text); err != nil {
			return store.Settings{}, err
		}
	}
	signers, err := s.Signers.Signers()
	if err != nil {
		return store.Settings{}, err
	}
	if err := settings.SetSigners(signers); err != nil {
		return store.Settings{}, err
	}
	return settings, settings.Validate()
}

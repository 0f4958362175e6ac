package ui

import (
	"embed"
	"fmt"
	"sync"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// translationFiles are the window's words, one file a language: Fyne's own
// words (Cancel, Open, Save, the file dialog's) and ours, whose message ids
// are the Vietnamese of the source. An English window is one more file,
// en.json, with the same ids, and interfaceLanguage set to "en".
//
//go:embed translations
var translationFiles embed.FS

// interfaceLanguage is the language of every word in the window.
const interfaceLanguage = "vi"

// fyneLocales are the languages Fyne 2.7.1 ships its words in. Fyne picks
// the one closest to the system's language, English when none is close, and
// offers no way to choose another (fyne-io/fyne#5333): so the chosen
// language is registered under each of them, and under itself, and applies
// whatever the language of Windows.
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

var languageOnce sync.Once

// useInterfaceLanguage registers the window's language once per process.
func useInterfaceLanguage() {
	languageOnce.Do(func() {
		if err := useLanguage(interfaceLanguage); err != nil {
			widgets.LogError(err)
		}
	})
}

// useLanguage puts translations/<name>.json in place of the words of every
// language the system's language can pick.
func useLanguage(name string) error {
	data, err := translationFiles.ReadFile("translations/" + name + ".json")
	if err != nil {
		return fmt.Errorf("đọc bản dịch %s: %w", name, err)
	}
	for _, locale := range append(fyneLocales, fyne.Locale(name)) {
		if err := lang.AddTranslationsForLocale(data, locale); err != nil {
			return fmt.Errorf("nạp bản dịch %s cho %s: %w", name, locale, err)
		}
	}
	return nil
}

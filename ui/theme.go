package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// officeTheme is Fyne's default theme always in its light variant: the app
// shows documents, and dark pages look nothing like what will be printed.
type officeTheme struct{}

var _ fyne.Theme = officeTheme{}

func (officeTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(name, theme.VariantLight)
}

func (officeTheme) Font(style fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(style) }

func (officeTheme) Icon(name fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(name)
}

func (officeTheme) Size(name fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(name) }

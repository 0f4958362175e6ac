package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// belowLayout lays out a scrolling pane of fields with a row of buttons
// under it: the pane is as tall as its fields when there is room, so the
// buttons follow right after them, and scrolls when there is not, so the
// buttons stay in sight at the bottom.
type belowLayout struct {
	fields fyne.CanvasObject // what the pane scrolls
}

// NewFieldsWithButtons puts buttons under fields that scroll when low.
func NewFieldsWithButtons(fields, buttons fyne.CanvasObject) *fyne.Container {
	return container.New(&belowLayout{fields: fields}, container.NewVScroll(fields), buttons)
}

func (l *belowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pane, buttons := objects[0], objects[1]
	buttonsHeight := buttons.MinSize().Height
	paneHeight := max(0, min(l.fields.MinSize().Height, size.Height-buttonsHeight-theme.Padding()))
	pane.Move(fyne.NewPos(0, 0))
	pane.Resize(fyne.NewSize(size.Width, paneHeight))
	buttons.Move(fyne.NewPos(0, paneHeight+theme.Padding()))
	buttons.Resize(fyne.NewSize(size.Width, buttonsHeight))
}

func (l *belowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pane, buttons := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(max(pane.Width, buttons.Width), pane.Height+theme.Padding()+buttons.Height)
}

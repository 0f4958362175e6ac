package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// screenEntry is one screen of the window as the navigation lists it.
type screenEntry struct {
	title   string
	icon    fyne.Resource
	content fyne.CanvasObject
	// save, when set, saves what the screen is editing: Ctrl+S.
	save func()
	// leave, when set, is asked before another screen is shown: it runs
	// goOn when the screen may be left, else stay.
	leave func(goOn, stay func())
	// shown, when set, runs each time the screen is shown: it reads again
	// what other screens may have changed.
	shown func()
}

// navigation is the list of screens down the left of the window, with the
// chosen screen beside it. Adding a screen is one more entry.
type navigation struct {
	entries []screenEntry
	buttons []*widget.Button
	chosen  int
	shown   *fyne.Container
	content fyne.CanvasObject
	// compact is set while the window is too narrow for the screens'
	// names: the sidebar then shows their icons only.
	compact bool
}

// compactBelow is the width under which the sidebar shows icons only, so
// that a 900-pixel window at 125% keeps every column of the task table.
const compactBelow = 900

// newNavigation lists the screens in the order given and shows the first.
func newNavigation(entries ...screenEntry) *navigation {
	n := &navigation{entries: entries, shown: container.NewStack()}
	list := container.NewVBox()
	for i, e := range entries {
		button := widget.NewButtonWithIcon(e.title, e.icon, func() { n.Show(i) })
		button.Alignment = widget.ButtonAlignLeading
		n.buttons = append(n.buttons, button)
		list.Add(button)
	}
	sidebar := container.NewBorder(nil, nil, nil, widget.NewSeparator(), list)
	n.content = container.New(&navLayout{nav: n}, container.NewBorder(nil, nil, sidebar, nil, n.shown))
	n.Show(0)
	return n
}

// navLayout fills the space with the sidebar and the screen, and turns the
// sidebar compact when the space is narrow.
type navLayout struct{ nav *navigation }

func (l *navLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.nav.setCompact(size.Width < compactBelow)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *navLayout) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

// setCompact shows the screens' names, or only their icons.
func (n *navigation) setCompact(compact bool) {
	if compact == n.compact {
		return
	}
	n.compact = compact
	for i, button := range n.buttons {
		button.SetText(n.entries[i].title)
		if compact {
			button.SetText("")
		}
	}
}

// Content returns the sidebar and the screen shown.
func (n *navigation) Content() fyne.CanvasObject { return n.content }

// Show shows the screen at index and marks its entry as chosen, once the
// screen shown has let go.
func (n *navigation) Show(index int) {
	if index < 0 || index >= len(n.entries) {
		return
	}
	if leave := n.entries[n.chosen].leave; leave != nil && index != n.chosen {
		leave(func() { n.show(index) }, func() {})
		return
	}
	n.show(index)
}

// show shows the screen at index.
func (n *navigation) show(index int) {
	for i, button := range n.buttons {
		button.Importance = widget.LowImportance
		if i == index {
			button.Importance = widget.HighImportance
		}
		button.Refresh()
	}
	n.chosen = index
	if shown := n.entries[index].shown; shown != nil {
		shown()
	}
	n.shown.Objects = []fyne.CanvasObject{n.entries[index].content}
	n.shown.Refresh()
	n.entries[index].content.Refresh()
}

// Titles returns the screens' names in the order listed.
func (n *navigation) Titles() []string {
	titles := make([]string, len(n.entries))
	for i, e := range n.entries {
		titles[i] = e.title
	}
	return titles
}

// Shown returns the name of the screen shown.
func (n *navigation) Shown() string { return n.entries[n.chosen].title }

// ShowTitle shows the screen with the given name.
func (n *navigation) ShowTitle(title string) {
	for i, e := range n.entries {
		if e.title == title {
			n.Show(i)
		}
	}
}

// Save saves what the screen shown is editing, when it edits anything.
func (n *navigation) Save() {
	if save := n.entries[n.chosen].save; save != nil {
		save()
	}
}

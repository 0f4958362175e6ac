package main

import (
	"strings"

	"github.com/kehoach/cchc/ui"
)

// glfwWindowClass is the class of the system windows Fyne opens on Windows.
const glfwWindowClass = "GLFW30"

// isFirstWindow tells whether a system window, by its class, title and
// process, is the window of another cchc already running: its title starts
// with the app's name ("Kế hoạch CCHC — 122/KH-SKH năm 2023").
func isFirstWindow(class, title string, pid, self uint32) bool {
	return class == glfwWindowClass && pid != self && strings.HasPrefix(title, ui.AppTitle)
}

//go:build !ci

package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// envSkipGLCheck names the variable that skips checkOpenGL, so that tests can
// reach what Fyne itself does without OpenGL.
const envSkipGLCheck = "CCHC_SKIP_GL_CHECK"

// checkOpenGL makes sure the window can start before Fyne tries: it creates a
// hidden window with an OpenGL 2.1 context, as Fyne's GLFW driver does, and
// closes it again. It runs on the main thread, before Fyne starts GLFW.
//
// go-gl/glfw reports the failures three ways, all caught here: an error
// (API or version unavailable), a panic (no pixel format, not initialised)
// or a nil window with the platform error only written to the standard log.
func checkOpenGL() (err error) {
	if os.Getenv(envSkipGLCheck) != "" {
		return nil
	}
	var glfwLog strings.Builder // go-gl/glfw logs some errors instead of returning them
	previous := log.Writer()
	log.SetOutput(io.MultiWriter(&glfwLog, previous))
	defer func() {
		log.SetOutput(previous)
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
		if err != nil && glfwLog.Len() > 0 {
			err = fmt.Errorf("%w (%s)", err, strings.TrimSpace(glfwLog.String()))
		}
	}()
	return openHiddenGLWindow()
}

// openHiddenGLWindow starts GLFW, opens and closes an invisible 16×16 window
// asking for OpenGL 2.1, and stops GLFW.
func openHiddenGLWindow() error {
	if err := glfw.Init(); err != nil {
		return fmt.Errorf("initialise GLFW: %w", err)
	}
	defer glfw.Terminate()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	win, err := glfw.CreateWindow(16, 16, "cchc", nil, nil)
	if err != nil {
		return fmt.Errorf("create an OpenGL 2.1 window: %w", err)
	}
	if win == nil {
		return errors.New("create an OpenGL 2.1 window: GLFW gave no window")
	}
	win.Destroy()
	return nil
}

// isGraphicsPanic tells whether a panic came from GLFW.
func isGraphicsPanic(v any) bool {
	_, ok := v.(*glfw.Error)
	return ok
}

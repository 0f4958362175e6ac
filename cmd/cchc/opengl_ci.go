//go:build ci

package main

// With Fyne's ci tag there is no GLFW and no OpenGL to check.

func checkOpenGL() error { return nil }

func isGraphicsPanic(any) bool { return false }

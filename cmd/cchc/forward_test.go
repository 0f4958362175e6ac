package main

import "testing"

func TestIsFirstWindow(t *testing.T) {
	const self = 200
	tests := []struct {
		name         string
		class, title string
		pid          uint32
		want         bool
	}{
		{"the first window, on a plan", "GLFW30", "Kế hoạch CCHC — 122/KH-SKH năm 2023", 100, true},
		{"the first window, no plan", "GLFW30", "Kế hoạch CCHC", 100, true},
		{"our own window", "GLFW30", "Kế hoạch CCHC", self, false},
		{"another Fyne program", "GLFW30", "Sổ tay", 100, false},
		{"a folder named like us", "CabinetWClass", "Kế hoạch CCHC", 100, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isFirstWindow(tt.class, tt.title, tt.pid, self); got != tt.want {
				t.Errorf("isFirstWindow = %v", got)
			}
		})
	}
}

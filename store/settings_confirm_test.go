package store

import (
	"strings"
	"testing"
)

func TestConfirmChangeAsksBeforeEmptyingAList(t *testing.T) {
	s := validSettings()
	tests := []struct {
		key, value string
		asks       bool
	}{
		{"units", "", true},
		{"units", "  ", true},
		{"UNITS", "", true},
		{"distribution", "", true},
		{"units", "Văn phòng Sở", false},
		{"agency.name", "", false},
		{"khong-co", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			question := s.ConfirmChange(tt.key, tt.value)
			if (question != "") != tt.asks {
				t.Errorf("ConfirmChange = %q, asks %v", question, tt.asks)
			}
			if tt.asks && !strings.Contains(question, "(2 mục)") {
				t.Errorf("question %q does not say what is lost", question)
			}
		})
	}
	if (Settings{}).ConfirmChange("units", "") != "" {
		t.Error("emptying an empty list asks")
	}
}

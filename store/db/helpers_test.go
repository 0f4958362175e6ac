package db

import (
	"time"

	"github.com/kehoach/cchc/store"
)

// day is a day of 2023, the seed plan's year.
func day(month time.Month, d int) store.Date { return store.NewDate(2023, month, d) }

// ptr returns a pointer to v, for a target's baseline.
func ptr(v float64) *float64 { return &v }

// defaultRules are the rules of settings that set none of their own.
var defaultRules = store.Settings{}.Rules()

// Package demo makes synthetic plans for tests, benchmarks and `cchc-cli
// demo`: as many tasks as asked, with the text lengths, timelines and units
// of a real plan (the seed's own tasks, reworded), the same for the same
// arguments.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

// Options shape a synthetic plan.
type Options struct {
	// Tasks is the number of tasks.
	Tasks int
	// PerArea is the number of tasks in each area; 0 means 50.
	PerArea int
	// Year is the plan's year; 0 means 2023, the seed's.
	Year int
	// Seed varies the text; the same seed gives the same plan.
	Seed uint64
}

// timelines are the kinds of "Thời gian thực hiện" a plan writes, spread
// over the year.
var timelines = []string{
	"Quý I/%d", "Quý II/%d", "Quý III/%d", "Quý IV/%d", "Tháng 3/%d", "Tháng 6/%d", "Tháng 9/%d",
	"Trước ngày 30/11/%d", "Năm %d", "6 tháng đầu năm %d", "Thường xuyên", "Hằng quý", "Tháng 12 hằng năm",
}

// openings vary the first words of the seed's task texts.
var openings = []string{
	"Tiếp tục", "Tổ chức", "Triển khai", "Rà soát, đánh giá", "Tham mưu", "Đôn đốc, kiểm tra", "Nâng cao chất lượng",
}

// Bundle returns a plan of opts.Tasks tasks with ids and orders, as the
// store would give it back: the seed plan's header, areas of opts.PerArea
// tasks, each task one of the seed's with its text reworded and numbered.
func Bundle(opts Options) store.Bundle {
	settings, seed, err := seeds.Plan2023()
	if err != nil {
		panic(err) // the embedded seed is checked by its own tests
	}
	perArea := opts.PerArea
	if perArea <= 0 {
		perArea = 50
	}
	year := opts.Year
	if year == 0 {
		year = seed.Plan.Year
	}
	pool := seed.Tasks()
	rng := rand.New(rand.NewPCG(opts.Seed, 0x43434843))
	b := store.Bundle{Plan: seed.Plan, Targets: seed.Targets}
	b.Plan.ID, b.Plan.Year = 1, year
	for i := range opts.Tasks {
		if i%perArea == 0 {
			n := len(b.Areas) + 1
			name := seed.Areas[(n-1)%len(seed.Areas)].Name
			if n > len(seed.Areas) {
				name = fmt.Sprintf("%s (nhóm %d)", name, n)
			}
			b.Areas = append(b.Areas, store.AreaTasks{Area: store.Area{ID: uint64(n), PlanID: 1, Numeral: store.RomanNumeral(n), Name: name, Order: n}})
		}
		area := &b.Areas[len(b.Areas)-1]
		b.Areas[len(b.Areas)-1].Tasks = append(area.Tasks, task(pool, settings.Units, rng, i, len(area.Tasks)+1, area.ID, year))
	}
	return b
}

// task makes the i-th task, the order-th of its area.
func task(pool []store.Task, units []string, rng *rand.Rand, i, order int, areaID uint64, year int) store.Task {
	t := pool[rng.IntN(len(pool))]
	t.ID, t.PlanID, t.AreaID, t.Order, t.Ordinal = uint64(i+1), 1, areaID, order, fmt.Sprint(order)
	words := strings.Fields(t.Content)
	t.Content = fmt.Sprintf("%s %s (nhiệm vụ số %d)", openings[rng.IntN(len(openings))], strings.Join(words[1:], " "), i+1)
	t.Lead = units[rng.IntN(len(units))]
	t.Coordinating = []string{units[rng.IntN(len(units))], "Các phòng, đơn vị thuộc Sở"}
	pattern := timelines[rng.IntN(len(timelines))]
	if strings.Contains(pattern, "%d") {
		pattern = fmt.Sprintf(pattern, year)
	}
	t.Timeline = store.ParseTimeline(pattern, year)
	return t
}

// Seed returns the seed plan 122/KH-SKH with ids and orders, as the store
// gives it back once seeded.
func Seed() store.Bundle {
	_, b, err := seeds.Plan2023()
	if err != nil {
		panic(err) // the embedded seed is checked by its own tests
	}
	b.Plan.ID = 1
	id := uint64(0)
	for i := range b.Areas {
		area := &b.Areas[i]
		area.ID, area.PlanID, area.Order = uint64(i+1), 1, i+1
		for j := range area.Tasks {
			id++
			task := &area.Tasks[j]
			task.ID, task.PlanID, task.AreaID, task.Order = id, 1, area.ID, j+1
		}
	}
	for i := range b.Targets {
		b.Targets[i].ID, b.Targets[i].PlanID, b.Targets[i].Order = uint64(i+1), 1, i+1
	}
	return b
}

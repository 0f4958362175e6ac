// Package overview is "Tổng quan", the screen the window opens on: where
// the current plan stands on a reporting date, counted by computed status
// and drawn by area (widgets.StatusChart), with the lists of overdue tasks,
// tasks due soon and targets not met, each line opening its task or
// target. Screen names the store methods it calls in Store.
package overview

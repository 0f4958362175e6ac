// Package tasks is the task screen of the window: the current plan's tasks
// in a table that searches, filters and sorts (task_list.go,
// task_filters.go, task_table.go), each judged on a reporting date, with a
// pane for the task chosen (task_detail.go): its progress form, history and
// evidence, and the editing of tasks, areas and the plan's header.
//
// Screen is built over the small Store it names and a
// widgets.ActionHost; it follows the host's current plan.
package tasks

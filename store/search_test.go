package store

import (
	"fmt"
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Cải cách hành chính":        "cai cach hanh chinh",
		"ĐĂNG KÝ":                    "dang ky",
		"Qu\u0079\u0301 II":          "quy ii", // decomposed, as Unikey's "Unicode tổ hợp" writes it
		"Phòng Công chức, viên chức": "phong cong chuc, vien chuc",
		"Ưu tiên ỨNG DỤNG":           "uu tien ung dung",
		"II.3 – 100%":                "ii.3 – 100%",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTaskMatches(t *testing.T) {
	task := Task{Ordinal: "3", Content: "Cải cách thủ tục đăng ký doanh nghiệp", Product: "Báo cáo",
		Lead: "Phòng Đăng ký kinh doanh", Coordinating: []string{"Văn phòng Sở"}, Timeline: Timeline{Text: "Quý IV/2023"}}
	tests := []struct {
		query string
		want  bool
	}{
		{"cai cach", true},
		{"dang ky", true},
		{"đăng ký", true},
		{"d", true},
		{"CẢI CÁCH doanh", true},
		{"van phong so", true},
		{"quy iv", true},
		{"bao cao", true},
		{"", true},
		{"cai cach thue", false},
		{"đê", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := task.Matches(tt.query); got != tt.want {
				t.Errorf("Matches(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
	if !ParseQuery("đ").MatchKey(SearchKey(Task{Content: "Đoàn thanh niên"})) || !ParseQuery("d").Match(Task{Content: "đào tạo"}) {
		t.Error("d and đ do not find each other")
	}
}

func TestSortTasksByVietnameseOrder(t *testing.T) {
	tasks := []Task{{ID: 1, Lead: "Văn phòng Sở"}, {ID: 2, Lead: "Đoàn thanh niên"}, {ID: 3, Lead: "đội kiểm tra"}, {ID: 4, Lead: "Ban Giám đốc"}, {ID: 5, Lead: "Ân"}}
	SortTasksBy(tasks, func(t Task) string { return t.Lead })
	var ids []uint64
	for _, t := range tasks {
		ids = append(ids, t.ID)
	}
	if want := []uint64{5, 4, 2, 3, 1}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v (A Â B Đ … V)", ids, want)
	}
}

func TestSearchIndexFindsWhatMatchFinds(t *testing.T) {
	contents := []string{"Rà soát thủ tục", "Cải cách thủ tục đăng ký kinh doanh", "Đào tạo công chức", "Tuyên truyền cải cách hành chính"}
	var tasks []Task
	for i := range 700 {
		tasks = append(tasks, Task{Ordinal: fmt.Sprint(i + 1), Content: contents[i%len(contents)], Lead: []string{"Văn phòng Sở", "Thanh tra Sở", "Phòng Đăng ký kinh doanh"}[i%3]})
	}
	x := NewSearchIndex(tasks)
	for _, query := range []string{"cai cach", "dang ky", "d", "đ", "thu tuc dang", "VĂN PHÒNG cai", "12", "ii", "", "khong co", "tuc cai"} {
		var want []int
		for i, task := range tasks {
			if task.Matches(query) {
				want = append(want, i)
			}
		}
		if got := x.Find(query); !slices.Equal(got, want) {
			t.Errorf("Find(%q) found %d tasks, Matches %d", query, len(got), len(want))
		}
	}
}

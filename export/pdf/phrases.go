package pdf

import (
	"slices"
	"strings"

	"github.com/kehoach/cchc/store"
)

// Long names in the header and the signer block break the way a careful
// văn thư types them: between word groups, into lines of even width, with
// no word left alone on the last line: "SỞ LAO ĐỘNG - THƯƠNG BINH" over
// "VÀ XÃ HỘI", never "THƯƠNG" over "BINH".

// wordGroups are the words of two or more syllables that agency names,
// place names and titles are made of. A line may break inside one only
// when nothing else fits.
var wordGroups = groupSet(
	// the parts of an agency's name
	"ủy ban", "ủy ban nhân dân", "nhân dân", "hội đồng", "văn phòng", "thanh tra", "ban quản lý",
	"trung tâm", "phục vụ", "hành chính", "hành chính công", "chi cục", "tổng cục", "bộ phận",
	"một cửa", "kế hoạch", "đầu tư", "tài chính", "nội vụ", "tư pháp", "công thương", "xây dựng",
	"giao thông", "vận tải", "tài nguyên", "môi trường", "nông nghiệp", "phát triển", "nông thôn",
	"giáo dục", "đào tạo", "y tế", "văn hóa", "văn hoá", "thể thao", "du lịch", "thông tin", "truyền thông",
	"khoa học", "công nghệ", "lao động", "thương binh", "xã hội", "dân tộc", "ngoại vụ", "ngân hàng",
	"nhà nước", "kho bạc", "bảo hiểm", "hải quan", "công an", "quân sự", "biên phòng", "kinh tế",
	"tổng hợp", "quy hoạch", "đăng ký", "kinh doanh", "doanh nghiệp", "đối ngoại", "đấu thầu",
	"thẩm định", "giám sát", "tổ chức", "cán bộ", "công chức", "viên chức", "tuyên truyền",
	"thi đua", "khen thưởng", "tôn giáo", "lưu trữ", "thành phố", "thị xã", "thị trấn",
	// the parts of a title
	"giám đốc", "phó giám đốc", "trưởng ban", "phó trưởng ban", "thường trực", "chủ tịch",
	"phó chủ tịch", "chánh văn phòng", "phó chánh văn phòng", "chánh thanh tra", "trưởng phòng",
	"phó trưởng phòng", "phụ trách", "điều hành", "bí thư", "thủ trưởng", "cục trưởng",
	"chi cục trưởng", "tổng cục trưởng", "bộ trưởng", "thứ trưởng",
	// places whose names are more than one word
	"hồ chí minh", "hà nội", "hải phòng", "đà nẵng", "cần thơ", "tuyên quang", "hà giang",
	"cao bằng", "bắc kạn", "lạng sơn", "lào cai", "yên bái", "thái nguyên", "phú thọ", "bắc giang",
	"quảng ninh", "bắc ninh", "hà nam", "hải dương", "hưng yên", "thái bình", "nam định",
	"ninh bình", "thanh hóa", "thanh hoá", "nghệ an", "hà tĩnh", "quảng bình", "quảng trị",
	"thừa thiên huế", "quảng nam", "quảng ngãi", "bình định", "phú yên", "khánh hòa", "khánh hoà",
	"ninh thuận", "bình thuận", "kon tum", "gia lai", "đắk lắk", "đắk nông", "lâm đồng",
	"bình phước", "tây ninh", "bình dương", "đồng nai", "bà rịa", "vũng tàu", "long an",
	"tiền giang", "bến tre", "trà vinh", "vĩnh long", "đồng tháp", "an giang", "kiên giang",
	"hậu giang", "sóc trăng", "bạc liêu", "cà mau", "điện biên", "lai châu", "sơn la", "hòa bình",
	"hoà bình", "vĩnh phúc",
)

// groupSet indexes word groups by their words in capitals.
func groupSet(groups ...string) [][]string {
	set := make([][]string, len(groups))
	for i, g := range groups {
		set[i] = strings.Fields(strings.ToUpper(g))
	}
	return set
}

// Costs of a break between two words, so that the best set of breaks is
// the one with the smallest sum.
const (
	costInsideGroup = 1000 // inside a word group: "THƯƠNG / BINH"
	costLineStart   = 500  // a line that starts with a dash or a comma
	costLoneWord    = 200  // a last line of one word
	costAfterAnd    = 80   // a line that ends with "VÀ" or "CỦA"
	costAfterDash   = 40   // a line that ends with the dash of "LAO ĐỘNG - THƯƠNG BINH"
	costPlainBreak  = 10   // between two word groups
	costBeforeAnd   = 0    // before "VÀ": where a văn thư breaks first
	costImbalance   = 50   // per text width of difference between lines
)

// maxPhraseWords bounds the words whose every split is tried; longer texts
// wrap the plain way.
const maxPhraseWords = 24

// phraseLines breaks text into as few lines of at most width as it can,
// choosing among the ways to do so the one that keeps word groups whole,
// leaves no word alone on the last line and makes the lines most even.
func (l *layout) phraseLines(text string, s textStyle, width float64) []string {
	lines, _ := l.phraseSplit(text, s, width)
	return lines
}

// phraseSplit is phraseLines that also tells what its breaks cost: the
// header compares column widths by it.
func (l *layout) phraseSplit(text string, s textStyle, width float64) ([]string, float64) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil, 0
	}
	if text = strings.TrimSpace(text); !strings.Contains(text, "\n") && l.textWidth(text, s) <= width {
		return []string{text}, 0 // as written: the blanks of a draft's number and date stay
	}
	if len(words) > maxPhraseWords || l.textWidth(strings.Join(words, " "), s) <= width {
		lines := l.balancedWrap(text, s, width)
		return lines, float64(len(lines)-1) * costPlainBreak
	}
	widths := make([]float64, len(words))
	for i, w := range words {
		if widths[i] = l.textWidth(w, s); widths[i] > width {
			// A word wider than the column must be cut.
			return l.balancedWrap(text, s, width), costInsideGroup * 10
		}
	}
	space := l.textWidth(" ", s)
	gapCosts := breakCosts(words)
	n := len(l.wrap(text, s, width, width))
	best, cost := bestSplit(n, widths, gapCosts, space, width)
	if cost >= costInsideGroup && n < len(words) {
		// One line more is better than a word group cut in two.
		if more, moreCost := bestSplit(n+1, widths, gapCosts, space, width); more != nil && moreCost < costInsideGroup {
			best, cost = more, moreCost
		}
	}
	if best == nil {
		lines := l.balancedWrap(text, s, width)
		return lines, costInsideGroup * float64(len(lines))
	}
	return joinAt(words, best), cost
}

// bestSplit returns the cheapest way to cut the words into n lines that
// fit, and its cost; nil when none fits.
func bestSplit(n int, widths, gapCosts []float64, space, width float64) ([]int, float64) {
	var best []int
	bestCost := 0.0
	forEachSplit(len(widths), n, func(breaks []int) {
		cost, ok := splitCost(breaks, widths, gapCosts, space, width)
		if ok && (best == nil || cost < bestCost) {
			best, bestCost = append(best[:0], breaks...), cost
		}
	})
	return best, bestCost
}

// breakCosts returns, for each gap after word i, what breaking there costs.
func breakCosts(words []string) []float64 {
	upper := make([]string, len(words))
	for i, w := range words {
		upper[i] = strings.ToUpper(w)
	}
	costs := make([]float64, len(words)-1)
	for i := range costs {
		costs[i] = gapCost(upper[i], upper[i+1])
	}
	for _, group := range wordGroups {
		for start := 0; start+len(group) <= len(upper); start++ {
			if slices.Equal(upper[start:start+len(group)], group) {
				for gap := start; gap < start+len(group)-1; gap++ {
					costs[gap] = max(costs[gap], costInsideGroup)
				}
			}
		}
	}
	return costs
}

// gapCost is what breaking between two words, in capitals, costs when
// neither word group nor lexicon says more.
func gapCost(this, next string) float64 {
	switch {
	case next == "-" || next == "–" || strings.HasPrefix(next, ","):
		return costLineStart
	case isAuthority(this):
		return costInsideGroup
	case this == "VÀ" || this == "CỦA":
		return costAfterAnd
	case this == "-" || this == "–":
		return costAfterDash
	case next == "VÀ":
		return costBeforeAnd
	}
	return costPlainBreak
}

// forEachSplit calls fn with every way to cut words 0..count-1 into lines
// lines: breaks[k] is the index of the first word of line k+1.
func forEachSplit(count, lines int, fn func(breaks []int)) {
	breaks := make([]int, lines-1)
	var place func(k, from int)
	place = func(k, from int) {
		if k == len(breaks) {
			fn(breaks)
			return
		}
		for b := from; b <= count-(len(breaks)-k); b++ {
			breaks[k] = b
			place(k+1, b+1)
		}
	}
	place(0, 1)
}

// splitCost returns the cost of breaking before each word in breaks, and
// whether every line then fits in width.
func splitCost(breaks []int, widths, gapCosts []float64, space, width float64) (float64, bool) {
	cost := 0.0
	narrowest, widest := width, 0.0
	start := 0
	for k := 0; k <= len(breaks); k++ {
		end := len(widths)
		if k < len(breaks) {
			end = breaks[k]
			cost += gapCosts[end-1]
		}
		w := float64(end-start-1) * space
		for _, ww := range widths[start:end] {
			w += ww
		}
		if w > width+0.001 {
			return 0, false
		}
		narrowest, widest = min(narrowest, w), max(widest, w)
		if k == len(breaks) && end-start == 1 && len(breaks) > 0 {
			cost += costLoneWord
		}
		start = end
	}
	return cost + costImbalance*(widest-narrowest)/width, true
}

// joinAt joins words into lines, breaking before each index in breaks.
func joinAt(words []string, breaks []int) []string {
	lines := make([]string, 0, len(breaks)+1)
	start := 0
	for _, b := range append(append([]int(nil), breaks...), len(words)) {
		lines = append(lines, strings.Join(words[start:b], " "))
		start = b
	}
	return lines
}

// isAuthority reports whether a word is a signing authority prefix, "KT.",
// which stays on the line of the word after it.
func isAuthority(word string) bool {
	for _, a := range store.Authorities[1:] {
		if word == string(a) {
			return true
		}
	}
	return false
}

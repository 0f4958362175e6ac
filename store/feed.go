package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Feed is a share computed from the figures that a target's actual can
// come from: the target "tỷ lệ hồ sơ giải quyết trực tuyến ≥ 70%" is fed
// by FeedOnlineShare. How each is computed lives with the figures
// (package reporting).
type Feed string

// The feeds.
const (
	FeedNone           Feed = ""
	FeedOnlineShare    Feed = "online-share"
	FeedOnTimeShare    Feed = "on-time-share"
	FeedEarlyShare     Feed = "early-share"
	FeedOnlinePayment  Feed = "online-payment"
	FeedSatisfaction   Feed = "satisfaction"
	FeedDigitalSigning Feed = "digital-signing"
)

// feedNames are the feeds a target may name, with what each computes.
var feedNames = []struct {
	feed Feed
	name string
}{
	{FeedOnlineShare, "tỷ lệ hồ sơ giải quyết trực tuyến"},
	{FeedOnTimeShare, "tỷ lệ hồ sơ giải quyết đúng hạn (kể cả trước hạn)"},
	{FeedEarlyShare, "tỷ lệ hồ sơ giải quyết trước hạn"},
	{FeedOnlinePayment, "tỷ lệ giao dịch thanh toán trực tuyến"},
	{FeedSatisfaction, "mức độ hài lòng của người dân, tổ chức"},
	{FeedDigitalSigning, "tỷ lệ văn bản được ký số"},
}

// Feeds lists the feeds a target may name.
func Feeds() []Feed {
	out := make([]Feed, len(feedNames))
	for i, d := range feedNames {
		out[i] = d.feed
	}
	return out
}

// Name returns what the feed computes, "tỷ lệ hồ sơ giải quyết trực
// tuyến"; "" for none or an unknown feed.
func (feed Feed) Name() string {
	for _, d := range feedNames {
		if d.feed == feed {
			return d.name
		}
	}
	return ""
}

func feedList() string {
	names := make([]string, len(feedNames))
	for i, d := range feedNames {
		names[i] = string(d.feed)
	}
	return strings.Join(names, ", ")
}

// ParseFeed reads a feed by its name; "", "none" and "không" mean none.
func ParseFeed(text string) (Feed, error) {
	clean := strings.ToLower(strings.TrimSpace(text))
	switch clean {
	case "", "none", "không", "khong":
		return FeedNone, nil
	}
	if Feed(clean).Name() != "" {
		return Feed(clean), nil
	}
	return "", fmt.Errorf("%w: không có số liệu thống kê %q để tính chỉ tiêu; dùng %s hoặc none", ErrInvalid, text, feedList())
}

// SuggestFeed guesses, from a target's words, the figure it is measured
// by: "tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến ... trên tổng
// số hồ sơ" is FeedOnlineShare. Targets it cannot place get FeedNone; the
// officer sets or clears a feed afterwards.
func SuggestFeed(indicator string) Feed {
	text := Fold(indicator)
	has := func(words ...string) bool {
		for _, w := range words {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	}
	switch {
	case has("hai long"):
		return FeedSatisfaction
	case has("thanh toan truc tuyen", "giao dich"):
		return FeedOnlinePayment
	case has("giai quyet", "truoc thoi han"):
		return FeedEarlyShare
	case has("giai quyet dung han"):
		return FeedOnTimeShare
	case has("ho so", "truc tuyen", "tong so ho so"):
		return FeedOnlineShare
	case has("van ban", "ky so"):
		return FeedDigitalSigning
	}
	return FeedNone
}

// FormatNumber writes a number the Vietnamese way, with a decimal comma
// and at most two decimals: "95", "66,67".
func FormatNumber(v float64) string {
	text := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	return strings.Replace(text, ".", ",", 1)
}

// ParseNumber reads a number written either way, "66,67" or "66.67", with
// an optional "%" after it.
func ParseNumber(text string) (float64, error) {
	clean := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	v, err := strconv.ParseFloat(strings.Replace(clean, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%w: %q không phải một số", ErrInvalid, text)
	}
	return v, nil
}

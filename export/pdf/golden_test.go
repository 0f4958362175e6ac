package pdf

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Golden renders: page 1 of the plan and the first page of its appendix,
// rasterised at 50 dpi by pdftoppm and held against the masters in
// testdata/pdf. A layout change that moves more than 0.5% of the pixels
// fails. After a deliberate change, look at the new pictures, then write
// them as masters with CCHC_UPDATE_GOLDEN=1 go test ./export -run Golden.

// goldenDPI is the resolution of the golden renders.
const goldenDPI = 50

// maxDifferingPixels is the share of pixels that may differ from a master.
const maxDifferingPixels = 0.005

// pixelTolerance is how far a grey level may move before its pixel counts
// as different: antialiasing shifts a little between poppler versions.
const pixelTolerance = 48

func TestGoldenRenders(t *testing.T) {
	path, result := writePDF(t, seedPlanDocument(t), testOptions(WithAppendix))
	planPages := 0
	for _, size := range pageSizes(t, path) {
		if size.portraitA4() {
			planPages++
		}
	}
	for _, c := range []struct {
		name string
		page int
	}{
		{"plan-page1.png", 1},
		{"appendix-page1.png", planPages + 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.page > result.Pages {
				t.Fatalf("page %d of %d", c.page, result.Pages)
			}
			got := renderPage(t, path, c.page)
			master := filepath.Join("testdata", "pdf", c.name)
			if os.Getenv("CCHC_UPDATE_GOLDEN") != "" {
				writePNG(t, master, got)
				return
			}
			want := readPNG(t, master)
			share, err := differingPixels(got, want)
			if err != nil || share > maxDifferingPixels {
				failed := filepath.Join(t.TempDir(), c.name)
				writePNG(t, failed, got)
				t.Errorf("page %d differs from %s: %v, %.2f%% of pixels (the new render is %s)", c.page, master, err, 100*share, failed)
			}
		})
	}
}

// renderPage rasterises one page in grey at the golden resolution.
func renderPage(t *testing.T, path string, page int) image.Image {
	t.Helper()
	n := strconv.Itoa(page)
	prefix := filepath.Join(t.TempDir(), "page")
	cmd := exec.Command("pdftoppm", "-png", "-gray", "-r", strconv.Itoa(goldenDPI), "-f", n, "-l", n, "-singlefile", path, prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s (install poppler-utils)", err, out)
	}
	return readPNG(t, prefix+".png")
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v: write the masters with CCHC_UPDATE_GOLDEN=1", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// differingPixels returns the share of pixels whose grey levels differ by
// more than the tolerance.
func differingPixels(got, want image.Image) (float64, error) {
	if got.Bounds() != want.Bounds() {
		return 1, fmt.Errorf("size %v, master %v", got.Bounds().Size(), want.Bounds().Size())
	}
	b := got.Bounds()
	differ := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if greyDistance(got.At(x, y), want.At(x, y)) > pixelTolerance {
				differ++
			}
		}
	}
	return float64(differ) / float64(b.Dx()*b.Dy()), nil
}

// greyDistance compares two pixels by their grey level, 0 to 255.
func greyDistance(a, b color.Color) int {
	grey := func(c color.Color) int {
		r, g, bl, _ := c.RGBA()
		return int((299*r + 587*g + 114*bl) / 1000 >> 8)
	}
	d := grey(a) - grey(b)
	if d < 0 {
		d = -d
	}
	return d
}

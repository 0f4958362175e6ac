// Command guide turns the Markdown user guide into one HTML file that a
// Windows officer opens with a double click: the screenshots are embedded as
// data URIs, so the page needs nothing beside it.
//
//	go run ./.ci/windows/guide docs/huong-dan-su-dung.md OUT.html
package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: guide GUIDE.md OUT.html")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "guide:", err)
		os.Exit(1)
	}
}

// convert writes the HTML page for the Markdown file at mdPath to outPath.
func convert(mdPath, outPath string) error {
	source, err := os.ReadFile(mdPath)
	if err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	doc := md.Parser().Parse(text.NewReader(source))
	if err := embedImages(doc, filepath.Dir(mdPath)); err != nil {
		return err
	}
	var body bytes.Buffer
	if err := md.Renderer().Render(&body, source, doc); err != nil {
		return err
	}
	page := fmt.Sprintf(pageTemplate, html.EscapeString(title(doc, source)), body.String())
	return os.WriteFile(outPath, []byte(page), 0o644)
}

// embedImages replaces each local image's address with a data URI of the
// file, read relative to dir.
func embedImages(doc ast.Node, dir string) error {
	return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok || strings.Contains(string(img.Destination), "://") {
			return ast.WalkContinue, nil
		}
		uri, err := dataURI(filepath.Join(dir, filepath.FromSlash(string(img.Destination))))
		if err != nil {
			return ast.WalkStop, err
		}
		img.Destination = []byte(uri)
		return ast.WalkContinue, nil
	})
}

// dataURI is the file at path as a base64 data URI.
func dataURI(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	kind := mime.TypeByExtension(filepath.Ext(path))
	if kind == "" {
		return "", fmt.Errorf("%s: unknown image type", path)
	}
	return "data:" + kind + ";base64," + base64.StdEncoding.EncodeToString(data), nil
}

// title is the text of the first level-1 heading.
func title(doc ast.Node, source []byte) string {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			var t strings.Builder
			for _, line := range h.Lines().Sliced(0, h.Lines().Len()) {
				t.Write(line.Value(source))
			}
			return t.String()
		}
	}
	return "Hướng dẫn sử dụng"
}

const pageTemplate = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 16px; line-height: 1.5;
       max-width: 960px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { color: #b71c1c; } h2 { color: #b71c1c; border-bottom: 1px solid #ddd; margin-top: 2em; }
img { max-width: 100%%; border: 1px solid #ccc; box-shadow: 0 1px 4px #0002; }
code { background: #f3f3f3; padding: 0 .3em; border-radius: 3px; }
pre { background: #f3f3f3; padding: .8em; overflow-x: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3em .6em; }
</style>
</head>
<body>
%s</body>
</html>
`

// Command prep writes, untimed, what the floors of make bench read: the
// cells of a plan's appendix table and of its year report's task-progress
// table as tab-separated text, and the same plan as a Word table of tasks
// for the import from docx; and the cells of a sheet of our own workbook.
//
//	prep DATA.db OUTDIR               appendix.tsv, report.tsv, plan.docx
//	prep sheet BOOK.xlsx SHEET OUT.tsv
package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/db"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 5 && os.Args[1] == "sheet":
		err = sheetCells(os.Args[2], os.Args[3], os.Args[4])
	case len(os.Args) == 3:
		err = run(os.Args[1], os.Args[2])
	default:
		fmt.Fprintln(os.Stderr, "usage: prep DATA.db OUTDIR | prep sheet BOOK.xlsx SHEET OUT.tsv")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "prep:", err)
		os.Exit(1)
	}
}

func run(dataPath, outDir string) error {
	st, err := db.OpenReadOnly(dataPath)
	if err != nil {
		return err
	}
	defer st.Close()
	plans, err := st.Plans()
	if err != nil || len(plans) == 0 {
		return fmt.Errorf("no plan in %s: %v", dataPath, err)
	}
	b, err := st.Bundle(plans[0].ID)
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(outDir, "appendix.tsv"), func(w io.Writer) error { return appendixCells(w, b) }); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(outDir, "plan.docx"), func(w io.Writer) error { return planDocx(w, b) }); err != nil {
		return err
	}
	r, err := st.LatestReport(b.Plan.ID, store.Period{Kind: store.PeriodYear, Year: b.Plan.Year})
	if err != nil {
		return fmt.Errorf("the year report (print it once first): %w", err)
	}
	tables, err := export.ReportTables(st, r)
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(outDir, "report.tsv"), func(w io.Writer) error {
		for _, a := range tables.Areas {
			if a.Name != "" {
				writeRow(w, a.Numeral, a.Name)
			}
			for _, t := range a.Tasks {
				writeRow(w, t.Ordinal, t.Content, t.Lead, t.Timeline, t.ResultWithReason(), t.Evidence, t.StatusText())
			}
		}
		return nil
	})
}

// sheetCells writes the cells of one sheet of a workbook, row by row.
func sheetCells(book, sheet, out string) error {
	f, err := excelize.OpenFile(book)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	return writeFile(out, func(w io.Writer) error {
		for rows.Next() {
			cells, err := rows.Columns()
			if err != nil {
				return err
			}
			writeRow(w, cells...)
		}
		return rows.Error()
	})
}

// appendixCells writes the appendix table: a row of two cells for each
// area, of six for each task.
func appendixCells(w io.Writer, b store.Bundle) error {
	for _, a := range b.Areas {
		writeRow(w, a.Numeral, a.Name)
		for _, t := range a.Tasks {
			writeRow(w, t.Ordinal, t.Content, t.Product, t.Lead, strings.Join(t.Coordinating, "\n"), t.Timeline.Text)
		}
	}
	return nil
}

// writeRow writes cells separated by tabs, a line break inside a cell as
// \n.
func writeRow(w io.Writer, cells ...string) {
	for i, c := range cells {
		if i > 0 {
			io.WriteString(w, "\t")
		}
		io.WriteString(w, strings.NewReplacer("\t", " ", "\n", `\n`).Replace(c))
	}
	io.WriteString(w, "\n")
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// planDocx writes the plan's task table as the only content of a Word
// document: the header row, a row for each area, one for each task.
func planDocx(w io.Writer, b store.Bundle) error {
	z := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
	}
	for _, p := range parts {
		pw, err := z.Create(p.name)
		if err != nil {
			return err
		}
		io.WriteString(pw, p.body)
	}
	dw, err := z.Create("word/document.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(dw)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>`)
	wordRow(bw, 1, store.DefaultColumns[:]...)
	for _, a := range b.Areas {
		wordRow(bw, 5, a.Numeral, a.Name)
		for _, t := range a.Tasks {
			wordRow(bw, 1, t.Ordinal, t.Content, t.Product, t.Lead, store.JoinUnits(t.Coordinating), t.Timeline.Text)
		}
	}
	bw.WriteString(`</w:tbl><w:p/></w:body></w:document>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return z.Close()
}

// wordRow writes a table row; with span > 1 its last cell spans that many
// columns.
func wordRow(w *bufio.Writer, span int, cells ...string) {
	w.WriteString("<w:tr>")
	for i, c := range cells {
		w.WriteString("<w:tc>")
		if span > 1 && i == len(cells)-1 {
			fmt.Fprintf(w, `<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>`, span)
		}
		for _, line := range strings.Split(c, "\n") {
			fmt.Fprintf(w, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, html.EscapeString(line))
		}
		w.WriteString("</w:tc>")
	}
	w.WriteString("</w:tr>")
}

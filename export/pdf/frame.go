package pdf

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/store"
)

// Document is an administrative document as Decree 30/2020, Appendix I
// lays it out: the header (agency, Quốc hiệu, number, place and date), the
// title and trích yếu, an optional Kính gửi, the body, the closing lines,
// Nơi nhận beside the signer, and appendices on pages of their own. A new
// document type is one file that fills a Document; the frame does the rest.
type Document struct {
	// Agency holds the parent agency, the agency and the place, as the
	// document was issued under them.
	Agency store.Agency
	// Number is the number line, "Số: 122/KH-SKH".
	Number string
	// DateLine is the place and date, "Tuyên Quang, ngày 28 tháng 01 năm
	// 2023"; a draft leaves the day and month blank to be written by hand.
	DateLine string
	// Type is the document's type as its title prints it, "KẾ HOẠCH".
	Type string
	// Summary is the trích yếu under the type.
	Summary string
	// Recipients are the Kính gửi lines of a document sent upward; a plan
	// has none.
	Recipients []string
	// Lead are the paragraphs before the first heading: the legal basis
	// and the introduction.
	Lead []string
	// Sections are the headed parts of the body.
	Sections []store.Section
	// Closing are the paragraphs after the last section; the last one stays
	// on the page of the signature.
	Closing []string
	// Distribution is the Nơi nhận list, one recipient a line.
	Distribution []string
	Signer       store.Signer
	// Appendices follow the document on pages of their own.
	Appendices []Appendix
	// AppendicesOnly prints the appendices without the document: an
	// appendix sent as a file of its own.
	AppendicesOnly bool
	// Meta fills the PDF's document information.
	Meta Meta
}

// Meta is what a PDF says of itself in its document information.
type Meta struct {
	Title, Subject string
	Keywords       []string
}

// Appendix is a part printed after the document, numbered on its own from
// its first page: its heading lines in bold capitals, the italic line that
// ties it to the document, then whatever Draw lays out.
type Appendix struct {
	// Heading are the bold lines on top, "PHỤ LỤC I", "BIỂU KẾ HOẠCH CHI TIẾT".
	Heading []string
	// Note is the italic line under them, "(Kèm theo Kế hoạch số ...)".
	Note string
	// Landscape sets the part on landscape pages, for a wide table.
	Landscape bool
	// Draw lays out the part's content from the cursor; report is told the
	// fraction of the part done.
	Draw func(ctx context.Context, l *layout, report func(float64)) error
}

// Options are the choices every document shares; the zero value prints with
// the default margins in the document font.
type Options struct {
	// Margins are the page margins; zero means store.DefaultMargins.
	Margins store.Margins
	// Font is the typeface; nil means fonts.DocumentFont().
	Font *fonts.FontFamily
	// Creator names the program in the PDF's metadata; "" means DefaultCreator.
	Creator string
	// Created is the creation time in the metadata; zero means now.
	Created time.Time
	// Progress, when set, is told how far the export has got, from 0 to 1.
	Progress func(fraction float64)
}

// Warning is something the officer should know about a document that was
// written all the same.
type Warning string

// WarningNoSignerName: the signer block was printed without a name.
const WarningNoSignerName Warning = "chưa có họ tên người ký: khối chữ ký được in không có dòng họ tên; " +
	"hãy nhập họ tên người ký rồi xuất lại"

// Result tells what a document export wrote.
type Result struct {
	// Pages is the number of pages in the file.
	Pages int
	// Warnings are things the officer should check before signing.
	Warnings []Warning
}

// DefaultCreator is the program name the PDF metadata gives.
const DefaultCreator = "Kế hoạch CCHC"

// layoutShare is the part of an export's time spent laying the pages out;
// the rest goes to compressing and writing them.
const layoutShare = 0.6

// Write lays doc out and writes it as a PDF. It stops with ctx.Err() when
// ctx is cancelled. A signer with no name is printed without the name line,
// with a warning in the result: a name is never made up.
func Write(ctx context.Context, w io.Writer, doc Document, opts Options) (Result, error) {
	font := fontOf(opts)
	opts.Font = &font // read the system's fonts once
	l, result, err := render(ctx, doc, opts)
	if err != nil {
		return Result{}, err
	}
	renamer := newFontRenamer(w, font)
	if err := l.pdf.Output(renamer); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	if err := renamer.Flush(); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	if opts.Progress != nil {
		opts.Progress(1)
	}
	return result, nil
}

// fontOf returns the font the options ask for.
func fontOf(opts Options) fonts.FontFamily {
	if opts.Font != nil {
		return *opts.Font
	}
	return fonts.DocumentFont()
}

// render lays the document out in memory.
func render(ctx context.Context, doc Document, opts Options) (*layout, Result, error) {
	margins := opts.Margins.OrDefault()
	if err := margins.Validate(); err != nil {
		return nil, Result{}, err
	}
	font := fontOf(opts)
	for style, file := range font.Files {
		if err := fonts.CheckTrueType(file); err != nil {
			return nil, Result{}, fmt.Errorf("font %s, style %d: %w", font.Name, style, err)
		}
	}
	l := newLayout(font, margins)
	setMetadata(l, doc, opts)
	report := func(float64) {}
	if opts.Progress != nil {
		report = opts.Progress
	}
	var result Result
	if !doc.AppendicesOnly {
		result.Warnings = writeMain(l, doc)
	}
	report(layoutShare / 10)
	for i, a := range doc.Appendices {
		share := func(f float64) {
			report(layoutShare * (0.1 + 0.9*(float64(i)+f)/float64(len(doc.Appendices))))
		}
		if err := writeAppendix(ctx, l, a, doc.AppendicesOnly && i == 0, share); err != nil {
			return nil, Result{}, err
		}
	}
	if err := l.err(); err != nil {
		return nil, Result{}, fmt.Errorf("lay out PDF: %w", err)
	}
	result.Pages = l.pdf.PageCount()
	report(layoutShare)
	return l, result, nil
}

// setMetadata fills the document information and language.
func setMetadata(l *layout, doc Document, opts Options) {
	creator := cmp.Or(opts.Creator, DefaultCreator)
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	l.pdf.SetTitle(doc.Meta.Title, true)
	l.pdf.SetSubject(doc.Meta.Subject, true)
	l.pdf.SetAuthor(doc.Agency.Name, true)
	l.pdf.SetCreator(creator, true)
	l.pdf.SetProducer(creator, true)
	l.pdf.SetKeywords(strings.Join(doc.Meta.Keywords, "; "), true)
	l.pdf.SetLang("vi-VN")
	l.pdf.SetCreationDate(created)
	l.pdf.SetModificationDate(created)
}

// writeMain lays out the document itself on new portrait pages and returns
// the warnings the officer should see.
func writeMain(l *layout, doc Document) []Warning {
	l.startPart(pagePortrait)
	f := frameWriter{l: l, doc: doc}
	f.header()
	f.title()
	f.recipients()
	f.body()
	f.signature()
	if strings.TrimSpace(doc.Signer.Name) == "" {
		return []Warning{WarningNoSignerName}
	}
	return nil
}

// frameWriter lays out one document on l.
type frameWriter struct {
	l   *layout
	doc Document
}

// title draws the document type and the trích yếu, centred, with the short
// rule under them.
func (f frameWriter) title() {
	l := f.l
	c := column{x: l.page.left(), w: l.page.contentWidth()}
	y, _ := l.centredLines("type", c, l.y+10, f.doc.Type, titleStyle)
	y, widest := l.centredLines("summary", c, y, f.doc.Summary, titleStyle)
	y += ruleGap
	l.rule(c.centre(), y, shortRule*widest)
	l.y = y + 8
}

// recipients draws "Kính gửi:" with the recipients after it, one a line,
// the lines after the first aligned under the first recipient; a single
// recipient stands on the line of the label, centred as Decree 30 shows.
func (f frameWriter) recipients() {
	l := f.l
	names := f.doc.Recipients
	if len(names) == 0 {
		return
	}
	label := "Kính gửi:"
	labelWidth := l.textWidth(label+" ", bodyStyle)
	if len(names) == 1 {
		text := label + " " + names[0]
		c := column{x: l.page.left(), w: l.page.contentWidth()}
		l.y, _ = l.centredLines("recipients", c, l.y, text, bodyStyle)
		l.y += paragraphGap
		return
	}
	x := l.page.left() + firstLineIndent*2
	l.drawText(x, l.y, labelWidth, label, bodyStyle, "L")
	l.record("recipients", x, l.y, labelWidth, bodyStyle.lineHeight())
	for _, name := range names {
		text := "- " + strings.TrimPrefix(strings.TrimSpace(name), "- ")
		for _, ln := range l.wrapItems(text, bodyStyle, l.page.right()-x-labelWidth) {
			l.room(bodyStyle.lineHeight())
			l.drawText(x+labelWidth+ln.indent, l.y, l.page.right()-x-labelWidth-ln.indent, ln.text, bodyStyle, "L")
			l.record("recipients", x+labelWidth, l.y, l.textWidth(ln.text, bodyStyle), bodyStyle.lineHeight())
			l.y += bodyStyle.lineHeight()
		}
	}
	l.y += paragraphGap
}

// body sets the lead paragraphs, the sections and the closing lines. The
// last closing paragraph is kept on the page of the signature.
func (f frameWriter) body() {
	for _, text := range f.doc.Lead {
		f.l.paragraph(text, bodyParagraph)
	}
	for _, s := range f.doc.Sections {
		f.section(s)
	}
	closing := f.doc.Closing
	for i, text := range closing {
		if i == len(closing)-1 {
			f.l.room(f.l.paragraphHeight(text, bodyParagraph) + f.signatureHeight())
		}
		f.l.paragraph(text, bodyParagraph)
	}
}

// section sets a heading and its paragraphs. A heading is never the last
// line of a page: it goes with the first two lines under it.
func (f frameWriter) section(s store.Section) {
	style := headingStyleOf(s.Level)
	heading := s.Heading()
	if s.Level == 1 {
		heading = strings.ToUpper(heading)
	}
	f.l.room(f.l.paragraphHeight(heading, style) + 2*bodyStyle.lineHeight())
	f.l.paragraph(heading, style)
	for _, text := range s.Paragraphs {
		f.l.paragraph(text, bodyParagraph)
	}
}

// headingStyleOf returns the style of a heading level: "I. ..." and "1. ..."
// bold, "a) ..." upright.
func headingStyleOf(level int) paragraphStyle {
	if level >= 3 {
		return minorHeading
	}
	return headingPara
}

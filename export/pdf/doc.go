// Package pdf prints Decree 30/2020 documents with fpdf. Document is the
// frame every document shares (header block, number and date, title and
// trích yếu, optional Kính gửi, body sections, Nơi nhận, signer, page
// numbers, landscape appendices), laid out by the rules a careful văn thư
// follows; Write prints one. Each document type is one file that fills a
// Document: plan.go the annual plan, report.go the periodic report.
package pdf

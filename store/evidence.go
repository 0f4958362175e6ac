package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// Evidence is a document behind a reported result (tài liệu kiểm chứng):
// usually an issued text known by its number, date and trích yếu, and
// sometimes a copy of the file itself.
type Evidence struct {
	ID     uint64 `json:"id"`
	PlanID uint64 `json:"planId"`
	TaskID uint64 `json:"taskId"`
	// Ref is the document's số, ký hiệu: "15/KH-TTr".
	Ref string `json:"ref,omitempty"`
	// Date is the document's date.
	Date Date `json:"date,omitzero"`
	// Title is the trích yếu.
	Title string `json:"title"`
	// Issuer is the issuing body.
	Issuer string `json:"issuer,omitempty"`
	// File is the stored copy's name in the evidence folder beside the
	// database, "<sha256>.pdf"; empty when there is none.
	File string `json:"file,omitempty"`
	// FileName is the name the file had when it was added.
	FileName string `json:"fileName,omitempty"`
	// Added is when the record was entered.
	Added time.Time `json:"added"`
}

// EvidenceFolder is the folder beside the database that holds the copies
// of evidence files.
const EvidenceFolder = "evidence"

// EvidenceLine writes one evidence document as a line of a tracking sheet:
// its title, then its reference and date in brackets when it has them,
// "Kế hoạch kiểm tra (15/KH-TTr ngày 10/03/2023)".
func EvidenceLine(e Evidence) string {
	ref := e.Ref
	if !e.Date.IsZero() {
		ref = strings.TrimSpace(ref + " ngày " + e.Date.String())
	}
	if ref == "" {
		return e.Title
	}
	return e.Title + " (" + ref + ")"
}

// Validate reports the first field that keeps the evidence from being saved.
func (e Evidence) Validate() error {
	if strings.TrimSpace(e.Title) == "" && strings.TrimSpace(e.Ref) == "" {
		return fmt.Errorf("%w: tài liệu kiểm chứng cần trích yếu hoặc số, ký hiệu", ErrInvalid)
	}
	if !e.Date.IsZero() && !ValidYear(e.Date.Year) {
		return fmt.Errorf("%w: ngày của tài liệu kiểm chứng %s không hợp lệ", ErrInvalid, e.Date)
	}
	return nil
}

// EvidenceFileName is the stored name of a file with the given content hash:
// the hash and the original extension in lower case, which Windows opens
// the file by.
func EvidenceFileName(hash, original string) string {
	return hash + strings.ToLower(filepath.Ext(original))
}

// RecordTaskIDs and SetRecordID give the ids the store keys an evidence record by.
func (e *Evidence) RecordTaskIDs() (uint64, uint64, uint64) { return e.PlanID, e.TaskID, e.ID }
func (e *Evidence) SetRecordID(id uint64)                   { e.ID = id }

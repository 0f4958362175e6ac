package db

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/reporting"

	bolt "go.etcd.io/bbolt"
)

// Reports returns every report of a plan, every version, ordered by period
// as the year runs and then by version.
func (s *Store) Reports(planID uint64) ([]reporting.Report, error) {
	return viewing(s, func(tx *bolt.Tx) ([]reporting.Report, error) {
		if _, err := readPlan(tx, planID); err != nil {
			return nil, err
		}
		return readReports(tx, planID)
	})
}

// viewing runs read in a read-only transaction and returns what it read.
func viewing[T any](s *Store, read func(tx *bolt.Tx) (T, error)) (T, error) {
	var out T
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		out, err = read(tx)
		return err
	})
	return out, err
}

func readReports(tx *bolt.Tx, planID uint64) ([]reporting.Report, error) {
	reports, err := datafile.ListChildren[reporting.Report](tx, datafile.BucketReports, planID)
	slices.SortStableFunc(reports, func(a, b reporting.Report) int {
		if c := reporting.PeriodOrder(a.Period, b.Period); c != 0 {
			return c
		}
		return a.Version - b.Version
	})
	return reports, err
}

// Report returns one report of a plan.
func (s *Store) Report(planID, id uint64) (reporting.Report, error) {
	return viewing(s, func(tx *bolt.Tx) (reporting.Report, error) { return readReport(tx, planID, id) })
}

func readReport(tx *bolt.Tx, planID, id uint64) (reporting.Report, error) {
	var r reporting.Report
	err := datafile.GetJSON(tx.Bucket(datafile.BucketReports), datafile.ChildKey(planID, id), &r)
	return r, wrapRecord("báo cáo", id, err)
}

// LatestReport returns the latest version of a plan's report for a period,
// or ErrNotFound when there is none.
func (s *Store) LatestReport(planID uint64, p store.Period) (reporting.Report, error) {
	return viewing(s, func(tx *bolt.Tx) (reporting.Report, error) { return latestReport(tx, planID, p) })
}

func latestReport(tx *bolt.Tx, planID uint64, p store.Period) (reporting.Report, error) {
	reports, err := readReports(tx, planID)
	if err != nil {
		return reporting.Report{}, err
	}
	for i := len(reports) - 1; i >= 0; i-- {
		if reports[i].Period == p {
			return reports[i], nil
		}
	}
	return reporting.Report{}, fmt.Errorf("báo cáo %s: %w", p.Name(), store.ErrNotFound)
}

// CreateReport stores the first report of its plan and period and gives it
// an id, as a draft, version 1. A period that has a report already is
// refused: its report is saved again (SaveReport) or redrafted.
func (s *Store) CreateReport(r *reporting.Report) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, r.PlanID); err != nil {
			return err
		}
		if _, err := latestReport(tx, r.PlanID, r.Period); err == nil {
			return fmt.Errorf("%w: đã có báo cáo %s; hãy sửa hoặc soạn lại báo cáo đó", store.ErrInvalid, r.Period.Name())
		}
		r.Status, r.Version, r.Replaces, r.SentAt, r.Saved = reporting.ReportDraft, 1, 0, time.Time{}, s.clock()
		return insertReport(tx, r)
	})
}

func insertReport(tx *bolt.Tx, r *reporting.Report) error {
	id, err := tx.Bucket(datafile.BucketReports).NextSequence()
	if err != nil {
		return fmt.Errorf("next report id: %w", err)
	}
	r.ID = id
	return putReport(tx, r)
}

// putReport stores a report, and its tables when it carries them.
func putReport(tx *bolt.Tx, r *reporting.Report) error {
	if r.Tables != nil {
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketReportTables), datafile.ChildKey(r.PlanID, r.ID), r.Tables); err != nil {
			return err
		}
	}
	return datafile.PutJSON(tx.Bucket(datafile.BucketReports), datafile.ChildKey(r.PlanID, r.ID), r)
}

// SaveReport saves the officer's changes to the latest version of a
// report and returns it as saved, with its tables when it carries them
// (else the tables stay as saved). A draft is overwritten; a report sent
// is frozen, so its changes make a new draft version that replaces it,
// without the number and date the sent one had, with the sent one's tables
// unless it carries its own. Its status changes only through
// MarkReportSent.
func (s *Store) SaveReport(r reporting.Report) (reporting.Report, error) {
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		stored, err := latestOf(tx, r)
		if err != nil {
			return err
		}
		r.Period, r.Saved = stored.Period, s.clock()
		if !stored.Sent() {
			r.Status, r.Version, r.Replaces, r.SentAt = stored.Status, stored.Version, stored.Replaces, stored.SentAt
			if err := r.Validate(); err != nil {
				return err
			}
			return putReport(tx, &r)
		}
		r.Status, r.Version, r.Replaces, r.SentAt = reporting.ReportDraft, stored.Version+1, stored.ID, time.Time{}
		r.Number, r.Date = "", store.Date{}
		if err := r.Validate(); err != nil {
			return err
		}
		if r.Tables == nil {
			if r.Tables, err = readReportTables(tx, stored.PlanID, stored.ID); err != nil {
				return err
			}
		}
		return insertReport(tx, &r)
	})
	if err != nil {
		return reporting.Report{}, err
	}
	return r, nil
}

// latestOf reads the stored report r is, refusing an earlier version.
func latestOf(tx *bolt.Tx, r reporting.Report) (reporting.Report, error) {
	stored, err := readReport(tx, r.PlanID, r.ID)
	if err != nil {
		return reporting.Report{}, err
	}
	latest, err := latestReport(tx, r.PlanID, stored.Period)
	if err != nil {
		return reporting.Report{}, err
	}
	if latest.ID != stored.ID {
		return reporting.Report{}, fmt.Errorf("%w: %s đã có bản %d mới hơn; chỉ sửa được bản mới nhất", store.ErrInvalid, stored.Label(), latest.Version)
	}
	return stored, nil
}

// Sending is what marking a report sent records: its number and date, and
// the tables of its appendices as they were sent (nil keeps those saved
// with its draft).
type Sending struct {
	Number string
	Date   store.Date
	Tables *reporting.ReportTables
}

// MarkReportSent records that the latest version of a report was sent
// (đã gửi) under its number and date, which it needs, and freezes it with
// the tables of its appendices. A number another sent report of the same
// year and symbol has is refused.
func (s *Store) MarkReportSent(planID, id uint64, sent Sending) (reporting.Report, error) {
	var r reporting.Report
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		var err error
		if r, err = latestOf(tx, reporting.Report{PlanID: planID, ID: id}); err != nil {
			return err
		}
		if r.Sent() {
			return fmt.Errorf("%w: %s đã gửi ngày %s", store.ErrInvalid, r.Label(), store.DateOf(r.SentAt))
		}
		r.Number, r.Date, r.Status, r.SentAt = strings.TrimSpace(sent.Number), sent.Date, reporting.ReportSent, s.clock()
		if err := r.Validate(); err != nil {
			return err
		}
		if err := checkReportNumberFree(tx, r); err != nil {
			return err
		}
		if sent.Tables != nil {
			if err := datafile.PutJSON(tx.Bucket(datafile.BucketReportTables), datafile.ChildKey(planID, id), sent.Tables); err != nil {
				return err
			}
		}
		return datafile.PutJSON(tx.Bucket(datafile.BucketReports), datafile.ChildKey(planID, id), &r)
	})
	if err != nil {
		return reporting.Report{}, err
	}
	return r, nil
}

// checkReportNumberFree refuses a number that another sent report of the
// same year and symbol carries.
func checkReportNumberFree(tx *bolt.Tx, r reporting.Report) error {
	plans, err := readPlans(tx)
	if err != nil {
		return err
	}
	for _, p := range plans {
		reports, err := datafile.ListChildren[reporting.Report](tx, datafile.BucketReports, p.ID)
		if err != nil {
			return err
		}
		for _, other := range reports {
			if other.ID != r.ID && other.Sent() && other.Date.Year == r.Date.Year &&
				other.Symbol == r.Symbol && store.SameNumber(other.Number, r.Number) {
				return fmt.Errorf("%w: số %s đã là số của %s", store.ErrInvalid, r.Ref(), other.Label())
			}
		}
	}
	return nil
}

// ReportTables returns the tables saved with a report: drafted with its
// text, and frozen with it when it was sent; false when it has none.
func (s *Store) ReportTables(planID, id uint64) (reporting.ReportTables, bool, error) {
	t, err := viewing(s, func(tx *bolt.Tx) (*reporting.ReportTables, error) { return readReportTables(tx, planID, id) })
	if err != nil || t == nil {
		return reporting.ReportTables{}, false, err
	}
	return *t, true, nil
}

// readReportTables reads a report's tables; nil when it has none.
func readReportTables(tx *bolt.Tx, planID, id uint64) (*reporting.ReportTables, error) {
	if tx.Bucket(datafile.BucketReportTables).Get(datafile.ChildKey(planID, id)) == nil {
		return nil, nil
	}
	var t reporting.ReportTables
	return &t, datafile.GetJSON(tx.Bucket(datafile.BucketReportTables), datafile.ChildKey(planID, id), &t)
}

// DeleteReport removes a draft report; a sent one is a record and stays.
func (s *Store) DeleteReport(planID, id uint64) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		r, err := readReport(tx, planID, id)
		if err != nil {
			return err
		}
		if r.Sent() {
			return fmt.Errorf("%w: %s đã gửi, không xoá được", store.ErrInvalid, r.Label())
		}
		if err := tx.Bucket(datafile.BucketReportTables).Delete(datafile.ChildKey(planID, id)); err != nil {
			return err
		}
		return tx.Bucket(datafile.BucketReports).Delete(datafile.ChildKey(planID, id))
	})
}

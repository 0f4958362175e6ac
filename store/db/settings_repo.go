package db

import (
	"errors"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// Settings returns the agency settings; a store that has none yet gives the
// zero Settings.
func (s *Store) Settings() (store.Settings, error) {
	var settings store.Settings
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		settings, err = readSettings(tx)
		return err
	})
	return settings, err
}

func readSettings(tx *bolt.Tx) (store.Settings, error) {
	var settings store.Settings
	err := datafile.GetJSON(tx.Bucket(datafile.BucketMeta), datafile.KeySettings, &settings)
	if errors.Is(err, store.ErrNotFound) {
		return store.Settings{}, nil
	}
	return settings, err
}

// SaveSettings validates and stores the agency settings. Existing plans keep
// their own copy of the agency lines and signer.
func (s *Store) SaveSettings(settings store.Settings) error {
	if err := settings.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		return datafile.PutJSON(tx.Bucket(datafile.BucketMeta), datafile.KeySettings, settings)
	})
}

// SetSignerName stores the signer's name in the settings and in every plan
// that has no name yet, in one transaction, and returns how many plans took it.
func (s *Store) SetSignerName(name string) (int, error) {
	updated := 0
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		settings, err := readSettings(tx)
		if err != nil {
			return err
		}
		settings.Signer.Name = name
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketMeta), datafile.KeySettings, settings); err != nil {
			return err
		}
		plans, err := readPlans(tx)
		if err != nil {
			return err
		}
		for _, p := range plans {
			if p.Signer.Name != "" {
				continue
			}
			p.Signer.Name = name
			if err := datafile.PutJSON(tx.Bucket(datafile.BucketPlans), datafile.Key8(p.ID), p); err != nil {
				return err
			}
			updated++
		}
		return nil
	})
	return updated, err
}

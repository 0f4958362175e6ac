package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"
)

// Settings returns the agency settings; a store that has none yet gives the
// zero Settings.
func (s *Store) Settings() (Settings, error) {
	var settings Settings
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		settings, err = readSettings(tx)
		return err
	})
	return settings, err
}

func readSettings(tx *bolt.Tx) (Settings, error) {
	var settings Settings
	err := GetJSON(tx.Bucket(BucketMeta), KeySettings, &settings)
	if errors.Is(err, ErrNotFound) {
		return Settings{}, nil
	}
	return settings, err
}

// SaveSettings validates and stores the agency settings. Existing plans keep
// their own copy of the agency lines and signer.
func (s *Store) SaveSettings(settings Settings) error {
	if err := settings.Validate(); err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		return PutJSON(tx.Bucket(BucketMeta), KeySettings, settings)
	})
}

// SetSignerName stores the signer's name in the settings and in every plan
// that has no name yet, in one transaction, and returns how many plans took it.
func (s *Store) SetSignerName(name string) (int, error) {
	updated := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		settings, err := readSettings(tx)
		if err != nil {
			return err
		}
		settings.Signer.Name = name
		if err := PutJSON(tx.Bucket(BucketMeta), KeySettings, settings); err != nil {
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
			if err := PutJSON(tx.Bucket(BucketPlans), Key8(p.ID), p); err != nil {
				return err
			}
			updated++
		}
		return nil
	})
	return updated, err
}

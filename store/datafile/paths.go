package datafile

import (
	"fmt"
	"os"
	"path/filepath"
)

// AppID is the application id: the Fyne app id and the name of the per-user
// data folder.
const AppID = "vn.kehoach.cchc"

// DBFileName is the database file's name inside the data folder.
const DBFileName = "cchc.db"

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "CCHC_DB"

// DataDir returns the per-user data folder shared by the window and the CLI:
// os.UserConfigDir() joined with AppID (%APPDATA%\vn.kehoach.cchc on Windows,
// ~/.config/vn.kehoach.cchc on Linux).
func DataDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("không xác định được thư mục dữ liệu của người dùng: %w", err)
	}
	return filepath.Join(base, AppID), nil
}

// DBPath returns the database file to open: flagValue (from --db) when set,
// else $CCHC_DB when set, else cchc.db in DataDir. Both programs call it, so
// they always agree.
func DBPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env, nil
	}
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, DBFileName), nil
}

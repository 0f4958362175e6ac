// Package storetest damages data files for the tests of the programs that
// use the store: the help they give for a damaged file is tested on real
// damage.
package storetest

import (
	"bytes"
	"os"
	"testing"

	"github.com/kehoach/cchc/store"
)

// pageSize is bbolt's page size on the machines the tests run on.
const pageSize = 4096

// Damage scrambles the element headers of one page of the data file at
// path, the first page past the meta pages whose damage opening it sees.
func Damage(t testing.TB, path string) {
	t.Helper()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for page := 2; (page+1)*pageSize <= len(good); page++ {
		data := bytes.Clone(good)
		for i := range 64 {
			data[page*pageSize+16+i] ^= 0x5a
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := store.OpenReadOnly(path)
		if err != nil {
			return
		}
		st.Close()
	}
	t.Fatal("no damaged page is seen")
}

// Package files writes files whole or not at all: to a temporary name
// beside the target, synced, then renamed over it, through symlinks, with
// stale temporaries of killed runs cleaned; and says in Vietnamese what
// went wrong with a file.
package files

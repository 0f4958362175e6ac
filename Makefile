# Kế hoạch CCHC. `make run` opens the window, `make test` runs the tests;
# both install the Debian packages they need when these are missing.

include .ci/packages.mk

GO       ?= go
BIN      := bin
export LANG := en_US.UTF-8

VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
REVISION := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS  := -X main.version=$(VERSION)+$(REVISION)

.PHONY: run test vet build build-cli windows bench screenshot clean

## run: build the window and open it on the default data file.
run: $(BIN)/cchc
	./$(BIN)/cchc

## test: vet and test everything with the race detector; Fyne's ci tag keeps
## GLFW's C code out, so no display or OpenGL headers are needed.
test:
	@.ci/apt-install $(PKGS_TEST)
	@if $(GO) list -deps -tags ci ./... | grep -q 'go-gl/glfw'; then \
		echo "GLFW is part of the ci build: the ci tag no longer keeps it out" >&2; exit 1; fi
	$(GO) vet -tags ci ./...
	CGO_ENABLED=1 $(GO) test -race -tags ci ./...

vet:
	$(GO) vet -tags ci ./...

## build: the window and the CLI for this machine, into bin/.
build: $(BIN)/cchc build-cli

$(BIN)/cchc: FORCE
	@.ci/apt-install $(PKGS_BUILD)
	CGO_ENABLED=1 $(GO) build -ldflags "$(LDFLAGS)" -o $@ ./cmd/cchc

build-cli:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/cchc-cli ./cmd/cchc-cli

## windows: cross-compile both programs for windows/amd64 with mingw-w64.
windows:
	@.ci/apt-install $(PKGS_WINDOWS)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -ldflags "$(LDFLAGS) -H=windowsgui" -o $(BIN)/windows/cchc.exe ./cmd/cchc
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
		$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/windows/cchc-cli.exe ./cmd/cchc-cli

## bench: the speed and memory benchmarks.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## screenshot: open the window under Xvfb on a fresh data file and save
## docs/screenshots/main.png.
screenshot: $(BIN)/cchc
	@.ci/apt-install $(PKGS_SCREENSHOT)
	.ci/screenshot $(BIN)/cchc docs/screenshots/main.png

clean:
	rm -rf $(BIN) dist

FORCE:

# Kế hoạch CCHC. `make run` opens the window, `make test` runs the tests;
# both install the Debian packages they need when these are missing.

include .ci/packages.mk

GO       ?= go
BIN      := bin

# The linters, built into bin/ at pinned versions for this machine.
STATICCHECK := $(BIN)/staticcheck
GOCYCLO     := $(BIN)/gocyclo
export LANG := en_US.UTF-8

VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
REVISION := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS  := -X main.version=$(VERSION)+$(REVISION)

.PHONY: run test lint vet fuzz kill-test build build-cli windows dist installer wine-smoke bench screenshots clean

## run: build the window and open it on the default data file.
run: $(BIN)/cchc
	./$(BIN)/cchc

## test: vet, staticcheck and gocyclo (no function over 15), then every test
## with the race detector; Fyne's ci tag keeps GLFW's C code out, so no
## display or OpenGL headers are needed.
test: lint
	CGO_ENABLED=1 $(GO) test -race -tags ci ./...

## lint: the gates every change passes before its tests run.
lint: $(STATICCHECK) $(GOCYCLO)
	@.ci/apt-install $(PKGS_TEST)
	@if $(GO) list -deps -tags ci ./... | grep -q 'go-gl/glfw'; then \
		echo "GLFW is part of the ci build: the ci tag no longer keeps it out" >&2; exit 1; fi
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above need formatting" >&2; exit 1; }
	$(GO) vet -tags ci ./...
	$(STATICCHECK) -tags ci ./...
	$(GOCYCLO) -over 15 $$(git ls-files '*.go')

$(STATICCHECK):
	GOOS= GOARCH= GOBIN=$(abspath $(BIN)) $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
$(GOCYCLO):
	GOOS= GOARCH= GOBIN=$(abspath $(BIN)) $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0

vet:
	$(GO) vet -tags ci ./...

## fuzz: every fuzz target of every package for FUZZTIME each (30 s); a
## failing input is kept in the package's testdata/fuzz and fails the run.
FUZZTIME ?= 30s
# A new input is minimised for at most this long: the default, 60 s, let one
# slow workbook stall a 30-second run.
FUZZMINIMIZE ?= 3s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for name in $$($(GO) test -tags ci -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$name ($$pkg, $(FUZZTIME))"; \
			$(GO) test -tags ci -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg; \
		done; \
	done

## kill-test: SIGKILL a cchc-cli writer (settings, replacing imports,
## exports, backups) at random points, KILL_ROUNDS rounds (about a minute);
## after each the data file must pass its check and hold every confirmed
## write, and every file written must be whole.
KILL_ROUNDS ?= 250
kill-test:
	CCHC_KILL_ROUNDS=$(KILL_ROUNDS) $(GO) test -count=1 -timeout 10m -run '^TestKillWriterAtRandomPoints$$' -v ./cmd/cchc-cli

## build: the window and the CLI for this machine, into bin/.
build: $(BIN)/cchc build-cli

$(BIN)/cchc: FORCE
	@.ci/apt-install $(PKGS_BUILD)
	CGO_ENABLED=1 $(GO) build -ldflags "$(LDFLAGS)" -o $@ ./cmd/cchc

build-cli:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/cchc-cli ./cmd/cchc-cli

# Windows: file version 0.1.0.N, N the number of commits; the icon, the
# manifest and the version information come from .ci/windows through go-winres.
COMMITS     := $(shell git rev-list --count HEAD 2>/dev/null || echo 0)
WINVERSION  := $(VERSION).$(COMMITS)
WINLDFLAGS  := -X main.version=$(WINVERSION)+$(REVISION)
WINDIR      := $(BIN)/windows
GOWINRES    := $(BIN)/go-winres
WINRES_ARGS := --file-version $(WINVERSION) --product-version $(WINVERSION)
WINCROSS    := GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
STAGE       := build/windows/KeHoachCCHC-$(WINVERSION)
ZIP         := dist/cchc-$(WINVERSION)-windows.zip
SETUP       := dist/cchc-$(WINVERSION)-cai-dat.exe

## windows: cross-compile both programs for windows/amd64 with mingw-w64, with
## icon, manifest and version information; the window compiles once.
windows: $(GOWINRES)
	@.ci/apt-install $(PKGS_WINDOWS)
	$(GOWINRES) make --in .ci/windows/cchc.winres.json --arch amd64 --out cmd/cchc/rsrc $(WINRES_ARGS)
	CGO_ENABLED=1 $(WINCROSS) $(GO) build -ldflags "$(WINLDFLAGS) -H=windowsgui" -o $(WINDIR)/cchc.exe ./cmd/cchc
	CGO_ENABLED=0 $(WINCROSS) $(GO) build -ldflags "$(WINLDFLAGS)" -o $(WINDIR)/cchc-cli.exe ./cmd/cchc-cli
	$(GOWINRES) patch --in .ci/windows/cchc-cli.winres.json --no-backup $(WINRES_ARGS) $(WINDIR)/cchc-cli.exe

# go-winres runs here, so it is built for this machine, never with GOOS set.
$(GOWINRES):
	GOOS= GOARCH= GOBIN=$(abspath $(BIN)) $(GO) install github.com/tc-hib/go-winres@v0.3.3

## dist: the portable zip and the installer in dist/: both programs, the
## user guide as one HTML page with its pictures, and every licence.
dist: installer
	@.ci/apt-install $(PKGS_DIST)
	rm -f dist/cchc-*-windows.zip
	cd $(dir $(STAGE)) && zip -q -r -9 -X $(abspath $(ZIP)) $(notdir $(STAGE))
	@ls -l dist

## installer: dist/cchc-VERSION-cai-dat.exe, a per-user installer (no
## administrator rights) made with NSIS.
installer: windows
	@.ci/apt-install $(PKGS_DIST)
	rm -rf build/windows dist/cchc-*-cai-dat.exe
	GO=$(GO) .ci/windows/stage $(WINDIR) $(STAGE)
	$(GOWINRES) extract --dir build/windows/icon $(WINDIR)/cchc.exe >/dev/null
	mkdir -p dist
	makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$(WINVERSION) -DSTAGE=$(abspath $(STAGE)) \
		-DICON=$(abspath build/windows/icon/APP_0000.ico) -DOUTFILE=$(abspath $(SETUP)) \
		.ci/windows/installer.nsi

## wine-smoke: install, run and uninstall the Windows programs under Wine,
## on a fresh prefix and data folder; pictures and output in build/wine-smoke/.
wine-smoke: installer
	@.ci/apt-install $(PKGS_WINE)
	.ci/windows/wine-smoke $(SETUP) build/wine-smoke

## bench: the speed and memory targets of BENCHMARKS.md, measured and
## written again: Go benchmarks and whole-process timings against library
## floors, LibreOffice and the window's first frame (about 15 minutes).
## BENCH_ARGS go to .ci/bench/bench (-pairs 7, -skip-100k ...).
bench:
	PKGS_BENCH="$(PKGS_BENCH)" GO=$(GO) .ci/bench/run $(BENCH_ARGS)

## screenshots: drive the real window under Xvfb with xdotool at 1280×800,
## 900×600 and 1920×1080, each at 100% and 125%, into build/screenshots/; the
## 1280×800 pictures at 100% are the guide's and README's: docs/screenshots/.
screenshots: $(BIN)/cchc
	@.ci/apt-install $(PKGS_SCREENSHOT)
	rm -rf build/screenshots
	.ci/screenshots $(BIN)/cchc build/screenshots
	cp build/screenshots/1280x800@1/*.png docs/screenshots/

clean:
	rm -rf $(BIN) dist build/windows build/wine-smoke build/screenshots build/bench cmd/cchc/rsrc_windows_*.syso

FORCE:

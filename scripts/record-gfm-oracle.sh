#!/bin/sh
# Re-records Tests/Fixtures/gfm/expected.html: cmark-gfm's HTML for every case of the GFM
# differential test (Tests/Fixtures/gfm/corpus.md and the generated cases), so that
# `swift test` compares against it without cmark-gfm installed.
set -eu
command -v cmark-gfm >/dev/null || { echo "cmark-gfm is not on PATH (apt-get install cmark-gfm)" >&2; exit 1; }
cd "$(dirname "$0")/.."
OUTLOUD_RECORD_GFM=1 swift test --filter GFMDifferentialTests/everyCaseMatchesTheRecordedOracle

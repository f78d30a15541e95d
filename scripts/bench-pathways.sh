#!/usr/bin/env bash
# What learning pathways cost a build: the 10,000-note corpus with and without 300 pathways
# of 10 steps, side by side in one run.
#
#   scripts/bench-pathways.sh                       # 10,000 notes, 300 pathways, 5 runs each
#   NOTES=1000 PATHWAYS=30 RUNS=3 scripts/bench-pathways.sh
#   CALLGRIND=1 NOTES=1000 PATHWAYS=30 scripts/bench-pathways.sh   # instruction counts too
#
# Generates the corpus with ../shared/bench/gen_corpus.py (seed 7), copies it and adds the
# pathways with scripts/add-pathways.py (seed 7; every third person follows two), then times
# a full `outloud build --no-git` of each (release binary, writing over its warm-up's output)
# with hyperfine, the two commands alternating. With CALLGRIND=1 it also counts instructions
# of both builds under valgrind --tool=callgrind, on a copy of the binary stripped of its
# debug information (callgrind cannot read the release binary's). Prints the CPU model, both
# builds' mean wall and CPU time, and the ratios.
#
# Needs python3, hyperfine (and valgrind with CALLGRIND=1): Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."
NOTES=${NOTES:-10000}
PATHWAYS=${PATHWAYS:-300}
STEPS=${STEPS:-10}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/outloud-bench-pathways}
GENERATOR=${GENERATOR:-../shared/bench/gen_corpus.py}

command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
swift build -c release --product outloud >&2
OUTLOUD=$PWD/.build/release/outloud
mkdir -p "$WORK"
PLAIN=$WORK/plain-$NOTES
WITH=$WORK/pathways-$NOTES-$PATHWAYS
if [ ! -d "$PLAIN" ]; then
  python3 "$GENERATOR" --notes "$NOTES" --out "$PLAIN" --seed 7 >&2
fi
rm -rf "$WITH"
cp -r "$PLAIN" "$WITH"
python3 scripts/add-pathways.py "$WITH" --count "$PATHWAYS" --steps "$STEPS" --seed 7

for site in "$PLAIN" "$WITH"; do
  # The warm-up writes the output each timed run writes over; --strict: no warning hides.
  "$OUTLOUD" build --content "$site" --output "$site.out" --no-git --strict >&2
done
hyperfine -r "$RUNS" --export-json "$WORK/times.json" \
  -n plain "$OUTLOUD build --content $PLAIN --output $PLAIN.out --no-git" \
  -n pathways "$OUTLOUD build --content $WITH --output $WITH.out --no-git" >&2

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
python3 - "$WORK/times.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
plain, paths = results["plain"], results["pathways"]
cpu = lambda r: r["user"] + r["system"]
print(f"{'build':<22} {'wall (s)':>9} {'CPU (s)':>9}")
for name, r in (("without pathways", plain), ("with pathways", paths)):
    print(f"{name:<22} {r['mean']:>9.2f} {cpu(r):>9.2f}")
print(f"ratio: wall {paths['mean'] / plain['mean']:.3f}, CPU {cpu(paths) / cpu(plain):.3f}")
PY

if [ "${CALLGRIND:-0}" = 1 ]; then
  command -v valgrind >/dev/null || { echo "bench: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
  cp "$OUTLOUD" "$WORK/outloud-stripped" && strip --strip-debug "$WORK/outloud-stripped"
  for name in plain pathways; do
    site=$PLAIN; [ $name = pathways ] && site=$WITH
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.$name" \
      "$WORK/outloud-stripped" build --content "$site" --output "$site.out" --no-git 2>&1 >/dev/null \
      | awk -v n=$name '/Collected/ {print n ": " $4 " instructions"}'
  done
fi

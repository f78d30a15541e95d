#!/usr/bin/env bash
# Fuzzes bytes → note → HTML with libFuzzer for a number of seconds (default 600).
#
#   scripts/fuzz.sh [seconds] [libFuzzer flag…]
#
# Flags after the time go to libFuzzer as they are: `-len_control=0` tries long inputs
# (up to 64 KB) from the start instead of growing towards them, which finds slow inputs.
#
# Builds Sources/OutloudFuzz with -sanitize=fuzzer,address into .build-fuzz (libyaml, which
# Yams compiles from C, is instrumented too; libcmark is the system's and is not), seeds a
# corpus from the fixtures' and the sample site's notes, and runs one fuzzing job. The corpus
# grows in .fuzz/corpus across runs; crash, timeout and leak inputs go to .fuzz/artifacts;
# each run's log is .fuzz/logs/<time>.log. Exits 1 when the run left a new artifact.
# Replay an input with the normal build: swift run OutloudFuzz -v FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
work=.fuzz
build_flags=(-c debug --scratch-path .build-fuzz --product OutloudFuzz
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address)

mkdir -p "$work/corpus" "$work/artifacts" "$work/logs"
echo "fuzz.sh: building OutloudFuzz with libFuzzer and AddressSanitizer"
if ! swift build "${build_flags[@]}" > "$work/logs/build.log" 2>&1; then
    # ld.gold warns once per ASan helper symbol; those lines say nothing.
    grep -v "Cannot export local symbol" "$work/logs/build.log" >&2
    exit 2
fi
binary="$(swift build "${build_flags[@]}" --show-bin-path)/OutloudFuzz"

# Seeds: every note of the fixtures and the sample site, behind the byte that picks its
# path in FuzzEntry.paths (books 0, harvests 1, debates 2, logs 3, resources 4, other
# folders 5, pages 6, top level 7), and every earlier crash input as it is.
rm -rf "$work/seeds"
mkdir -p "$work/seeds"
count=0
while IFS= read -r -d '' file; do
    relative=${file#*/content/}
    case $relative in
        books/*) selector=0 ;; harvests/*) selector=1 ;; debates/*) selector=2 ;;
        logs/*) selector=3 ;; resources/*) selector=4 ;; pages/*) selector=6 ;;
        */*) selector=5 ;; *) selector=7 ;;
    esac
    count=$((count + 1))
    { printf "\\x0$selector"; cat "$file"; } > "$work/seeds/$(printf %04d $count).md"
done < <(find ./Tests/Fixtures ./content -path '*/content/*' -name '*.md' -print0 | sort -z)
cp Tests/Fixtures/fuzz/* "$work/seeds/" 2>/dev/null || true
echo "fuzz.sh: $(ls "$work/seeds" | wc -l) seeds, $(ls "$work/corpus" | wc -l) inputs in the corpus so far"

before=$(ls "$work/artifacts" | wc -l)
log="$work/logs/$(date +%Y%m%d-%H%M%S).log"
echo "fuzz.sh: fuzzing for $seconds s (one job); log in $log"
status=0
# The Swift runtime's backtracer would otherwise catch a trap before libFuzzer saves the input.
# Leaks inside the Swift toolchain's own libraries are suppressed as in scripts/sanitizers.sh.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" \
    "$binary" "$work/corpus" "$work/seeds" \
    -dict=scripts/fuzz.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@" \
    > "$log" 2>&1 || status=$?

# The last status line holds the coverage: `#123456 DONE cov: 4321 ft: 9876 corp: …`.
last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
echo "fuzz.sh: exit status $status"
echo "fuzz.sh: executions ${executions:-unknown} ($(sed -n 's/^stat::average_exec_per_sec: *//p' "$log") a second)"
echo "fuzz.sh: coverage $(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<<"$last" || echo unknown); corpus $(ls "$work/corpus" | wc -l) inputs"
echo "fuzz.sh: peak memory $(sed -n 's/^stat::peak_rss_mb: *//p' "$log") MB"
grep -E '^==[0-9]+==ERROR|^SUMMARY|Fatal error|Test unit written' "$log" || true
after=$(ls "$work/artifacts" | wc -l)
if (( after > before )); then
    echo "fuzz.sh: new artifacts:"
    ls -t "$work/artifacts" | head -n $((after - before)) | sed "s|^|  $work/artifacts/|"
    exit 1
fi
echo "fuzz.sh: no new crashes, timeouts or leaks"

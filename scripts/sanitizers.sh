#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer (with LeakSanitizer), then ThreadSanitizer.
#
#   scripts/sanitizers.sh [address|thread]…     (both when none is named)
#
# Each sanitizer builds into its own scratch folder (.build-asan, .build-tsan), so the
# normal .build stays as it is. The tests that run the real `outloud` binary find the one
# built next to the test bundle, which is built with the same sanitizer. Every report, from
# the test process or a binary it starts, is written under <scratch>/sanitizer-reports/ as
# well as counted: the script fails when the tests fail or when any report was written.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
(( ${#sanitizers[@]} )) || sanitizers=(address thread)
failed=()
for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in
        address) scratch=.build-asan; variable=ASAN_OPTIONS; options="detect_leaks=1" ;;
        thread) scratch=.build-tsan; variable=TSAN_OPTIONS; options="halt_on_error=0:suppressions=$PWD/scripts/tsan.supp" ;;
        *) echo "sanitizers.sh: unknown sanitizer $sanitizer (address or thread)" >&2; exit 2 ;;
    esac
    reports="$PWD/$scratch/sanitizer-reports"
    rm -rf "$reports"
    mkdir -p "$reports"
    echo "sanitizers.sh: swift test --sanitize=$sanitizer --scratch-path $scratch"
    status=0
    # Reports go to <reports>/report.<pid>, one file per process that found something.
    # LeakSanitizer skips the toolchain's own leaks (scripts/lsan.supp); child processes
    # inherit these settings, so the `outloud` runs of the tests are checked the same way.
    env "$variable=$options:log_path=$reports/report" SWIFT_BACKTRACE=enable=no \
        LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" \
        swift test --sanitize="$sanitizer" --scratch-path "$scratch" > "$reports/test.log" 2>&1 || status=$?
    # The last lines say how many tests ran and passed.
    grep -E "^(✔|✘) Test run|Executed [0-9]+ tests|error:" "$reports/test.log" | tail -n 4 || true
    shopt -s nullglob
    found=("$reports"/report.*)
    shopt -u nullglob
    if (( status != 0 || ${#found[@]} > 0 )); then
        echo "sanitizers.sh: $sanitizer: FAILED (tests exit status $status, ${#found[@]} report file(s))"
        for report in "${found[@]}"; do
            echo "--- $report"
            head -n 40 "$report"
        done
        (( status == 0 )) || grep -E "✘|error:|ERROR|WARNING: ThreadSanitizer" "$reports/test.log" | head -n 40 || true
        echo "sanitizers.sh: the whole test output is $reports/test.log"
        failed+=("$sanitizer")
    else
        echo "sanitizers.sh: $sanitizer: clean (no sanitizer reports)"
    fi
done
(( ${#failed[@]} == 0 )) || { echo "sanitizers.sh: failed under: ${failed[*]}"; exit 1; }
echo "sanitizers.sh: the tests pass under ${sanitizers[*]} with no reports"

#!/usr/bin/env bash
# The release archive on its own: checks its SHA-256 file, that `ldd` on the binary shows
# only the C library's own shared objects, then copies the binary into an empty folder with
# a copy of content/ and runs it with a clean environment (no themes/ folder, nothing on
# PATH, so no Swift toolchain) — and the site it builds must be the in-repository build's,
# file for file, byte for byte.
#
#   scripts/dist-check.sh dist/outloud-VERSION-linux-ARCH.tar.gz [OUTLOUD]
#
# OUTLOUD is the in-repository binary to compare with (default .build/debug/outloud). Both
# builds use --no-git (the copy has no history) and the same SOURCE_DATE_EPOCH.
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHIVE=${1:?usage: scripts/dist-check.sh dist/outloud-VERSION-linux-ARCH.tar.gz [OUTLOUD]}
OUTLOUD=${2:-.build/debug/outloud}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "dist-check: $*" >&2; exit 1; }

(cd "$(dirname "$ARCHIVE")" && sha256sum --quiet -c "$(basename "$ARCHIVE").sha256") || fail "the archive does not match its .sha256"
echo "ok    $(basename "$ARCHIVE") matches its SHA-256"

mkdir "$WORK/unpacked"
tar -xzf "$ARCHIVE" -C "$WORK/unpacked"
BINARY=$(find "$WORK/unpacked" -type f -name outloud | head -n 1)
[ -n "$BINARY" ] || fail "no outloud binary in the archive"

# Only the C library's own shared objects (and the kernel's vDSO).
LIBS=$(ldd "$BINARY" | awk '{print $1}')
OTHERS=$(echo "$LIBS" | grep -Ev '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1|lib(c|m|dl|pthread|rt|util|resolv)\.so\.[0-9]+)$' || true)
[ -z "$OTHERS" ] || fail "the binary needs shared objects beyond the C library's: $(echo $OTHERS)"
echo "ok    ldd: $(echo $LIBS)"
echo "ok    $(du -h "$BINARY" | cut -f1) binary; $("$BINARY" --version)"

mkdir -p "$WORK/site" "$WORK/home"
cp "$BINARY" "$WORK/site/outloud"
cp -a content "$WORK/site/content"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795392000}
START=$(date +%s.%N)
(cd "$WORK/site" && env -i HOME="$WORK/home" PATH=/nonexistent SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" \
  ./outloud build --strict --no-git) || fail "the binary could not build content/ on its own"
END=$(date +%s.%N)
echo "ok    a cold build of the sample site from the binary, alone in a folder: $(awk "BEGIN { printf \"%.2f\", $END - $START }") s"
[ ! -e "$WORK/site/themes" ] || fail "the build wrote a themes folder"

"$OUTLOUD" build --strict --no-git --content "$WORK/site/content" --output "$WORK/in-repository" >/dev/null
diff -r "$WORK/site/output" "$WORK/in-repository" >/dev/null \
  || { diff -rq "$WORK/site/output" "$WORK/in-repository" | head -n 5; fail "the site differs from the in-repository build"; }
echo "ok    the site is the in-repository build's, $(find "$WORK/site/output" -type f | wc -l) files byte for byte"
echo "dist-check: all checks passed"

#!/usr/bin/env bash
# What the git metadata pass costs on a large site: generates the benchmark corpus, commits
# it to a fresh repository with one commit per note (git fast-import, seconds instead of
# minutes), then times `git log` alone and `outloud build` with and without --no-git.
#
#   scripts/bench-git.sh                      # 10,000 notes in /tmp/git10k, 5 runs each
#   NOTES=1000 RUNS=3 scripts/bench-git.sh    # smaller, quicker
#
# Needs python3, git and hyperfine; builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
NOTES=${NOTES:-10000}
RUNS=${RUNS:-5}
CORPUS=${CORPUS:-/tmp/git$((NOTES / 1000))k}
OUTPUT=${OUTPUT:-$CORPUS-output}
GENERATOR=${GENERATOR:-/work/shared/bench/gen_corpus.py}
ROOT=$PWD

rm -rf "$CORPUS" "$OUTPUT"
python3 "$GENERATOR" --notes "$NOTES" --out "$CORPUS" --seed 7

# One commit for the data files and assets, then one per note, an hour apart, by the
# people of people.yml in turn (so their e-mails map back to them).
git -C "$CORPUS" init -q -b main
python3 - "$CORPUS" <<'PY' | git -C "$CORPUS" fast-import --quiet
import os, re, sys
root = sys.argv[1]
people = re.findall(r"^- id: (\S+)\n  name: \"?([^\"\n]+)\"?\n(?:  .*\n)*?  email: (\S+)", open(os.path.join(root, "people.yml")).read(), re.M)
files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) if "/.git" not in d + "/" for f in fs)
notes = [f for f in files if f.endswith(".md")]
first = [f for f in files if not f.endswith(".md")]
out = sys.stdout.buffer
def commit(number, paths, message):
    _, name, email = people[number % len(people)]
    when = 1_704_067_200 + number * 3600  # 2024-01-01, then an hour a commit
    out.write(f"commit refs/heads/main\nmark :{number + 1}\n".encode())
    out.write(f"author {name} <{email}> {when} +0000\ncommitter {name} <{email}> {when} +0000\n".encode())
    msg = message.encode()
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if number: out.write(f"from :{number}\n".encode())
    for path in paths:
        data = open(os.path.join(root, path), "rb").read()
        out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
commit(0, first, "Data files and assets")
for number, note in enumerate(notes, start=1):
    commit(number, [note], "Add " + note)
PY
git -C "$CORPUS" reset -q
echo "commits: $(git -C "$CORPUS" rev-list --count HEAD), files: $(git -C "$CORPUS" ls-files | wc -l)"

swift build -c release --product outloud 2>&1 | tail -1
OUTLOUD=$ROOT/.build/release/outloud
BUILD="$OUTLOUD build --content $CORPUS --themes-dir $ROOT/themes --output $OUTPUT --base-url https://learning.example/"

echo "== one build each, with stage timings"
$BUILD --timings
$BUILD --timings --no-git

echo "== git log alone (the command Outloud runs), and the builds"
hyperfine --warmup 1 --runs "$RUNS" \
    -n "git log" "git -C $CORPUS -c diff.relative=false -c log.showSignature=false log '--format=%x01%H%x00%as%x00%aE' --name-status -M -z --no-merges --root --date-order --no-color -- . > /dev/null" \
    -n "build" "$BUILD" \
    -n "build --no-git" "$BUILD --no-git"

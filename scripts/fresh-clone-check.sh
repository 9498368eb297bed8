#!/usr/bin/env bash
# The README's two quick-start commands, as a newcomer runs them: a fresh clone of this repository,
# on a machine without bubblewrap on PATH. Both must exit 0, and the test run must say (in one line)
# that the Python-sandbox tests were skipped and what to install. `.ci/run` runs this last.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git clone -q "$repo" "$tmp/clone"

# A PATH without bwrap: a folder of links to every other command on PATH.
mkdir "$tmp/bin"
IFS=: read -ra dirs <<< "$PATH"
for d in "${dirs[@]}"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    n="$(basename "$f")"
    [ "$n" = bwrap ] && continue
    [ -e "$tmp/bin/$n" ] || ln -s "$f" "$tmp/bin/$n"
  done
done

cd "$tmp/clone"
export PATH="$tmp/bin"
unset REQUIRE_BWRAP REWARDS_BWRAP
echo "fresh-clone check: npm ci && npx rewards filter examples/crossthink.jsonl (no bwrap on PATH)"
npm ci && npx rewards filter examples/crossthink.jsonl > /dev/null
echo "fresh-clone check: npm test (no bwrap on PATH)"
npm test 2>&1 | tee "$tmp/test.log"
grep -q "SKIPPING the Python-sandbox tests" "$tmp/test.log" || { echo "fresh-clone check: the skip line was not printed" >&2; exit 1; }
echo "fresh-clone check: both README commands passed, and the skip line was printed"

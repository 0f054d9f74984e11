#!/usr/bin/env bash
# Runs every test file that reads ../shared/fixtures from a copy of the checkout with nothing beside
# it, the way a user's clone is: those tests must pass on the project's own cases alone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/inbox-elements"
mkdir -p "$copy"
# Only what git tracks (plus the installed dependencies, linked, and the build): no data.
(cd "$root" && git ls-files -z --cached --others --exclude-standard) | (cd "$root" && xargs -0 cp --parents -t "$copy")
ln -s "$root/node_modules" "$copy/node_modules"
# The checkout's build of the same sources (made first if stale), not the same files built again.
(cd "$root" && node scripts/build-if-stale.mjs >/dev/null)
cp -r "$root/dist" "$copy/dist"
[ -d "$root/server/node_modules" ] && ln -s "$root/server/node_modules" "$copy/server/node_modules"
cd "$copy"
[ ! -e ../shared ] || { echo "a ../shared is beside the copy; the check would prove nothing" >&2; exit 1; }
# Test files that read ../shared, directly or through helpers at any depth (hostile-strings.ts is
# imported by fuzz-cases.ts, which a suite imports, which a test file runs).
mapfile -t files < <(grep -rl --include='*.ts' -- '\.\./shared' test server/test || true)
declare -A seen=()
readers=()
while [ ${#files[@]} -gt 0 ]; do
  f="${files[0]}"
  files=("${files[@]:1}")
  [ -n "${seen[$f]:-}" ] && continue
  seen[$f]=1
  case "$f" in
    *.test.ts) readers+=("$f") ;;
    *) mapfile -t -O "${#files[@]}" files < <(grep -rl --include='*.ts' -- "/$(basename "$f" .ts).js'" test server/test || true) ;;
  esac
done
# The Postgres run repeats the PGlite suites on another database: what they read is the same.
mapfile -t readers < <(printf '%s\n' "${readers[@]}" | sort -u | grep -v -e '^$' -e 'postgres\.test\.ts$' || true)
if [ ${#readers[@]} -eq 0 ]; then
  echo "no test reads ../shared"
  exit 0
fi
echo "without ../shared: ${readers[*]}"
# Two files at a time, as their suites run them: the server's from its folder, the rest from here.
server_readers=()
root_readers=()
for file in "${readers[@]}"; do
  case "$file" in
    server/*) server_readers+=("${file#server/}") ;;
    *) root_readers+=("$file") ;;
  esac
done
[ ${#server_readers[@]} -eq 0 ] || (cd server && node --import tsx --test --test-concurrency=2 "${server_readers[@]}")
[ ${#root_readers[@]} -eq 0 ] || node --import tsx --test --test-concurrency=2 "${root_readers[@]}"

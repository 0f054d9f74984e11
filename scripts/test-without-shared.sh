#!/usr/bin/env bash
# Runs every test file that reads ../shared/fixtures from a copy of the checkout with nothing beside
# it, the way a user's clone is: those tests must pass on the project's own cases alone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/inbox-elements"
mkdir -p "$copy"
# Only what git tracks (plus the installed dependencies, linked): no build output, no data.
(cd "$root" && git ls-files -z --cached --others --exclude-standard) | (cd "$root" && xargs -0 cp --parents -t "$copy")
ln -s "$root/node_modules" "$copy/node_modules"
[ -d "$root/server/node_modules" ] && ln -s "$root/server/node_modules" "$copy/server/node_modules"
cd "$copy"
[ ! -e ../shared ] || { echo "a ../shared is beside the copy; the check would prove nothing" >&2; exit 1; }
mapfile -t files < <(grep -rl -- '\.\./shared' test server/test --include='*.ts' | grep -E '\.test\.ts$|/hostile-strings\.ts$' || true)
# A helper that reads the fixtures counts through the tests that import it.
mapfile -t readers < <(for f in "${files[@]}"; do
  case "$f" in
    *.test.ts) echo "$f" ;;
    *) base="$(basename "$f" .ts)"; grep -rl -- "$base.js" test server/test --include='*.test.ts' ;;
  esac
done | sort -u)
if [ ${#readers[@]} -eq 0 ]; then
  echo "no test reads ../shared"
  exit 0
fi
echo "without ../shared: ${readers[*]}"
npm run -s build >/dev/null
for file in "${readers[@]}"; do
  case "$file" in
    server/*) (cd server && node --import tsx --test --test-concurrency=1 "${file#server/}") ;;
    *) node --import tsx --test --test-concurrency=1 "$file" ;;
  esac
done

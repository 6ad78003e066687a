#!/usr/bin/env bash
# ask-nix search --json QUERY against `node -e ''`, in one hyperfine run (issue 4: target <= 3.5x), as shipped (bin/ask-nix: from the startup snapshot).
# Builds the CLI bundle if needed and the index from ../shared/data into a temp folder (removed after).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ASK_NIX_DATA:-../shared/data/nixpkgs-channel-2020.json.gz}"
tmp="$(mktemp -d -t ask-nix-bench-cli-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
[ -f dist/ask-nix.cjs ] || npm run build >/dev/null
index="$tmp/index"
bin/ask-nix --index "$index" index build --from "$data" >/dev/null
bin/ask-nix --index "$index" search --json firefox >/dev/null # fail early if search does not work
hyperfine -N --warmup 3 --export-json "$tmp/hyperfine.json" \
  "node -e ''" \
  "bin/ask-nix --version" \
  "bin/ask-nix --index $index search --json firefox" \
  "bin/ask-nix --index $index search --json pdf viewer" \
  "bin/ask-nix --index $index search --json fierfox"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results
  const base = r[0].mean
  const cpu = (x) => x.user + x.system
  console.log("wall (mean)            CPU user+sys (mean)    command")
  for (const x of r) {
    console.log(`${(x.mean / base).toFixed(2)}x ${(x.mean * 1000).toFixed(0).padStart(5)} ms     ${(cpu(x) / cpu(r[0])).toFixed(2)}x ${(cpu(x) * 1000).toFixed(0).padStart(5)} ms     ${x.command.replace(/--index \S+ /, "")}`)
  }
' "$tmp/hyperfine.json"
if command -v /usr/bin/time >/dev/null; then
  /usr/bin/time -f "peak RSS of ask-nix search --json firefox: %M KB" bin/ask-nix --index "$index" search --json firefox >/dev/null
fi

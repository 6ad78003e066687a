#!/usr/bin/env bash
# ask-nix search --json QUERY against `node -e ''`, in one hyperfine run (issue 16: target <= 3.0x), as shipped:
# bin/ask-nix, which starts from the startup snapshot (dist/ask-nix.blob) when it can (see README "Start-up").
# Builds the bundle and the snapshot first (a bundle older than the source would measure old code), and the index
# from ../shared/data into a temp folder (removed after). Node reads NODE_EXTRA_CA_CERTS at every start, before
# any JavaScript, so the ratios depend on it: the script says whether it is set.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ASK_NIX_DATA:-../shared/data/nixpkgs-channel-2020.json.gz}"
tmp="$(mktemp -d -t ask-nix-bench-cli-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
npm run build >/dev/null
if [ "${ASK_NIX_SNAPSHOT-}" != 0 ] && [ -z "${NODE_OPTIONS-}" ] && [ -f dist/ask-nix.blob ]; then start="from the startup snapshot"; else start="without the startup snapshot"; fi
if [ -n "${NODE_EXTRA_CA_CERTS-}" ]; then certs="set"; else certs="not set"; fi
echo "bin/ask-nix starts $start; NODE_EXTRA_CA_CERTS $certs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
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

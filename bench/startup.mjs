// Start-up: `ask-nix parse --json "install firefox"` against `node -e ''` in one hyperfine run.
// Target: ratio <= 3.0. Needs `npm run build` first and hyperfine on PATH.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const out = join(mkdtempSync(join(tmpdir(), "ask-nix-bench-")), "startup.json")
const cli = `node bin/ask-nix.mjs --index ${join(tmpdir(), "ask-nix-no-index")} parse --json "install firefox"`
execFileSync("hyperfine", ["-N", "--warmup", "5", "--runs", "40", "--export-json", out, "node -e ''", cli], { stdio: "inherit" })
const [node, askNix] = JSON.parse(readFileSync(out, "utf8")).results
const ms = (r) => (r.mean * 1000).toFixed(1)
console.log(`node -e '':                       ${ms(node)} ms (mean)`)
console.log(`ask-nix parse --json "install firefox": ${ms(askNix)} ms (mean)`)
console.log(`ratio: ${(askNix.mean / node.mean).toFixed(2)} (target <= 3.0)`)

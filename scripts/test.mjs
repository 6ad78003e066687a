// Runs the whole vitest suite and ends with one plain line, "N passed, N failed, N skipped",
// so that CI and people read the outcome the same way. The exit code is vitest's.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const out = join(mkdtempSync(join(tmpdir(), "ask-nix-test-")), "results.json")
const run = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...process.argv.slice(2)], { stdio: "inherit" })
try {
  const r = JSON.parse(readFileSync(out, "utf8"))
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)
} catch {
  console.log("0 passed, 1 failed (vitest wrote no results)")
}
process.exit(run.status ?? 1)

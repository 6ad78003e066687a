// Runs the whole vitest suite and ends with one plain line, "N passed, N failed, N skipped",
// so that CI and people read the outcome the same way. The exit code is vitest's.
//
// Two phases: everything else, then the fault suite (test/faults). The fault suite loads the machine
// with concurrent Nix processes on purpose; the other live tests compare two views of the one /nix
// store taken moments apart, and must not see that churn. With arguments, one run of what they name.
//
// Each phase gets a temporary folder of its own as TMPDIR, removed when it ends: the tests make
// thousands of scratch folders (fixture copies, state folders, sandboxes), and a run must not leave
// them behind in the system's /tmp.
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-test-"))
const phase = (name, args) => {
  const out = join(dir, `${name}.json`)
  const scratch = join(dir, `${name}-tmp`)
  mkdirSync(scratch)
  const run = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...args], {
    stdio: "inherit", env: { ...process.env, TMPDIR: scratch }
  })
  try {
    rmSync(scratch, { recursive: true, force: true })
  } catch (e) {
    console.log(`ask-nix tests: could not remove the scratch folder ${scratch}: ${e.message}`)
  }
  try {
    const r = JSON.parse(readFileSync(out, "utf8"))
    return { status: run.status ?? 1, passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }
  } catch {
    return { status: run.status ?? 1, passed: 0, failed: 1, skipped: 0 }
  }
}

const given = process.argv.slice(2)
const phases = given.length > 0
  ? [phase("selected", given)]
  : [phase("main", ["--exclude", "test/faults/**"]), phase("faults", ["test/faults"])]
const sum = (k) => phases.reduce((n, p) => n + p[k], 0)
console.log(`${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`)
process.exit(phases.find((p) => p.status !== 0)?.status ?? 0)

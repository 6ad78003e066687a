/**
 * Very long log lines (issue 17, "Also"): a Nix that prints lines of 8 MB (once, forty times, as a
 * plain line or inside an internal-json event) must not push ask-nix's memory up nor come back in its
 * messages. A stand-in `nix`/`nix-env` (a shell script) prints them; the shipped binary runs with its
 * peak RSS reported at exit (a --require'd hook). Without the cap, forty 8 MB lines took 660-700 MB.
 */
import { spawnSync } from "node:child_process"
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bin, ensureBuilt, recordFaults } from "./support.js"

/** The peak a run may reach: Node itself takes about 90-120 MB here. */
const maxRssMB = 250

const fakeNix = `#!/bin/sh
long() { head -c 8000000 /dev/zero | tr '\\0' x >&2; }
case "$*" in
  *--version*) echo "nix (Nix) 2.26.3"; exit 0;;
  *show-config*) echo '{"experimental-features":{"value":["flakes","nix-command"]}}'; exit 0;;
  *--dry-run*) exit 0;;
  *" -q "*|*" -q") echo "{}"; exit 0;;
  *"profile install"*|*"profile add"*|*-iA*)
    case "$MODE" in
      json) printf '@nix {"action":"msg","level":0,"msg":"' >&2; long; printf '"}\\n' >&2;;
      many) i=0; while [ $i -lt 40 ]; do long; echo >&2; i=$((i+1)); done;;
      *) long; echo >&2;;
    esac
    exit 1;;
esac
exit 0
`

describe("very long log lines from Nix", () => {
  let dir: string
  beforeAll(() => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), "ask-nix-faults-lines-"))
    for (const name of ["nix", "nix-env"]) {
      writeFileSync(join(dir, name), fakeNix)
      chmodSync(join(dir, name), 0o755)
    }
    writeFileSync(join(dir, "rss.cjs"), `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(join(dir, "rss"))}, String(process.resourceUsage().maxRSS)))\n`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(`one, forty and JSON 8 MB lines, both backends: peak memory under ${maxRssMB} MB, messages short`, () => {
    const failures: Array<string> = []
    const cases = ["one", "many", "json"].flatMap((mode) => ["profile", "nix-env"].map((backend) => [mode, backend] as const))
    for (const [mode, backend] of cases) {
      const r = spawnSync(process.execPath, [bin, "--backend", backend, "--profile", join(dir, "profile"), "--execute", "install", "hello"], {
        encoding: "utf8", maxBuffer: 1024 ** 3, timeout: 120_000,
        env: { ...process.env, MODE: mode, PATH: `${dir}:/usr/bin:/bin`, HOME: dir, NODE_OPTIONS: `--require ${join(dir, "rss.cjs")}` }
      })
      const rssMB = Math.round(Number(readFileSync(join(dir, "rss"), "utf8")) / 1024)
      const printed = r.stdout.length + r.stderr.length
      if (r.status !== 1 || rssMB > maxRssMB || printed > 1024 * 1024) {
        failures.push(`${mode} line(s), ${backend}: exit ${r.status}, peak ${rssMB} MB, printed ${printed} characters`)
      }
    }
    recordFaults("very long log lines", cases.length, failures.length)
    expect(failures).toEqual([])
  }, 180_000)
})

/**
 * Names are never rewritten and then acted on (issue 17, items 4-6; issue 15's typo item), through the
 * shipped binary with --execute, as free text and as typed commands: stray quotes, U+202E, a Cyrillic
 * letter, invalid UTF-8, a corrected typo (acted on only with a yes), word salad, and option values
 * that Nix would read as options. Each case must change nothing and exit 2 (or, for a suggestion
 * accepted with --yes, do exactly the suggested thing). Real Nix: 2.8 with the nix-env backend, 2.26
 * with `nix profile` (the refusals happen before Nix runs; the acting cases use each).
 */
import { spawnSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { askNix, bin, ensureBuilt, envFor, hasProgram, recordFaults, sandboxArgs, type BackendName } from "./support.js"

/** The fixture's packages, and ioport (a name close to "import", as in nixpkgs), for the index. */
const indexListing = JSON.stringify(Object.fromEntries(["greet", "hello", "broken", "slow", "ioport"].map((n) => [n, {
  name: `${n}-1.0`, pname: n, version: "1.0", system: "x86_64-linux", outputName: "out", meta: { description: `${n} (test package)` }
}])))

describeNix("names are never rewritten, then acted on", (nix) => {
  const backend: BackendName = nix.version.startsWith("2.8") ? "nix-env" : "profile"
  let sb: Sandbox
  const index = () => join(sb.dir, "index")
  const args = () => [...sandboxArgs(sb, backend), "--index", index()]
  beforeAll(() => {
    ensureBuilt()
    sb = makeSandbox(`names-${backend}`)
    writeFileSync(join(sb.dir, "listing.json"), indexListing)
    expect(askNix(nix, sb, ["--index", index(), "index", "build", "--from", join(sb.dir, "listing.json")]).code).toBe(0)
    const first = askNix(nix, sb, [...args(), "--execute", "install", "greet", "hello"])
    expect(first.code, first.stderr).toBe(0)
  })
  afterAll(() => sb.cleanup())

  /** argv that must change nothing and exit 2; `expect` is what the message must say. */
  // [what, words, what it says, exit codes allowed (default: 2)]
  const refused: ReadonlyArray<readonly [string, ReadonlyArray<string>, RegExp, ReadonlyArray<number>?]> = [
    ["free text, stray quote", ["remove hello'"], /quote/],
    ["typed, stray quote", ["remove", "hello'"], /quote/],
    ["free text, U+202E", ["remove hello\u202e"], /U\+202E/],
    ["typed, U+202E", ["remove", "hello\u202e"], /U\+202E/],
    ["free text, U+202E inside", ["remove hel\u202elo"], /U\+202E/],
    ["free text, Cyrillic i", ["install gr\u0456et"], /Cyrillic/],
    ["typed, Cyrillic i", ["install", "gr\u0456et"], /Cyrillic/],
    ["free text, typo", ["install slwo"], /--yes/],
    ["typed, typo", ["install", "slwo"], /--yes/],
    // (an English word is not corrected at all: refused with the suggestion, or asked about)
    ["typed, import is not ioport", ["install", "import"], /--yes|Did you mean: ioport/, [1, 2]],
    ["word salad, the verb after the name", ["greet uninstall"], /--yes|not sure/],
    ["word salad, an everyday verb", ["include slow"], /--yes|not sure/],
    ["--flake that is an option", ["--flake", "-f", "install", "slow"], /cannot start with "-"/]
  ]

  it(`${backend}: ${refused.length + 3} hostile names and values change nothing`, () => {
    const failures: Array<string> = []
    const before = sb.snapshot()
    for (const [what, words, says, codes = [2]] of refused) {
      const r = askNix(nix, sb, [...args(), "--execute", ...words])
      if (!codes.includes(r.code ?? -1) || !says.test(r.stderr + r.stdout) || sb.snapshot() !== before) {
        failures.push(`${what}: exit ${r.code}, ${sb.snapshot() === before ? "profile unchanged" : "PROFILE CHANGED"}, ${(r.stderr || r.stdout).trim().split("\n").pop()}`)
      }
    }
    const empty = askNix(nix, sb, ["--backend", backend, "--profile", "", "--execute", "remove", "greet"])
    if (empty.code !== 2 || !/--profile needs a path/.test(empty.stderr) || sb.snapshot() !== before) failures.push(`--profile "": exit ${empty.code}, ${empty.stderr.trim()}`)
    // Invalid UTF-8 needs a byte no JavaScript string holds: through bash's $'\xff'.
    for (const [what, line] of [["free text", `"remove hello"$'\\xff'`], ["typed", `remove hello$'\\xff'`]] as const) {
      const quoted = [...args(), "--execute"].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")
      const r = spawnSync("bash", ["-c", `exec "${process.execPath}" "${bin}" ${quoted} ${line}`], { env: envFor(nix, sb), encoding: "utf8" })
      if (r.status !== 2 || !/UTF-8/.test(r.stderr) || sb.snapshot() !== before) failures.push(`${what}, invalid UTF-8: exit ${r.status}, ${r.stderr.trim().split("\n").pop()}`)
    }
    if (!(hasProgram(sb, "hello") && hasProgram(sb, "greet") && !hasProgram(sb, "slow"))) failures.push("the profile no longer holds greet and hello only")
    recordFaults(`hostile names and values, nix ${nix.version}, ${backend}`, refused.length + 3, failures.length)
    expect(failures).toEqual([])
  }, 180_000)

  it(`${backend}: a suggestion accepted with --yes does the suggested thing; words the set does not have change nothing`, () => {
    const removed = askNix(nix, sb, [...args(), "--execute", "remove", "hello"])
    expect(removed.code, removed.stderr).toBe(0)
    const yes = askNix(nix, sb, [...args(), "--execute", "--yes", "install hellp"])
    expect(yes.code, yes.stderr).toBe(0)
    expect(hasProgram(sb, "hello")).toBe(true)
    // "get slow two": slow exists, "two" does not: Nix refuses the whole request.
    const before = sb.snapshot()
    const salad = askNix(nix, sb, [...args(), "--execute", "get slow two"])
    expect(salad.code).not.toBe(0)
    expect(sb.snapshot()).toBe(before)
    expect(hasProgram(sb, "slow")).toBe(false)
  }, 120_000)
})

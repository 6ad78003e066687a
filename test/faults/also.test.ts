/**
 * The smaller findings of issue 17 ("Also"), through the shipped binary on real Nix:
 * - `try` on the nix-env backend with --file runs the program from the project's own package set
 *   (nix-shell -p called the file with inNixShell, which a plain package set does not take);
 * - a state folder that cannot be written: the change is done, and the message says what could not be
 *   written and what to do, not a raw `{ "path": ..., "detail": ... }` object.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { askNix, ensureBuilt, hasProgram, recordFaults, sandboxArgs } from "./support.js"

describeNix("smaller findings", (nix) => {
  let sb: Sandbox
  beforeAll(() => { ensureBuilt(); sb = makeSandbox("also") })
  afterAll(() => sb.cleanup())

  it("try on the nix-env backend with --file runs the fixture's program", () => {
    const r = askNix(nix, sb, [...sandboxArgs(sb, "nix-env"), "--execute", "try", "greet", "--command", "greet"])
    recordFaults(`try, nix-env backend with --file, nix ${nix.version}`, 1, r.code === 0 && /greet 1\.0/.test(r.stdout) ? 0 : 1)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/greet 1\.0/)
    expect(hasProgram(sb, "greet")).toBe(false)
  }, 120_000)

  it("a state folder that cannot be written: done, and said plainly", () => {
    mkdirSync(join(sb.dir, "blocked"), { recursive: true })
    writeFileSync(join(sb.dir, "blocked", "state"), "a file where the state folder should be")
    const r = askNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "install", "hello"], { XDG_STATE_HOME: join(sb.dir, "blocked", "state") })
    const plain = r.code === 0 && hasProgram(sb, "hello") && !/\{\s*"path"/.test(r.stderr) && /history/.test(r.stderr) && /XDG_STATE_HOME/.test(r.stderr)
    recordFaults(`unwritable state folder, nix ${nix.version}`, 1, plain ? 0 : 1)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).not.toMatch(/\{\s*"path"/)
    expect(r.stderr).toMatch(/this change was not recorded in the history.*XDG_STATE_HOME/)
  }, 120_000)
})

describeNix("a path that is not a profile", (nix) => {
  let sb: Sandbox
  beforeAll(() => { ensureBuilt(); sb = makeSandbox("notprofile") })
  afterAll(() => sb.cleanup())

  it("--profile /etc/passwd (a file) and a folder without a manifest: said, for list and for a change", () => {
    const failures: Array<string> = []
    const folder = join(sb.dir, "just-a-folder")
    mkdirSync(folder)
    for (const [profile, kind] of [["/etc/passwd", "a file"], [folder, "a folder without a manifest"]] as const) {
      for (const words of [["list"], ["--execute", "install", "hello"]]) {
        const r = askNix(nix, sb, ["--profile", profile, "--file", join(sb.pkgs, "default.nix"), ...words])
        if (r.code === 0 || !r.stderr.includes(`it is ${kind}, not a Nix profile`)) failures.push(`${profile} ${words.join(" ")}: exit ${r.code}, ${r.stderr.trim().split("\n").pop()}`)
      }
    }
    recordFaults(`not a profile, nix ${nix.version}`, 4, failures.length)
    expect(failures).toEqual([])
  }, 60_000)
})

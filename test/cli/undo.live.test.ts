/**
 * Undo means the state before the last change ask-nix made, on real Nix 2.8 and 2.26, both backends,
 * through the shipped binary: the hint printed after a change, "go back", "undo my last update" and
 * `undo` return there however many generations the change took, and each profile has its own history.
 */
import { execFileSync } from "node:child_process"
import { existsSync, readlinkSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeAll, expect, it } from "vitest"
import { ensureBuilt, runBin, type BinRun } from "../support/askNixBin.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const sandboxes: Array<Sandbox> = []
afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })
beforeAll(ensureBuilt)

const backends = [
  { name: "nix profile", args: ["--backend", "profile"], switchTo: (n: number) => `--to ${n}` },
  { name: "nix-env", args: ["--backend", "nix-env"], switchTo: (n: number) => `--switch-generation ${n}` }
] as const

/** The generation the profile link points to ("profile-3-link" -> 3). */
const currentGeneration = (profile: string): number | undefined => {
  try { return Number(/-(\d+)-link$/.exec(readlinkSync(profile))?.[1]) } catch { return undefined }
}

const ok = (r: BinRun): BinRun => {
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  return r
}

/** What the profile's greet prints ("greet 1.0"), or undefined when greet is not installed. */
const greetIn = (profile: string): string | undefined =>
  existsSync(join(profile, "bin/greet")) ? execFileSync(join(profile, "bin/greet"), { encoding: "utf8" }).trim() : undefined

/** The command after "To undo: ", as argv (the paths in these tests need no quoting). */
const undoHint = (r: BinRun): ReadonlyArray<string> => {
  const m = /To undo: ask-nix (.+)$/m.exec(r.stdout)
  if (m === null) throw new Error(`no undo hint in:\n${r.stdout}`)
  return m[1]!.split(" ")
}

describeNix("undo returns to the state before the last change", (nix) => {
  for (const backend of backends) {
    it(`${backend.name}: after an update, the hint, "go back" and "undo my last update" return to before it`, () => {
      const sb = makeSandbox("undo")
      sandboxes.push(sb)
      const file = join(sb.pkgs, "default.nix")
      const ask = (...args: ReadonlyArray<string>) => runBin(nix, sb, ["--profile", sb.profile, "--file", file, ...backend.args, ...args])
      ok(ask("--execute", "install", "hello"))
      ok(ask("--execute", "install", "greet"))
      const before = currentGeneration(sb.profile)!
      sb.setGreetVersion("2.0")
      const update = ok(ask("--execute", "update"))
      const after = currentGeneration(sb.profile)!
      expect(greetIn(sb.profile)).toBe("greet 2.0")
      // The hint names the generation before the update, with the --profile and --file that were given.
      expect(undoHint(update)).toEqual(["--profile", sb.profile, "--file", file, "rollback", "--to", String(before)])

      // "go back" after the update plans a switch to the generation before it, however many it took.
      const dry = ok(ask("the update broke something, go back"))
      expect(dry.stdout).toMatch(after - before > 1 ? new RegExp(backend.switchTo(before)) : /rollback|--switch-generation|--rollback/)
      expect(currentGeneration(sb.profile)).toBe(after)

      const undone = ok(ask("--execute", "undo my last update"))
      expect(currentGeneration(sb.profile)).toBe(before)
      expect(greetIn(sb.profile)).toBe("greet 1.0")
      expect(existsSync(join(sb.profile, "bin/hello"))).toBe(true)

      // After a rollback, the hint goes forward again to where the rollback started.
      const hint = undoHint(undone)
      expect(hint).toEqual(["--profile", sb.profile, "--file", file, "rollback", "--to", String(after)])
      ok(runBin(nix, sb, ["--execute", ...backend.args, ...hint]))
      expect(currentGeneration(sb.profile)).toBe(after)
      expect(greetIn(sb.profile)).toBe("greet 2.0")

      // `undo` undoes that switch: back to before it.
      ok(ask("--execute", "undo"))
      expect(currentGeneration(sb.profile)).toBe(before)
      expect(greetIn(sb.profile)).toBe("greet 1.0")
    })

    it(`${backend.name}: history and undo are per profile; undo elsewhere than the last change needs a yes`, () => {
      const sb = makeSandbox("undo2")
      sandboxes.push(sb)
      const file = join(sb.pkgs, "default.nix")
      const a = sb.profile
      const b = join(sb.dir, "profiles", "other")
      const ask = (profile: string, ...args: ReadonlyArray<string>) => runBin(nix, sb, ["--profile", profile, "--file", file, ...backend.args, ...args])
      ok(ask(a, "--execute", "install", "hello"))
      ok(ask(a, "--execute", "install", "greet"))
      ok(ask(b, "--execute", "install", "hello"))
      ok(ask(b, "--execute", "install", "greet"))

      // --profile A: A's last change, never B's (the last one ask-nix made).
      ok(ask(a, "--execute", "undo"))
      expect(currentGeneration(a)).toBe(1)
      expect(greetIn(a)).toBeUndefined()
      expect(currentGeneration(b)).toBe(2)
      expect(greetIn(b)).toBe("greet 1.0")

      const history = ok(ask(a, "history"))
      expect(history.stdout).toContain(`What ask-nix changed in ${a}`)
      expect(history.stdout).toContain(`2 changes in ${b}`)
      expect(history.stdout.split("\n").filter((l) => /^\s+\d{4}-\d\d-\d\d/.test(l)).length).toBe(3) // A's two installs and the undo

      // The user's own profile (no --profile): ask-nix's last change was in B, so a yes is needed.
      ok(ask(b, "--execute", "install", "slow"))
      const own = (...args: ReadonlyArray<string>) => runBin(nix, sb, ["--file", file, ...backend.args, ...args], { ASK_NIX_PROFILE: a })
      const refused = own("--execute", "undo")
      expect(refused.status).toBe(2)
      expect(refused.stderr + refused.stdout).toMatch(new RegExp(`last change was in another profile, ${b}.*--yes`, "s"))
      expect(currentGeneration(a)).toBe(1)
      expect(currentGeneration(b)).toBe(3)
      ok(own("--execute", "--yes", "undo"))
      expect(currentGeneration(a)).toBe(2) // undoes A's last change (the undo above)
      expect(greetIn(a)).toBe("greet 1.0")
      expect(currentGeneration(b)).toBe(3)
    })
  }
})

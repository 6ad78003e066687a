/**
 * A throwaway place for one live test: a temp folder with a private copy of the test package set
 * (test/fixtures/pkgs) salted so that its derivations are new to the store (a "nothing was built"
 * assertion then means something), and a profile path inside it. Never the user's real profile.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync, existsSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

export const fixturesDir = resolve(__dirname, "../fixtures")
export const pkgsFixture = join(fixturesDir, "pkgs")

export interface Sandbox {
  readonly dir: string
  /** The package set (a folder with default.nix and flake.nix). */
  readonly pkgs: string
  /** `path:` flake reference to the package set. */
  readonly flake: string
  /** The profile (a symlink once the first generation exists). */
  readonly profile: string
  /** Switches the version of the `greet` package (for updates). */
  readonly setGreetVersion: (version: string) => void
  /**
   * From now on, a build of `slow` waits before its first step until `release()` is called (see the
   * fixture's gate.nix): a test holds a build open until it has seen what it waits for.
   */
  readonly holdSlow: () => { readonly release: () => void }
  /** Generation links of the profile, with their targets: byte-identical before/after a dry run. */
  readonly snapshot: () => string
  readonly cleanup: () => void
}

let counter = 0

export const makeSandbox = (label = "t"): Sandbox => {
  const dir = mkdtempSync(join(tmpdir(), `ask-nix-${label}-`))
  const pkgs = join(dir, "pkgs")
  cpSync(pkgsFixture, pkgs, { recursive: true })
  const salt = `${process.pid}-${Date.now()}-${counter++}-${Math.random().toString(36).slice(2)}`
  writeFileSync(join(pkgs, "salt.nix"), JSON.stringify(salt) + "\n")
  const profile = join(dir, "profiles", "profile")
  const profilesDir = join(dir, "profiles")
  mkdirSync(profilesDir, { recursive: true })
  return {
    dir,
    pkgs,
    flake: `path:${pkgs}`,
    profile,
    setGreetVersion: (version) => writeFileSync(join(pkgs, "version.nix"), JSON.stringify(version) + "\n"),
    holdSlow: () => {
      const gate = join(dir, `slow-gate-${counter++}`)
      writeFileSync(gate, "")
      writeFileSync(join(pkgs, "gate.nix"), JSON.stringify(gate) + "\n")
      return { release: () => rmSync(gate, { force: true }) }
    },
    snapshot: () => {
      if (!existsSync(profilesDir)) return ""
      return readdirSync(profilesDir).sort().map((name) => {
        let target = ""
        try { target = readlinkSync(join(profilesDir, name)) } catch { target = "(not a link)" }
        return `${name} -> ${target}`
      }).join("\n")
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * An unfree package of the test set (`nonfree`, refused the way nixpkgs refuses one) on real Nix 2.8
 * and 2.26, both backends, through the shipped binary: without an allowance the plan is refused with
 * what it takes to allow it and nothing changes; with NIXPKGS_ALLOW_UNFREE=1 (or allowUnfree in
 * config.nix for nix-env) it installs, and from a flake ask-nix adds --impure so that Nix sees it.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeAll, expect, it } from "vitest"
import { ensureBuilt, runBin } from "../support/askNixBin.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const sandboxes: Array<Sandbox> = []
afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })
beforeAll(ensureBuilt)

describeNix("unfree packages are refused with advice, or installed when allowed", (nix) => {
  const sources = [
    { name: "nix profile, a file", args: (sb: Sandbox) => ["--backend", "profile", "--file", sb.pkgs], advice: /allowUnfree = true/ },
    { name: "nix profile, a flake", args: (sb: Sandbox) => ["--backend", "profile", "--flake", sb.flake], advice: /NIXPKGS_ALLOW_UNFREE=1 in front .*--impure/ },
    { name: "nix-env, a file", args: (sb: Sandbox) => ["--backend", "nix-env", "--file", sb.pkgs], advice: /allowUnfree = true/ }
  ]
  for (const source of sources) {
    it(`${source.name}: refused without an allowance, installed with NIXPKGS_ALLOW_UNFREE=1`, () => {
      const sb = makeSandbox("unfree")
      sandboxes.push(sb)
      const ask = (env: Record<string, string>, ...args: ReadonlyArray<string>) => runBin(nix, sb, ["--profile", sb.profile, ...source.args(sb), ...args], env)
      for (const args of [["install", "nonfree"], ["--execute", "install", "nonfree"]]) {
        const refused = ask({}, ...args)
        expect(refused.status, refused.stdout).toBe(1)
        expect(refused.stderr).toMatch(/nonfree has an unfree license, so Nix refuses it; nothing was changed/)
        expect(refused.stderr).toMatch(source.advice)
        expect(existsSync(sb.profile)).toBe(false)
      }
      // Allowed: the plan says what the package is and what allows it (the file's or the flake's index knows it).
      const allowed = ask({ NIXPKGS_ALLOW_UNFREE: "1" }, "install", "nonfree")
      expect(allowed.status, allowed.stderr).toBe(0)
      if (!source.name.includes("flake")) expect(allowed.stdout).toContain("nonfree has an unfree license; allowed by NIXPKGS_ALLOW_UNFREE=1")
      const done = ask({ NIXPKGS_ALLOW_UNFREE: "1" }, "--execute", "install", "nonfree")
      expect(done.status, done.stderr).toBe(0)
      expect(existsSync(join(sb.profile, "bin/nonfree"))).toBe(true)
      if (source.name.includes("flake")) expect(done.stdout).toMatch(/profile (install|add) .*--impure/)
    })
  }

  it("nix-env: allowUnfree in ~/.config/nixpkgs/config.nix allows it", () => {
    const sb = makeSandbox("unfree2")
    sandboxes.push(sb)
    mkdirSync(join(sb.dir, ".config/nixpkgs"), { recursive: true })
    writeFileSync(join(sb.dir, ".config/nixpkgs/config.nix"), "{ allowUnfree = true; }\n")
    const done = runBin(nix, sb, ["--profile", sb.profile, "--backend", "nix-env", "--file", sb.pkgs, "--execute", "install", "nonfree"])
    expect(done.status, done.stderr).toBe(0)
    expect(existsSync(join(sb.profile, "bin/nonfree"))).toBe(true)
  })
})

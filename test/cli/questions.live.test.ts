/**
 * Questions read the user's system: "what version of hello do I have" answers from the profile (2.12
 * installed) rather than the package index (2.10), and "is greet installed?" (a package the index does
 * not know) from the profile, without starting Nix at all (PATH has no Nix). Real Nix 2.8 and 2.26
 * make the profiles, of both kinds.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeAll, expect, it } from "vitest"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { META, rec } from "../index/records.js"
import { ensureBuilt, runBin } from "../support/askNixBin.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const sandboxes: Array<Sandbox> = []
afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })
beforeAll(ensureBuilt)

describeNix("questions are answered from the profile", (nix) => {
  for (const backend of ["profile", "nix-env"]) {
    it(`${backend} profile: the installed version and "is it installed", with no Nix on PATH`, () => {
      const sb = makeSandbox("ask")
      sandboxes.push(sb)
      const index = join(sb.dir, "index")
      writeFileSync(index, serializeIndex([
        rec("hello", { version: "2.10", description: "A program that produces a familiar, friendly greeting" }),
        rec("firefox", { version: "73.0" })
      ], META))
      for (const pkg of ["hello", "greet"]) {
        const r = runBin(nix, sb, ["--profile", sb.profile, "--file", join(sb.pkgs, "default.nix"), "--backend", backend, "--execute", "install", pkg])
        expect(r.status, r.stderr).toBe(0)
      }
      // No Nix can be started: whatever answers, answers from the files.
      const ask = (...args: ReadonlyArray<string>) => runBin(nix, sb, ["--profile", sb.profile, "--index", index, ...args], { PATH: "/nonexistent" })

      const version = ask("what version of hello do I have")
      expect(version.status, version.stderr).toBe(0)
      expect(version.stdout).toMatch(/^hello 2\.12$/m)
      expect(version.stdout).toContain("installed: yes, 2.12 (the package index has 2.10)")
      const json = ask("--json", "what version of hello do I have").result!
      expect(json).toMatchObject({ backend: "native", packages: [{ attrPath: "hello", version: "2.10", installed: true, installedVersion: "2.12" }] })

      const greet = ask("--json", "is greet installed?")
      expect(greet.status, greet.stderr).toBe(0)
      expect(greet.result).toMatchObject({ backend: "native", packages: [{ pname: "greet", installed: true, installedVersion: "1.0" }] })
      expect(ask("is greet installed?").stdout).toContain("installed: yes, 1.0")

      // No index at all: still answered from the profile.
      const noIndex = runBin(nix, sb, ["--profile", sb.profile, "--index", join(sb.dir, "none"), "--json", "do I have greet installed"], { PATH: "/nonexistent" })
      expect(noIndex.result).toMatchObject({ ok: true, backend: "native", packages: [{ installed: true, installedVersion: "1.0" }] })

      // Another profile without it: the index answers, "installed: no".
      const other = runBin(nix, sb, ["--profile", join(sb.dir, "profiles", "empty"), "--index", index, "is firefox installed"], { PATH: "/nonexistent" })
      expect(other.status, other.stderr).toBe(0)
      expect(other.stdout).toContain("installed: no")
    })
  }
})

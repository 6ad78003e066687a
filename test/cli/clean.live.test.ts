/**
 * `clean` with a real garbage collection, on real Nix 2.8 and 2.26, both backends, through the shipped
 * binary. A collection in the shared test store would delete what tests running in parallel are still
 * using, so each test gets a store of its own: NIX_STORE_DIR, NIX_STATE_DIR and NIX_LOG_DIR in its
 * sandbox (a separate local store that both Nix versions build into, offline, without a daemon).
 * The preview has a size without a daemon, and the collection says what it freed.
 */
import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeAll, expect, it } from "vitest"
import { ensureBuilt, ownStore, runBin, type BinRun } from "../support/askNixBin.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const sandboxes: Array<Sandbox> = []
afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })
beforeAll(ensureBuilt)

const MiB = 1024 * 1024

describeNix("clean collects garbage in a store of its own", (nix) => {
  for (const backend of ["profile", "nix-env"]) {
    it(`${backend}: the preview has a size without a daemon, and the collection says what it freed`, () => {
      const sb = makeSandbox("clean")
      sandboxes.push(sb)
      const store = ownStore(sb) // runBin's default: a store of the sandbox's own
      const ask = (...args: ReadonlyArray<string>): BinRun => {
        const r = runBin(nix, sb, ["--profile", sb.profile, "--file", sb.pkgs, "--backend", backend, ...args])
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
        return r
      }
      ask("--execute", "install", "hello")
      ask("--execute", "install", "greet")
      ask("--execute", "remove", "greet")
      const greet = readdir(store["NIX_STORE_DIR"]).find((p) => /-greet-1\.0$/.test(p))!
      const hello = readdir(store["NIX_STORE_DIR"]).find((p) => /-hello-2\.12$/.test(p))!
      expect(greet).toBeDefined()
      // 3 MiB that no generation ever used: the collector deletes it too.
      const blob = join(sb.dir, "blob")
      writeFileSync(blob, randomBytes(3 * MiB))
      const added = execFileSync(join(nix.binDir, "nix-store"), ["--add", blob], { env: { ...process.env, ...nix.env, ...store }, encoding: "utf8" }).trim()
      expect(added.startsWith(store["NIX_STORE_DIR"])).toBe(true)

      const preview = ask("--json", "clean")
      const plan = preview.result!
      expect(plan["notes"]).toEqual(expect.arrayContaining([
        expect.stringMatching(/unreachable already\. Collecting garbage deletes every store path that nothing refers to any more, not only those the deleted generations used\./),
        expect.stringMatching(/^Would free 3\.\d MiB \(\d+ store paths, after deleting generations 1, 2; without a Nix daemon, measured with nix path-info --all\)\.$/)
      ]))
      const wouldFree = (plan["preview"] as { wouldFreeBytes: number; deadPaths: number })
      expect(wouldFree.wouldFreeBytes).toBeGreaterThan(3 * MiB)
      expect(existsSync(added)).toBe(true)

      const done = ask("--json", "--execute", "clean")
      const result = done.result as { summary: ReadonlyArray<string>; freedBytes: number; deletedPaths: number }
      expect(result.summary.join("\n")).toMatch(/Freed 3\.\d MiB \(\d+ store paths deleted\)\. Collecting garbage deletes every store path/)
      expect(result.deletedPaths).toBe(wouldFree.deadPaths) // the preview counted exactly what Nix deleted
      expect(Math.abs(result.freedBytes - wouldFree.wouldFreeBytes)).toBeLessThan(0.1 * MiB)
      expect(existsSync(added)).toBe(false)
      expect(existsSync(join(store["NIX_STORE_DIR"], greet))).toBe(false)
      expect(existsSync(join(store["NIX_STORE_DIR"], hello))).toBe(true)
      expect(existsSync(join(sb.profile, "bin/hello"))).toBe(true)
    })
  }
})

const readdir = (dir: string): ReadonlyArray<string> => readdirSync(dir)

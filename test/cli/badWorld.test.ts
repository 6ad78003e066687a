/**
 * The world misbehaving, seen through the shipped binary (from the startup snapshot and without it): a
 * full disk, a `nix` that prints broken JSON, no Nix at all. Each gives a clear message, an honest exit
 * code, and changes nothing.
 */
import { spawnSync } from "node:child_process"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { askNixBin, ensureBuilt, nodeOnlyDir, repoRoot, startModes } from "../support/shippedBinary.js"

const DATA = resolve(repoRoot, "../shared/data/nixpkgs-channel-2020.json.gz")
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)

beforeAll(ensureBuilt)

describe.each(startModes)("$name", (mode) => {
  const askNix = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
    spawnSync(askNixBin, args, {
      encoding: "utf8",
      env: { ...process.env, XDG_STATE_HOME: join(tmpdir(), "ask-nix-badworld-state"), ...mode.env, ...env }
    })

  describe("a full disk", () => {
    // (mounted inside the test, so that a run that leaves the test out leaves no mount behind)
    const canMount = process.getuid?.() === 0
    it.skipIf(!canMount && process.env["ASK_NIX_REQUIRE_NIX"] !== "1")("an index build that runs out of space says so and keeps the old index", () => {
      const mnt = mkdtempSync(join(tmpdir(), "ask-nix-fulldisk-"))
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=200k", "tmpfs", mnt]).status).toBe(0)
      try {
        const small = join(mnt, "small.json")
        writeFileSync(small, JSON.stringify({ hello: { name: "hello-2.10", pname: "hello", version: "2.10", meta: { description: "A greeting" } } }))
        const index = join(mnt, "index")
        expect(askNix(["--index", index, "index", "build", "--from", small]).status).toBe(0)
        const run = askNix(["--index", index, "index", "build", "--from", DATA])
        expect(run.status).toBe(1)
        expect(run.stderr).toMatch(/no space left on device/i)
        noStackTrace(run.stderr)
        const status = askNix(["--index", index, "--json", "index", "status"])
        expect(JSON.parse(status.stdout.trim().split("\n").pop()!).packages).toBe(1)
        expect(readdirSync(mnt).sort()).toEqual(["index", "small.json"]) // no temp file left behind
      } finally {
        if (spawnSync("umount", [mnt]).status === 0) rmSync(mnt, { recursive: true, force: true })
      }
    })
  })

  describe("a nix that misbehaves", () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-fakenix-"))
    const fakeBin = join(dir, "bin")
    beforeAll(() => {
      mkdirSync(fakeBin)
      // Answers --version like Nix 2.26, and prints broken JSON for everything else.
      const script = `#!/bin/sh\ncase "$*" in *--version*) echo "nix (Nix) 2.26.3";; *) echo '{"broken": [1, 2'; exit 0;; esac\n`
      for (const name of ["nix", "nix-env"]) {
        writeFileSync(join(fakeBin, name), script)
        chmodSync(join(fakeBin, name), 0o755)
      }
    })

    it("broken JSON from nix: a clear error, exit 1, nothing changed", () => {
      // A local flake: no network is needed (or checked) before Nix is asked.
      const run = askNix(["--index", join(dir, "no-index"), "--backend", "profile", "--flake", `path:${dir}`, "search", "firefox"], { PATH: `${fakeBin}:${nodeOnlyDir(join(dir, "node"))}:/usr/local/bin:/bin` })
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(/Nix printed something unexpected/)
      noStackTrace(run.stderr)
    })

    it("no Nix at all: the plan is the commands to run yourself, and how to get Nix", () => {
      const env = { PATH: nodeOnlyDir(join(dir, "node")), HOME: dir }
      const dry = askNix(["--profile", join(dir, "p"), "install", "firefox"], env)
      expect(dry.status).toBe(0)
      expect(dry.stdout).toMatch(/nix --extra-experimental-features 'nix-command flakes' profile install/)
      expect(dry.stdout).toMatch(/Nix is not installed/)
      const exec = askNix(["--profile", join(dir, "p"), "--execute", "install", "firefox"], env)
      expect(exec.status).toBe(1)
      expect(exec.stdout).toMatch(/cannot do this itself here/)
      expect(exec.stderr).toMatch(/nix is not installed/)
      noStackTrace(exec.stderr)
      expect(existsSync(join(dir, "p"))).toBe(false)
    })
  })
})

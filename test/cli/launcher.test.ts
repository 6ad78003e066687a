/**
 * bin/ask-nix decides how to start Node: from the startup snapshot only when the `node` on PATH is the
 * executable that made it (and nothing else could make V8 reject it); otherwise as a plain start.
 * Checked with a stand-in `node` that prints how it was called, in a copy of the package layout.
 */
import { spawnSync } from "node:child_process"
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { root } from "../../src/cli/commands.js"
import { optionsOf } from "../../src/cli/grammar.js"
import { restoreLauncherEnvironment } from "../../src/layers/environment.js"
import { readCommands } from "../../src/layers/snapshotWarmUp.js"
import { askNixBin } from "../support/shippedBinary.js"

/** This machine as the launcher sees it. */
const machine = existsSync("/etc/machine-id") ? readFileSync("/etc/machine-id", "utf8").split("\n")[0] : ""

let dir: string
let pkg: string
let node: string

const setUp = () => {
  dir = mkdtempSync(join(tmpdir(), "ask-nix-launcher-"))
  pkg = join(dir, "pkg")
  mkdirSync(join(pkg, "bin"), { recursive: true })
  mkdirSync(join(pkg, "dist"))
  copyFileSync(askNixBin, join(pkg, "bin", "ask-nix"))
  chmodSync(join(pkg, "bin", "ask-nix"), 0o755)
  mkdirSync(join(dir, "fakebin"))
  node = join(dir, "fakebin", "node")
  writeFileSync(node, `#!/bin/sh\nprintf '%s\\n' "$@"\n`)
  chmodSync(node, 0o755)
  const old = new Date(Date.now() - 60_000)
  utimesSync(node, old, old)
  for (const f of ["ask-nix.cjs", "ask-nix.blob"]) writeFileSync(join(pkg, "dist", f), "")
  writeArgs(node)
}
const writeArgs = (builtBy: string, builtOn = machine) =>
  writeFileSync(join(pkg, "dist", "ask-nix.blob.args"), `${builtBy}\n--min-semi-space-size=16\n${builtOn}\n`)

const run = (command: string, args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const r = spawnSync(command, args, { encoding: "utf8", env: { PATH: `${join(dir, "fakebin")}:/usr/bin:/bin`, ...env } })
  expect(r.stderr).toBe("")
  return r.stdout.split("\n").slice(0, -1)
}

const fromSnapshot = (args: ReadonlyArray<string>) =>
  ["--snapshot-blob", `${pkg}/bin/../dist/ask-nix.blob`, "--min-semi-space-size=16", `${pkg}/bin/../dist/ask-nix.cjs`, ...args]
const plain = (args: ReadonlyArray<string>) => [`${pkg}/bin/ask-nix.mjs`, ...args]

describe("bin/ask-nix", () => {
  beforeEach(setUp)
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const args = ["--json", "parse", "it's a  sentence", "-x", ""]

  it("starts from the snapshot made by the node on PATH, passing the arguments untouched", () => {
    expect(run(join(pkg, "bin", "ask-nix"), args)).toEqual(fromSnapshot(args))
  })

  it("finds its package through npm's symlinks (npm link, npm i -g)", () => {
    const prefix = join(dir, "prefix")
    mkdirSync(join(prefix, "bin"), { recursive: true })
    mkdirSync(join(prefix, "lib", "node_modules"), { recursive: true })
    symlinkSync(pkg, join(prefix, "lib", "node_modules", "ask-nix"))
    symlinkSync("../lib/node_modules/ask-nix/bin/ask-nix", join(prefix, "bin", "ask-nix"))
    const via = `${prefix}/bin/../lib/node_modules/ask-nix/bin/../dist`
    expect(run(join(prefix, "bin", "ask-nix"), ["--version"])).toEqual(
      ["--snapshot-blob", `${via}/ask-nix.blob`, "--min-semi-space-size=16", `${via}/ask-nix.cjs`, "--version"]
    )
  })

  it("finds its package when started by name from its own folder (sh ask-nix)", () => {
    const r = spawnSync("sh", ["ask-nix", "--version"], { cwd: join(pkg, "bin"), encoding: "utf8", env: { PATH: `${join(dir, "fakebin")}:/usr/bin:/bin` } })
    expect(r.stdout.split("\n").slice(0, -1)).toEqual(["--snapshot-blob", "./../dist/ask-nix.blob", "--min-semi-space-size=16", "./../dist/ask-nix.cjs", "--version"])
  })

  describe("search and list start from the snapshot warmed up on them (dist/ask-nix-read.blob)", () => {
    const fromRead = (words: ReadonlyArray<string>) =>
      ["--snapshot-blob", `${pkg}/bin/../dist/ask-nix-read.blob`, "--min-semi-space-size=16", `${pkg}/bin/../dist/ask-nix.cjs`, ...words]
    const calls: ReadonlyArray<readonly [ReadonlyArray<string>, boolean]> = [
      [["search", "firefox"], true],
      [["--index", "/tmp/i", "--json", "search", "firefox"], true],
      [["--profile", "list", "--json", "list"], true],
      [["--index=/tmp/i", "-y", "list"], true],
      [["parse", "list"], false],
      [["list my packages please", "--json"], false],
      [["--profile", "list", "parse", "search"], false],
      [["--json", "--", "list"], false],
      [["install", "search"], false],
      [["--help"], false],
      [[], false]
    ]
    it.each(calls.map(([words, read]) => [words.join(" "), words, read] as const))("%s", (_, words, read) => {
      writeFileSync(join(pkg, "dist", "ask-nix-read.blob"), "")
      expect(run(join(pkg, "bin", "ask-nix"), words)).toEqual(read ? fromRead(words) : fromSnapshot(words))
    })

    it("and from the whole snapshot when there is no read snapshot", () => {
      expect(run(join(pkg, "bin", "ask-nix"), ["--json", "search", "firefox"])).toEqual(fromSnapshot(["--json", "search", "firefox"]))
    })

    it("the launcher's commands are the read snapshot's, and its options with a value are the root's", () => {
      const launcher = readFileSync(askNixBin, "utf8")
      expect(launcher).toContain(`        ${readCommands.join("|")}) [ -f`)
      const valued = optionsOf(root.descriptor).filter((o) => o.value._tag !== "flag").map((o) => o.names.find((n) => n.startsWith("--")))
      expect(launcher).toContain(`        ${valued.join("|")}) value=1 ;;`)
    })
  })

  it("runs plain when there is no snapshot", () => {
    rmSync(join(pkg, "dist", "ask-nix.blob"))
    expect(run(join(pkg, "bin", "ask-nix"), args)).toEqual(plain(args))
  })

  it("runs plain when the snapshot does not say which node made it", () => {
    rmSync(join(pkg, "dist", "ask-nix.blob.args"))
    expect(run(join(pkg, "bin", "ask-nix"), args)).toEqual(plain(args))
  })

  it("runs plain when another node made the snapshot", () => {
    writeArgs(process.execPath)
    expect(run(join(pkg, "bin", "ask-nix"), args)).toEqual(plain(args))
  })

  it("runs plain when another machine made the snapshot (a home folder shared by machines with other CPUs)", () => {
    writeArgs(node, "another-machine")
    expect(run(join(pkg, "bin", "ask-nix"), args)).toEqual(plain(args))
  })

  it("runs plain when node was replaced in place after the snapshot was made", () => {
    const now = new Date(Date.now() + 60_000)
    utimesSync(node, now, now)
    expect(run(join(pkg, "bin", "ask-nix"), args)).toEqual(plain(args))
  })

  it("tunes glibc's malloc for the Node it starts, keeping the user's GLIBC_TUNABLES for the program to give back", () => {
    writeFileSync(node, `#!/bin/sh\nprintf '%s\\n' "GLIBC_TUNABLES=$GLIBC_TUNABLES" "ASK_NIX_GLIBC_TUNABLES=\${ASK_NIX_GLIBC_TUNABLES-unset}"\n`)
    const tuned = "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432"
    expect(run(join(pkg, "bin", "ask-nix"), ["--version"])).toEqual([`GLIBC_TUNABLES=${tuned}`, "ASK_NIX_GLIBC_TUNABLES="])
    expect(run(join(pkg, "bin", "ask-nix"), ["--version"], { GLIBC_TUNABLES: "glibc.pthread.rseq=0" })).toEqual(
      [`GLIBC_TUNABLES=glibc.pthread.rseq=0:${tuned}`, "ASK_NIX_GLIBC_TUNABLES=glibc.pthread.rseq=0"]
    )
    rmSync(join(pkg, "dist", "ask-nix.blob"))
    expect(run(join(pkg, "bin", "ask-nix"), ["--version"])).toEqual([`GLIBC_TUNABLES=${tuned}`, "ASK_NIX_GLIBC_TUNABLES="])
  })

  it("runs plain under NODE_OPTIONS (its V8 flags would make V8 reject the snapshot) or ASK_NIX_SNAPSHOT=0", () => {
    expect(run(join(pkg, "bin", "ask-nix"), args, { NODE_OPTIONS: "--max-old-space-size=4096" })).toEqual(plain(args))
    expect(run(join(pkg, "bin", "ask-nix"), args, { ASK_NIX_SNAPSHOT: "0" })).toEqual(plain(args))
  })
})

describe("the environment bin/ask-nix hands over", () => {
  it("is given back as the user had it: their GLIBC_TUNABLES, or none", () => {
    const theirs: NodeJS.ProcessEnv = { GLIBC_TUNABLES: "glibc.pthread.rseq=0:glibc.malloc.hugetlb=1", ASK_NIX_GLIBC_TUNABLES: "glibc.pthread.rseq=0", PATH: "/bin" }
    restoreLauncherEnvironment(theirs)
    expect(theirs).toEqual({ GLIBC_TUNABLES: "glibc.pthread.rseq=0", PATH: "/bin" })
    const none: NodeJS.ProcessEnv = { GLIBC_TUNABLES: "glibc.malloc.hugetlb=1", ASK_NIX_GLIBC_TUNABLES: "", PATH: "/bin" }
    restoreLauncherEnvironment(none)
    expect(none).toEqual({ PATH: "/bin" })
  })

  it("is left alone when Node was started some other way (node bin/ask-nix.mjs)", () => {
    const env: NodeJS.ProcessEnv = { GLIBC_TUNABLES: "glibc.malloc.hugetlb=1", PATH: "/bin" }
    restoreLauncherEnvironment(env)
    expect(env).toEqual({ GLIBC_TUNABLES: "glibc.malloc.hugetlb=1", PATH: "/bin" })
  })
})

// The configuration intents through the whole pipeline (the shipped composition root over the test
// world: in-memory Nix, a stand-in evaluator that reads the files' literal values), on a NixOS root in a
// temp folder whose configuration.nix is the generated 19.09 template, with the real options data.
// What is checked: the plan (write + rebuild, the diff, the proof), that a dry run writes nothing,
// --execute --edit-only writes and "undo that" restores byte for byte, typed and said requests agree,
// and the bad cases: wrong type, unknown option, a file that does not parse, a read-only file.
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect } from "vitest"
import { makeMockEnv, runAskNix } from "../app/mockEnv.js"
import { fixtureDir } from "../support/configFixtures.js"
import { optionsDataFile } from "../support/optionsData.js"
import { makeNixosRoot } from "../system/support/nixosRoot.js"

const index = join(mkdtempSync(join(tmpdir(), "ask-nix-config-index-")), "index")
const packages = join(tmpdir(), "ask-nix-config-empty-packages.json")

beforeAll(async () => {
  writeFileSync(packages, JSON.stringify({ hello: { name: "hello-2.10", pname: "hello", version: "2.10", system: "x86_64-linux", outputName: "out", outputs: { out: null }, meta: {} } }))
  const { env } = makeMockEnv()
  const built = await Effect.runPromise(runAskNix(env, [
    "--index", index, "index", "build", "--from", packages,
    "--options", optionsDataFile("nixos"), "--home-options", optionsDataFile("home")
  ]))
  if (built.code !== 0) throw new Error(`index build failed: ${built.stderr}`)
}, 120_000)

/** A NixOS root whose configuration.nix is the generated 19.09 template. */
const nixosRoot = () => {
  const root = makeNixosRoot()
  for (const f of ["configuration.nix", "hardware-configuration.nix"]) {
    copyFileSync(join(fixtureDir("nixos/template"), f), join(root, "etc/nixos", f))
  }
  return { root, file: join(root, "etc/nixos/configuration.nix") }
}

describe("configuration intents through the pipeline", () => {
  it.effect("'enable ssh' and 'configure services.openssh.enable true' plan the same edit; a dry run writes nothing", () =>
    Effect.gen(function*() {
      const { env, state } = makeMockEnv()
      const { root, file } = nixosRoot()
      const before = readFileSync(file, "utf8")
      const said = yield* runAskNix(env, ["--index", index, "--root", root, "--json", "enable ssh"])
      const typed = yield* runAskNix(env, ["--index", index, "--root", root, "--json", "configure", "services.openssh.enable", "true"])
      expect(said.code).toBe(0)
      expect(said.last).toMatchObject({ ok: true, intent: "configure", backend: "system", scope: "system", dryRun: true })
      expect(said.last["plan"][0]).toMatchObject({ write: file, mutating: true })
      expect(said.last["preview"]["settings"]).toEqual([{ option: "services.openssh.enable", value: "true" }])
      expect(said.last["preview"]["diff"]).toContain("-  # services.openssh.enable = true;\n+  services.openssh.enable = true;")
      expect(typed.last["preview"]["diff"]).toBe(said.last["preview"]["diff"])
      expect(readFileSync(file, "utf8")).toBe(before)
      expect(state.mutatingCalls()).toEqual([])
    }))

  it.effect("--execute --edit-only writes the file (a backup kept) without rebuilding; 'undo that' puts it back byte for byte", () =>
    Effect.gen(function*() {
      const { env, state } = makeMockEnv()
      const { root, file } = nixosRoot()
      const before = readFileSync(file)
      const run = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "--edit-only", "set the time zone to Europe/Paris"])
      expect(run.code, run.stderr).toBe(0)
      expect(readFileSync(file, "utf8")).toContain("  time.timeZone = \"Europe/Paris\";\n")
      expect(readFileSync(file, "utf8")).not.toContain("# time.timeZone")
      expect(run.stdout).toContain("Not applied yet (--edit-only)")
      expect(state.mutatingCalls()).toEqual([])
      const undo = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "undo that"])
      expect(undo.code, undo.stderr).toBe(0)
      expect(undo.stdout).toContain("byte for byte")
      expect(readFileSync(file).equals(before)).toBe(true)
    }))

  it.effect("a rebuild that fails after the file was written: the edit is said, recorded, and 'undo that' puts this file back", () =>
    Effect.gen(function*() {
      const { env, history } = makeMockEnv({ nix: { failing: [{ argv: ["nixos-rebuild"], stderr: "error: boom" }, { argv: ["sudo", "nixos-rebuild"], stderr: "error: boom" }] } })
      const { root, file } = nixosRoot()
      const before = readFileSync(file)
      const run = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "--yes", "set the time zone to Europe/Paris"])
      expect(run.code).not.toBe(0)
      expect(readFileSync(file, "utf8")).toContain("  time.timeZone = \"Europe/Paris\";\n")
      expect(run.stderr).toContain(`${file} was written before the rebuild failed, so it holds the edit (the old file is kept at `)
      expect(history.at(-1)?.writes?.map((w) => w.path)).toEqual([file])
      const undo = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "undo that"])
      expect(undo.code, undo.stderr).toBe(0)
      expect(readFileSync(file).equals(before)).toBe(true)
    }))

  it.effect("'for my user': the packages of the user's own account (users.users.$USER.packages), not the system's", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv({ env: { USER: "alice" } })
      const root = makeNixosRoot()
      const file = join(root, "etc/nixos/configuration.nix")
      copyFileSync(join(fixtureDir("nixos/users"), "configuration.nix"), file)
      const added = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "--edit-only", "add vlc to configuration.nix for my user"])
      expect(added.code, added.stderr).toBe(0)
      expect(readFileSync(file, "utf8")).toContain("    packages = with pkgs; [\n      firefox\n      thunderbird\n      vlc\n    ];\n")
      expect(readFileSync(file, "utf8")).toContain("  environment.systemPackages = [ pkgs.vim ];\n")
      const removed = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "--edit-only", "--system", "remove thunderbird from my user's packages"])
      expect(removed.code, removed.stderr).toBe(0)
      expect(readFileSync(file, "utf8")).toContain("    packages = with pkgs; [\n      firefox\n      vlc\n    ];\n")
      const carol = yield* runAskNix(makeMockEnv({ env: { USER: "carol" } }).env, ["--index", index, "--root", root, "--system", "install vlc for my user"])
      expect(carol.code).toBe(1)
      expect(carol.stderr).toContain("users.users.carol is not defined")
    }))

  it.effect("add / remove packages in configuration.nix", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv()
      const { root, file } = nixosRoot()
      const added = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "--edit-only", "add firefox and git to my configuration.nix"])
      expect(added.code).toBe(0)
      expect(readFileSync(file, "utf8")).toContain("  environment.systemPackages = with pkgs; [\n    firefox\n    git\n  ];\n")
      const removed = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "--edit-only", "--system", "remove git"])
      expect(removed.code).toBe(0)
      expect(readFileSync(file, "utf8")).toContain("  environment.systemPackages = with pkgs; [\n    firefox\n  ];\n")
      const missing = yield* runAskNix(env, ["--index", index, "--root", root, "--system", "remove vlc"])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain("\"vlc\" is not in environment.systemPackages")
    }))

  it.effect("refused, with nothing written: a value of the wrong type, an option that does not exist, a file that does not parse", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv()
      const { root, file } = nixosRoot()
      const before = readFileSync(file, "utf8")
      const wrongType = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "set the time zone to 42"])
      expect(wrongType.code).toBe(2)
      expect(wrongType.stderr).toContain("time.timeZone is null or string without spaces; 42 is not (42 is a number, and it takes text)")
      const unknown = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "configure", "hardware.bluetoth.enable", "true"])
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain("Did you mean: hardware.bluetooth.enable?")
      const misspelt = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "enable bluetoth"])
      expect(misspelt.code).toBe(2)
      expect(misspelt.stderr).toContain("No NixOS option fits \"enable bluetoth\". Did you mean: hardware.bluetooth.enable?")
      expect(readFileSync(file, "utf8")).toBe(before)
      const broken = readFileSync(join(fixtureDir("bad/syntax"), "configuration.nix"), "utf8")
      writeFileSync(file, broken)
      const bad = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "enable bluetooth"])
      expect(bad.code).toBe(1)
      expect(bad.stderr).toContain(`${file}:5:30: syntax error, unexpected '='`)
      expect(readFileSync(file, "utf8")).toBe(broken)
    }))

  it.effect("a configuration file the user cannot write: refused before anything changes, saying why", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv()
      const { root, file } = nixosRoot()
      const before = readFileSync(file, "utf8")
      const release = readOnly(join(root, "etc/nixos"))
      try {
        const run = yield* runAskNix(env, ["--index", index, "--root", root, "--execute", "enable bluetooth"])
        expect(run.code).toBe(1)
        expect(run.stderr).toContain("you cannot write it")
        expect(run.stderr).toContain("sudo")
        // said before the configuration is evaluated (seconds on a real system), not after
        expect(run.stdout).not.toContain("Checked by evaluating")
      } finally {
        release()
      }
      expect(readFileSync(file, "utf8")).toBe(before)
    }))

  it.effect("option questions: a list with types and defaults, one option in full, --json with an options array", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv()
      const { root } = nixosRoot()
      const list = yield* runAskNix(env, ["--index", index, "--root", root, "which option enables bluetooth"])
      expect(list.code).toBe(0)
      expect(list.stdout).toContain("hardware.bluetooth.enable  (boolean, default false")
      const one = yield* runAskNix(env, ["--index", index, "--root", root, "--json", "option", "time.timeZone"])
      expect(one.last).toMatchObject({ ok: true, intent: "option", backend: "options", scope: "nixos" })
      expect(one.last["options"][0]).toMatchObject({ name: "time.timeZone", type: "null or string without spaces", default: "null", current: null })
      const home = yield* runAskNix(env, ["--index", index, "--root", root, "--home", "--json", "option", "git", "user", "name"])
      expect(home.last["options"][0]["name"]).toBe("programs.git.userName")
      const typo = yield* runAskNix(env, ["--index", index, "--root", root, "option", "services.opensh.enable"])
      expect(typo.code).toBe(2)
      expect(typo.stderr).toContain("Did you mean: services.openssh.enable?")
    }))
})

/** Makes a folder unwritable for this process (a read-only bind mount when running as root, who ignores modes). */
const readOnly = (dir: string): (() => void) => {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555)
    for (const f of ["configuration.nix", "hardware-configuration.nix"]) chmodSync(join(dir, f), 0o444)
    return () => chmodSync(dir, 0o755)
  }
  mkdirSync(dir, { recursive: true })
  execFileSync("mount", ["--bind", dir, dir])
  execFileSync("mount", ["-o", "remount,ro,bind", dir])
  return () => execFileSync("umount", [dir])
}

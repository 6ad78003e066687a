/**
 * The configuration requests through the shipped binary (bin/ask-nix) on real Nix 2.8 and 2.26, with
 * the 19.09 trees in NIX_PATH and a NixOS root (--root) whose configuration.nix is the generated 19.09
 * template: what a person on NixOS types, checked on the file itself and by Nix's own evaluation.
 */
import { spawn } from "node:child_process"
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, expect, it } from "vitest"
import { fixtureDir } from "../support/configFixtures.js"
import { describeNix } from "../support/describeNix.js"
import { nixosTrees } from "../support/nixosTrees.js"
import { optionsDataFile } from "../support/optionsData.js"
import { askNixBin, ensureBuilt } from "../support/shippedBinary.js"
import { makeNixosRoot } from "../system/support/nixosRoot.js"

const minutes = 5 * 60_000

describeNix("configuration requests through bin/ask-nix", (nix) => {
  let home: string
  const index = () => join(home, "index", "index")
  /** Runs the binary without blocking the worker (a blocked worker misses vitest's calls for minutes). */
  const run = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}) =>
    new Promise<{ readonly status: number | null; readonly stdout: string; readonly stderr: string }>((done, failed) => {
      const child = spawn(askNixBin, ["--index", index(), ...args], {
        timeout: minutes,
        env: {
          ...process.env, ...nix.env, PATH: `${nix.binDir}:${dirname(process.execPath)}:${process.env["PATH"]}`,
          HOME: home, XDG_STATE_HOME: join(home, "state"), XDG_CACHE_HOME: join(home, "cache"), XDG_CONFIG_HOME: join(home, "config"),
          NIX_PATH: nixosTrees().nixPath, USER: "alice", ...env
        }
      })
      let stdout = ""
      let stderr = ""
      child.stdout.on("data", (d: Buffer) => { stdout += d.toString() })
      child.stderr.on("data", (d: Buffer) => { stderr += d.toString() })
      child.on("error", failed)
      child.on("close", (status) => done({ status, stdout, stderr }))
    })
  /** A NixOS root whose configuration.nix is the 19.09 template (or `text`). */
  const root = (text?: string) => {
    const r = makeNixosRoot()
    for (const f of ["configuration.nix", "hardware-configuration.nix"]) copyFileSync(join(fixtureDir("nixos/template"), f), join(r, "etc/nixos", f))
    if (text !== undefined) writeFileSync(join(r, "etc/nixos/configuration.nix"), text)
    return { root: r, file: join(r, "etc/nixos/configuration.nix") }
  }

  beforeAll(async () => {
    ensureBuilt()
    home = mkdtempSync(join(tmpdir(), "ask-nix-config-bin-"))
    const packages = join(home, "packages.json")
    writeFileSync(packages, JSON.stringify({ hello: { name: "hello-2.10", pname: "hello", version: "2.10", system: "x86_64-linux", outputName: "out", outputs: { out: null }, meta: {} } }))
    const built = await run(["index", "build", "--from", packages, "--options", optionsDataFile("nixos"), "--home-options", optionsDataFile("home")])
    if (built.status !== 0) throw new Error(`index build failed: ${built.stderr}`)
  }, minutes)
  afterAll(() => rmSync(home, { recursive: true, force: true }))

  it("'enable bluetooth': the dry run shows the diff and bluez added; --execute --edit-only writes; 'undo that' puts it back byte for byte", async () => {
    const { root: r, file } = root()
    const before = readFileSync(file)
    const dry = await run(["--root", r, "enable bluetooth"])
    expect(dry.status, dry.stderr).toBe(0)
    expect(dry.stdout).toContain("+  hardware.bluetooth.enable = true;")
    expect(dry.stdout).toMatch(/Checked by evaluating the edited configuration \([\d.]+ s\): hardware\.bluetooth\.enable = true\./)
    expect(dry.stdout).toMatch(/What changes in the system \([\d.]+ s, nothing built\): .*\+ bluez 5\.50/)
    expect(readFileSync(file).equals(before)).toBe(true)
    const done = await run(["--root", r, "--execute", "--edit-only", "enable bluetooth"])
    expect(done.status, done.stderr).toBe(0)
    expect(readFileSync(file, "utf8")).toContain("\n  hardware.bluetooth.enable = true;\n")
    const undo = await run(["--root", r, "--execute", "undo that"])
    expect(undo.status, undo.stderr).toBe(0)
    expect(readFileSync(file).equals(before)).toBe(true)
  }, minutes)

  it("--execute never writes a file that does not evaluate, even when the option asked for does: Nix's file and line are shown", async () => {
    const text = "{ config, pkgs, ... }:\n{\n  fileSystems.\"/\".device = \"/dev/sda1\";\n  boot.loader.grub.device = \"/dev/sda\";\n  environment.systemPackages = with pkgs; [ git notARealPackage ];\n}\n"
    const { root: r, file } = root(text)
    const run1 = await run(["--root", r, "--execute", "--edit-only", "enable bluetooth"])
    expect(run1.status).toBe(1)
    expect(run1.stderr).toContain("undefined variable 'notARealPackage'")
    expect(run1.stderr).toContain(`${file}:5`)
    expect(readFileSync(file, "utf8")).toBe(text)
  }, minutes)

  it("'add vlc to configuration.nix for my user' adds it to users.users.alice.packages, proven by evaluation", async () => {
    const text = "{ config, pkgs, ... }:\n{\n  imports = [ ./hardware-configuration.nix ];\n  boot.loader.grub.device = \"/dev/sda\";\n  users.users.alice.isNormalUser = true;\n  environment.systemPackages = [ pkgs.git ];\n}\n"
    const { root: r, file } = root(text)
    const done = await run(["--root", r, "--execute", "--edit-only", "add vlc to configuration.nix for my user"])
    expect(done.status, done.stderr).toBe(0)
    expect(done.stdout).toContain("users.users.alice.packages holds vlc-3.0.8")
    expect(readFileSync(file, "utf8")).toContain("  users.users.alice.packages = with pkgs; [\n    vlc\n  ];\n")
    expect(readFileSync(file, "utf8")).toContain("  environment.systemPackages = [ pkgs.git ];\n")
  }, minutes)

  it("misspelt verbs ('enabel bluetooth', 'collect garbige every week') are read as the settings, said, and proven by evaluation", async () => {
    const { root: r, file } = root()
    const dry = await run(["--root", r, "enabel bluetooth"])
    expect(dry.status, dry.stderr).toBe(0)
    expect(dry.stdout + dry.stderr).toContain('(read "enabel" as "enable")')
    expect(dry.stdout).toMatch(/Checked by evaluating the edited configuration \([\d.]+ s\): hardware\.bluetooth\.enable = true\./)
    const done = await run(["--root", r, "--execute", "--edit-only", "collect garbige every week"])
    expect(done.status, done.stderr).toBe(0)
    expect(done.stdout + done.stderr).toContain('(read "garbige" as "garbage")')
    expect(done.stdout).toContain('nix.gc.automatic = true; nix.gc.dates = "weekly"')
    expect(readFileSync(file, "utf8")).toContain('  nix.gc.automatic = true;\n  nix.gc.dates = "weekly";\n')
  }, minutes)

  it("a system flake: its module is evaluated with the flake's nixpkgs input from flake.lock, NIX_PATH's <nixpkgs> not being nixpkgs", async () => {
    const { root: r, file } = root()
    const trees = nixosTrees()
    writeFileSync(join(r, "etc/nixos/flake.nix"), `{\n  inputs.nixpkgs.url = "path:${trees.nixpkgs}";\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.kestrel = nixpkgs.lib.nixosSystem { system = "x86_64-linux"; modules = [ ./configuration.nix ]; };\n  };\n}\n`)
    writeFileSync(join(r, "etc/nixos/flake.lock"), JSON.stringify({
      nodes: { nixpkgs: { locked: { type: "path", path: trees.nixpkgs, lastModified: 1577836800 }, original: { type: "path", path: trees.nixpkgs } }, root: { inputs: { nixpkgs: "nixpkgs" } } },
      root: "root", version: 7
    }))
    const notNixpkgs = mkdtempSync(join(tmpdir(), "ask-nix-not-nixpkgs-"))
    const dry = await run(["--root", r, "--json", "enable bluetooth"], { NIX_PATH: `nixpkgs=${notNixpkgs}` })
    expect(dry.status, dry.stderr).toBe(0)
    const last = JSON.parse(dry.stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop() ?? "{}")
    expect(last.preview.configFile).toBe(file)
    expect(last.preview.checked).toEqual(["hardware.bluetooth.enable = true"])
    expect(last.preview.packages.added.map((p: { name: string }) => p.name)).toContain("bluez")
    expect(last.notes.join(" ")).toContain(`<nixpkgs> is the flake's nixpkgs input (path:${trees.nixpkgs}: ${trees.nixpkgs})`)
  }, minutes)

  it("a misspelt setting and a value of the wrong type are refused before any evaluation, the file unchanged", async () => {
    const { root: r, file } = root()
    const before = readFileSync(file, "utf8")
    const typo = await run(["--root", r, "--execute", "enable bluetoth"])
    expect(typo.status).toBe(2)
    expect(typo.stderr).toContain("Did you mean: hardware.bluetooth.enable?")
    const wrong = await run(["--root", r, "--execute", "set the time zone to 42"])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain("42 is a number, and it takes text")
    expect(readFileSync(file, "utf8")).toBe(before)
  }, minutes)
})

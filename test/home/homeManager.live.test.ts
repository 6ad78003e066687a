/**
 * home-manager through the shipped binary: real generation links in a temp profile folder, stand-in
 * `home-manager`, `activate` and `nixos-rebuild` scripts that record their calls and move the links as
 * the real ones do, and, where a build would be needed, evaluation only: home.nix and NixOS
 * configurations evaluated against the real 19.09 nixpkgs and home-manager trees on Nix 2.8 and 2.26.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import { join, resolve } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import type { NixInstall } from "../support/nixInstalls.js"
import { haveTrees, nixosTrees } from "../support/nixosTrees.js"
import { makeNixosRoot } from "../system/support/nixosRoot.js"
import { type HomeUser, makeHomeUser } from "./support/homeUser.js"

const root = resolve(__dirname, "../..")
const bin = join(root, "bin/ask-nix.mjs")

beforeAll(() => {
  if (!fs.existsSync(join(root, "dist/ask-nix.cjs"))) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" })
})

const askNix = (u: HomeUser, args: ReadonlyArray<string>, o: { readonly nix?: NixInstall; readonly env?: Record<string, string> } = {}) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: u.home, encoding: "utf8",
    env: {
      ...process.env, ...o.nix?.env, ...u.env,
      PATH: [u.bin, o.nix?.binDir, process.env["PATH"]].filter((p) => p !== undefined).join(":"),
      ...o.env
    }
  })
  const lines = r.stdout.split("\n").filter((l) => l.startsWith("{"))
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, last: lines.length > 0 ? JSON.parse(lines[lines.length - 1]!) : undefined }
}

describe("home-manager generations and rollback (standalone, stand-in home-manager)", () => {
  it("lists the generations from the links: numbers, dates, store paths, the current one, what changed", () => {
    const u = makeHomeUser({ tools: ["home-manager"] })
    const r = askNix(u, ["--json", "list my home-manager generations"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.last).toMatchObject({ intent: "generations", backend: "home-manager", profile: join(u.profiles, "home-manager") })
    expect(r.last.generations).toEqual([
      { number: 3, date: "2020-02-12T09:33:20.000Z", current: false, label: u.generation(3) },
      { number: 4, date: "2020-02-13T13:20:00.000Z", current: false, label: u.generation(4) },
      { number: 5, date: "2020-02-14T17:06:40.000Z", current: true, label: u.generation(5) }
    ])
    expect(r.last.diffs[1]).toEqual({ from: 4, to: 5, added: [{ name: "ripgrep", version: "11.0.2" }], removed: [{ name: "htop", version: "2.2.0" }], changed: [] })
    const typed = askNix(u, ["--home", "generations"])
    expect(typed.code, typed.stderr).toBe(0)
    expect(typed.stdout).toContain("Understood: list generations (home-manager)")
    expect(typed.stdout).toMatch(/ {4}5 {3}2020-02-14 17:06:40 {3}\S+-home-manager-generation {3}\(current\)/)
    expect(u.calls()).toEqual([])
  })

  it("roll back: the plan runs the previous generation's activate; the dry run changes nothing; --execute activates it as a new generation", () => {
    const u = makeHomeUser({ tools: ["home-manager"] })
    const before = u.snapshot()
    const dry = askNix(u, ["--json", "roll back home-manager"])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.last.plan).toEqual([{ backend: "home-manager", argv: [`${u.generation(4)}/activate`], mutating: true, description: "activate home-manager generation 4 (2020-02-13)" }])
    expect(dry.last.notes).toContain("Going to generation 4 changes: + htop 2.2.0; - ripgrep 11.0.2.")
    expect(u.snapshot()).toBe(before)
    expect(u.calls()).toEqual([])

    const done = askNix(u, ["--execute", "roll back home-manager"])
    expect(done.code, done.stderr).toBe(0)
    expect(u.calls()).toEqual([["activate", u.home, u.generation(4)]])
    expect(u.current()).toBe(6)
    expect(fs.readlinkSync(join(u.profiles, "home-manager-6-link"))).toBe(u.generation(4))
    expect(done.stdout).toContain("home-manager is now on generation 6 with generation 4's configuration (was 5).")
  })

  it("roll back to a generation by number or by steps; errors when there is none", () => {
    const u = makeHomeUser({ tools: ["home-manager"] })
    expect(askNix(u, ["--json", "go back two home-manager generations"]).last.plan[0].argv).toEqual([`${u.generation(3)}/activate`])
    expect(askNix(u, ["--json", "--home", "rollback", "--to", "3"]).last.plan[0].argv).toEqual([`${u.generation(3)}/activate`])
    const none = askNix(u, ["--home", "rollback", "--to", "9"])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain("There is no generation 9. Available: 3, 4, 5.")
    const first = makeHomeUser({ tools: ["home-manager"], generations: [{ number: 1, date: 1581500000, packages: [] }] })
    const r = askNix(first, ["roll back home-manager"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("has no earlier generation to roll back to")
  })

  it("home-manager set up nowhere: exit 1 and what was looked at", () => {
    const u = makeHomeUser({ generations: [] })
    const r = askNix(u, ["roll back home-manager"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("home-manager is not set up for alice")
    expect(r.stderr).toContain(`${join(u.stateHome, "nix/profiles/home-manager")}: missing`)
  })

  it("--user and --system keep their meaning: a home-manager request with --user acts on the user's profile", () => {
    const u = makeHomeUser({ tools: ["home-manager"] })
    const r = askNix(u, ["--json", "--user", "list my home-manager generations"])
    expect(r.last).toMatchObject({ intent: "generations", profile: join(u.home, ".nix-profile"), generations: [] })
    expect(r.last.backend).not.toBe("home-manager")
  })
})

const pkgsHome = (packages: string) => `{ pkgs, ... }:\n{\n  home.packages = with pkgs; [ ${packages} ];\n  manual.manpages.enable = false;\n}\n`

describeNix("home-manager with the real 19.09 trees (evaluation only)", (nix) => {
  const trees = haveTrees() ? nixosTrees() : undefined
  const env = () => ({ NIX_PATH: trees?.nixPath ?? "" })

  it("switch: the dry run evaluates home.nix and compares with the current generation; --execute runs home-manager switch", () => {
    const u = makeHomeUser({ tools: ["home-manager"], homeNix: pkgsHome("hello ripgrep"), nextPackages: ["hello-2.10", "ripgrep-11.0.2"] })
    const before = u.snapshot()
    const dry = askNix(u, ["--json", "apply my home.nix"], { nix, env: env() })
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.last.plan).toEqual([{ backend: "home-manager", argv: ["home-manager", "switch"], mutating: true, description: "build the home-manager configuration and activate it (a new generation)" }])
    expect(dry.last.notes).toContain("home.packages (evaluated, nothing built): man-db-2.8.6.1, hm-session-vars.sh, hello-2.10, ripgrep-11.0.2.")
    expect(dry.last.preview.diff.removed).toEqual([{ name: "jq", version: "1.6" }])
    expect(dry.last.preview.diff.changed).toEqual([])
    expect(u.calls()).toEqual([])
    expect(u.snapshot()).toBe(before)

    const done = askNix(u, ["--execute", "switch home-manager"], { nix, env: env() })
    expect(done.code, done.stderr).toBe(0)
    expect(u.calls().map((c) => c[0] === "activate" ? ["activate"] : c.slice(2))).toEqual([["switch"], ["activate"]])
    expect(u.current()).toBe(6)
    expect(done.stdout).toContain("home-manager is now on generation 6 (was 5).")
  })

  it("--root: the home.nix under the root is the one found, evaluated and edited (not $HOME's)", () => {
    const u = makeHomeUser({ tools: ["home-manager"], homeNix: pkgsHome("hello") })
    const nixos = makeNixosRoot()
    const rooted = join(nixos, u.configHome, "nixpkgs/home.nix")
    fs.mkdirSync(join(rooted, ".."), { recursive: true })
    fs.writeFileSync(rooted, pkgsHome("ripgrep"))
    const dry = askNix(u, ["--json", "--root", nixos, "--home", "add jq to my home packages"], { nix, env: env() })
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.last.preview.configFile).toBe(rooted)
    expect(dry.last.preview.checked).toEqual(["home.packages holds jq-1.6"])
    expect(dry.last.preview.packages.added).toContainEqual({ name: "jq", version: "1.6" })
    const done = askNix(u, ["--json", "--root", nixos, "--home", "--execute", "--edit-only", "add jq to my home packages"], { nix, env: env() })
    expect(done.code, done.stderr).toBe(0)
    expect(fs.readFileSync(rooted, "utf8")).toContain("ripgrep jq")
    expect(fs.readFileSync(join(u.configHome, "nixpkgs/home.nix"), "utf8")).toBe(pkgsHome("hello"))
  }, 300_000)

  it("a home.nix that does not evaluate: exit 1 with Nix's file and line; home-manager is never started", () => {
    const u = makeHomeUser({ tools: ["home-manager"], homeNix: pkgsHome("hello nosuchpackage-at-all") })
    const r = askNix(u, ["--execute", "switch home-manager"], { nix, env: env() })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${join(u.configHome, "nixpkgs/home.nix")} does not evaluate, so home-manager switch would fail`)
    expect(r.stderr).toMatch(/nosuchpackage-at-all/)
    expect(u.calls()).toEqual([])
  })

  it("as a NixOS module (the system configuration sets home-manager.users.alice, evaluated): applying home.nix is a nixos-rebuild", () => {
    const u = makeHomeUser({ tools: ["nixos-rebuild"] })
    const nixos = makeNixosRoot()
    fs.writeFileSync(join(nixos, "etc/nixos/configuration.nix"), [
      "{ config, pkgs, ... }:",
      "{",
      "  imports = [ <home-manager/nixos> ];",
      "  users.users.alice.isNormalUser = true;",
      "  home-manager.users.alice = { pkgs, ... }: { home.packages = [ pkgs.hello ]; manual.manpages.enable = false; };",
      "}",
      ""
    ].join("\n"))
    const r = askNix(u, ["--json", "--root", nixos, "apply my home.nix"], { nix, env: { ...env(), FAKE_NIXOS_ROOT: nixos } })
    expect(r.code, r.stderr).toBe(0)
    expect(r.last.backend).toBe("home-manager")
    expect(r.last.plan[0].argv).toEqual(["nixos-rebuild", "switch", "-I", `nixos-config=${nixos}/etc/nixos/configuration.nix`, "--log-format", "internal-json", "-v"])
    expect(r.last.notes[0]).toBe("home-manager runs as a NixOS module here (the system configuration sets home-manager.users.alice).")
    // The user's generations are still home-manager's own links.
    const gens = askNix(u, ["--json", "--root", nixos, "home-manager generations"], { nix, env: env() })
    expect(gens.last.generations.map((g: { number: number }) => g.number)).toEqual([3, 4, 5])
    // Rollback activates the older generation, and says the system would bring the configured one back.
    const back = askNix(u, ["--json", "--root", nixos, "roll back home-manager"], { nix, env: env() })
    expect(back.last.plan[0].argv).toEqual([`${u.generation(4)}/activate`])
    expect(back.last.notes.join(" ")).toContain("activates the system configuration's generation again at the next boot")
  })

  it("module detection: the NixOS unit decides without evaluating; a configuration for other users is standalone", () => {
    const u = makeHomeUser({ tools: ["home-manager"] })
    const nixos = makeNixosRoot()
    fs.mkdirSync(join(nixos, "etc/systemd/system"), { recursive: true })
    fs.writeFileSync(join(nixos, "etc/systemd/system/home-manager-alice.service"), "")
    const unit = askNix(u, ["--json", "--root", nixos, "roll back home-manager"], { nix, env: env() })
    expect(unit.last.preview.mode).toBe("module")
    expect(unit.last.notes).toContain(`home-manager runs as a NixOS module here (${nixos}/etc/systemd/system/home-manager-alice.service exists, the NixOS module's unit for alice).`)

    const other = makeNixosRoot()
    fs.writeFileSync(join(other, "etc/nixos/configuration.nix"),
      "{ ... }: { imports = [ <home-manager/nixos> ]; users.users.bob.isNormalUser = true; home-manager.users.bob = { manual.manpages.enable = false; }; }\n")
    const r = askNix(u, ["--json", "--root", other, "roll back home-manager"], { nix, env: env() })
    expect(r.last.preview.mode).toBe("standalone")
  })

  it("module detection through a system flake: nixosConfigurations.<host>.config.home-manager.users, evaluated without writing a lock", () => {
    const u = makeHomeUser({ tools: ["home-manager"] })
    const nixos = makeNixosRoot({ flake: true })
    fs.writeFileSync(join(nixos, "etc/nixos/flake.nix"),
      "{\n  # home-manager as a NixOS module\n  outputs = _: { nixosConfigurations.kestrel.config.home-manager.users.alice = { }; };\n}\n")
    const r = askNix(u, ["--json", "--root", nixos, "roll back home-manager"], { nix, env: env() })
    expect(r.code, r.stderr).toBe(0)
    expect(r.last.notes).toContain("home-manager runs as a NixOS module here (the system configuration sets home-manager.users.alice).")
    expect(fs.existsSync(join(nixos, "etc/nixos/flake.lock"))).toBe(false)
  })
})

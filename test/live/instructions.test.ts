/**
 * The instructions backend (the commands to type yourself) for every intent kind: what it prints is
 * right, and on real Nix 2.8 and 2.26 it works as printed. The `nix` commands run with a NIX_CONFIG
 * that does not enable nix-command or flakes (a fresh install), so they must carry
 * --extra-experimental-features themselves; the ones that change a profile are carried out for real
 * in a throwaway profile with the project's test packages (`--file`), the rest at least parse
 * (`--help` after every flag). The commands for "no Nix yet" run on 2.26, a fresh install's stand-in.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parseNixVersion, type NixVersion } from "../../src/domain/argv/NixVersion.js"
import { sourceOf } from "../../src/domain/argv/PackageSource.js"
import { type Instructions, instructionTable, type Source } from "../../src/domain/backends/instructions/commands.js"
import { lookup } from "../../src/domain/backends/handlers.js"
import {
  Clean, Configure, Generations, Info, Install, type Intent, intentKinds, List, Provides, Rebuild, Remove, Rollback, Search, Try, Update
} from "../../src/domain/Intent.js"
import { FlakeUpdate } from "../../src/domain/intents/FlakeUpdate.js"
import { OptionQuery } from "../../src/domain/intents/OptionQuery.js"
import { describeNix } from "../support/describeNix.js"
import type { NixInstall } from "../support/nixInstalls.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { askNixBin, ensureBuilt } from "../support/shippedBinary.js"

/** Kinds the instructions backend leaves to others, and why. */
const answeredElsewhere: Readonly<Record<string, string>> = {
  help: "answered by ask-nix itself", explain: "answered by ask-nix itself", unknown: "not understood: nothing to do", plugin: "served by the plugins' own backends"
}

/** One or more intents of every other kind (a kind added to src/domain/Intent.ts needs its own here). */
const samples: Readonly<Record<string, ReadonlyArray<Intent>>> = {
  install: [new Install({ packages: ["greet"] })],
  remove: [new Remove({ packages: ["greet"] })],
  update: [new Update({ packages: [] }), new Update({ packages: ["greet"] })],
  search: [new Search({ query: "greet" }), new Search({ query: "pdf viewer" })],
  list: [new List({})],
  info: [new Info({ packages: ["greet"] })],
  try: [new Try({ packages: ["greet"], command: "greet" })],
  provides: [new Provides({ query: "rg" })],
  generations: [new Generations({})],
  rollback: [new Rollback({}), new Rollback({ generation: 1 }), new Rollback({ steps: 2 })],
  clean: [new Clean({}), new Clean({ keep: 2 })],
  rebuild: [new Rebuild({ mode: "switch" })],
  configure: [new Configure({ option: "services.openssh.enable", value: "true", text: "set services.openssh.enable to true" })],
  "flake-update": [new FlakeUpdate({ inputs: [] }), new FlakeUpdate({ inputs: ["nixpkgs"] })],
  option: [new OptionQuery({ query: "services.openssh.enable" }), new OptionQuery({ query: "ssh server" })]
}

const src = (over: Partial<Source> = {}): Source => ({
  source: sourceOf(undefined, "nixpkgs"), profile: undefined, version: undefined, elevate: "sudo", flakeDir: "/home/u/flake", ...over
})
const of = (intent: Intent, s: Source): Instructions => {
  const found = lookup(instructionTable, intent, s)
  if (found === undefined) throw new Error(`no instructions for ${intent._tag}`)
  return found
}
const shown = (argv: ReadonlyArray<string>) => argv.join(" ")

describe("instructions for every intent kind", () => {
  it("every kind has instructions, or is answered elsewhere (and says why)", () => {
    for (const kind of intentKinds) {
      if (kind in answeredElsewhere) continue
      expect(samples[kind], `no sample for the kind "${kind}": add one above, and its instructions`).toBeDefined()
      for (const intent of samples[kind]!) expect(lookup(instructionTable, intent, src()), `instructions for ${kind}`).toBeDefined()
    }
  })
  it("clean --keep 2 keeps two generations (not two days)", () => {
    const i = of(new Clean({ keep: 2 }), src())
    expect(i.modern.map(shown)).toEqual(["nix-env --delete-generations +2", "nix --extra-experimental-features nix-command flakes store gc"])
    expect([...i.modern, ...i.legacy].flat()).not.toContain("--older-than")
  })
  it("with --file, search, info, try and install read the file (never nixpkgs)", () => {
    const file = src({ source: sourceOf("/p/pkgs.nix", "nixpkgs") })
    for (const intent of [new Search({ query: "greet" }), new Info({ packages: ["greet"] }), new Try({ packages: ["greet"], command: undefined }), new Install({ packages: ["greet"] })]) {
      const i = of(intent, file)
      const all = [...i.modern, ...i.legacy]
      expect(all.length, intent._tag).toBeGreaterThan(0)
      for (const argv of all) {
        expect(argv, `${intent._tag}: ${shown(argv)}`).toContain("/p/pkgs.nix")
        expect(argv.join(" "), intent._tag).not.toMatch(/nixpkgs/)
      }
    }
  })
  it("for a fresh install (no Nix yet) every nix command turns on nix-command and flakes itself", () => {
    for (const [kind, intents] of Object.entries(samples)) {
      for (const intent of intents) {
        for (const argv of of(intent, src()).modern) {
          if (argv[0] === "nix") expect(argv.slice(1, 3), `${kind}: ${shown(argv)}`).toEqual(["--extra-experimental-features", "nix-command flakes"])
        }
      }
    }
  })
  it("root comes from the elevate setting", () => {
    expect(of(new Rebuild({ mode: "boot" }), src({ elevate: "doas" })).modern).toEqual([["doas", "nixos-rebuild", "boot"]])
    expect(of(new Rebuild({ mode: "boot" }), src({ elevate: "none" })).modern).toEqual([["nixos-rebuild", "boot"]])
  })
  it("before Nix 2.20 a profile element is named by its number: the list first, then INDEX", () => {
    const old = src({ version: parseNixVersion("2.8.0") })
    expect(of(new Remove({ packages: ["greet"] }), old).modern.map(shown)).toEqual([
      "nix --extra-experimental-features nix-command flakes profile list",
      "nix --extra-experimental-features nix-command flakes profile remove -- INDEX"
    ])
    expect(of(new Update({ packages: [] }), old).modern.map(shown)).toEqual(["nix --extra-experimental-features nix-command flakes profile upgrade -- .*"])
  })
})

/** NIX_CONFIG of a fresh install: this Nix's test settings without `experimental-features`. */
const freshConfig = (nix: NixInstall) => nix.nixConfig.split("\n").filter((l) => !l.startsWith("experimental-features")).join("\n")

describeNix("the instructions work as printed", (nix) => {
  let sb: Sandbox
  const version: NixVersion = parseNixVersion(nix.version)!
  const env = () => ({ ...process.env, NIX_CONFIG: freshConfig(nix), PATH: `${nix.binDir}:${process.env["PATH"]}`, HOME: sb.dir, XDG_CACHE_HOME: join(sb.dir, "cache"), XDG_STATE_HOME: join(sb.dir, "state"), XDG_CONFIG_HOME: join(sb.dir, "config") })
  const file = () => join(sb.pkgs, "default.nix")

  /** Runs one printed command with this Nix (its programs first on PATH); placeholders filled in. */
  const run = (argv: ReadonlyArray<string>, fill: Readonly<Record<string, string>> = {}) => {
    const [program, ...args] = argv.map((a) => fill[a] ?? a)
    const r = spawnSync(existsSync(join(nix.binDir, program!)) ? join(nix.binDir, program!) : program!, args, { env: env(), encoding: "utf8", timeout: 120_000 })
    expect(r.status, `${shown(argv)}\n${r.stderr}`).toBe(0)
    return r.stdout
  }
  /** The plan of the shipped binary with --backend instructions (so the Nix version is the one it finds). */
  const printed = (profile: string, ...words: Array<string>): ReadonlyArray<ReadonlyArray<string>> => {
    const r = spawnSync(askNixBin, ["--json", "--backend", "instructions", "--profile", profile, "--file", file(), ...words], { env: env(), encoding: "utf8" })
    const last = JSON.parse(r.stdout.trim().split("\n").pop()!) as { backend: string; plan: ReadonlyArray<{ argv: ReadonlyArray<string> }> }
    expect(last.backend).toBe("instructions")
    return last.plan.map((s) => s.argv)
  }
  const generationsOf = (profile: string) => {
    const name = profile.split("/").pop()!
    return readdirSync(join(profile, "..")).filter((n) => n.startsWith(`${name}-`) && /-\d+-link$/.test(n)).length
  }
  const newest = (profile: string) => String(generationsOf(profile) > 0 ? Math.max(...readdirSync(join(profile, "..")).flatMap((n) => {
    const m = new RegExp(`^${profile.split("/").pop()!}-(\\d+)-link$`).exec(n)
    return m === null ? [] : [Number(m[1])]
  })) : 0)
  /** The number `nix profile list` gives a package (Nix before 2.20 names elements by number). */
  const indexOf = (listing: string, name: string) => /^(\d+) /m.exec(listing.split("\n").filter((l) => l.includes(name)).join("\n"))?.[1] ?? "none"

  beforeAll(() => { ensureBuilt(); sb = makeSandbox("instr") })
  afterAll(() => sb.cleanup())

  it("every nix command printed for this Nix parses (each flag and subcommand known to it)", () => {
    for (const [kind, intents] of Object.entries(samples)) {
      for (const intent of intents) {
        for (const s of [src({ version }), src({ version, source: sourceOf(file(), "nixpkgs"), profile: sb.profile })]) {
          const i = of(intent, s)
          for (const argv of [...i.modern, ...i.legacy]) {
            // --help after the last flag of nix itself (before `--` or `--command`, after which words are not nix's)
            if (argv[0] === "nix") {
              const end = argv.findIndex((a) => a === "--" || a === "--command")
              run(end < 0 ? [...argv, "--help"] : [...argv.slice(0, end), "--help", ...argv.slice(end)], { GENERATION: "1", INDEX: "0", NAME: "greet" })
            }
            else if (argv[0]!.startsWith("nix-")) expect(existsSync(join(nix.binDir, argv[0]!)), `${kind}: ${argv[0]}`).toBe(true)
          }
        }
      }
    }
  })

  it("the nix profile commands, carried out: install, list, remove, update, rollback, clean --keep", () => {
    const p = join(sb.dir, "profiles", "modern")
    for (const argv of printed(p, "install", "greet")) run(argv)
    for (const argv of printed(p, "install", "hello")) run(argv)
    expect(execFileSync(join(p, "bin", "greet"), { encoding: "utf8" }).trim()).toBe("greet 1.0")
    const listing = printed(p, "list").map((argv) => run(argv)).join("\n")
    expect(listing).toMatch(/greet/)
    printed(p, "generations").forEach((argv) => run(argv))
    // remove: by name, or by the number the list shows
    const removeSteps = printed(p, "remove", "hello")
    let list = ""
    for (const argv of removeSteps) {
      const out = run(argv, { INDEX: indexOf(list, "hello") })
      if (argv.includes("list")) list = out
    }
    expect(existsSync(join(p, "bin", "hello"))).toBe(false)
    // update from a file: installed again, at the new version
    sb.setGreetVersion("2.0")
    list = ""
    for (const argv of printed(p, "update", "greet")) {
      const out = run(argv, { INDEX: indexOf(list, "greet") })
      if (argv.includes("list")) list = out
    }
    expect(execFileSync(join(p, "bin", "greet"), { encoding: "utf8" }).trim()).toBe("greet 2.0")
    sb.setGreetVersion("1.0")
    // (from a file the update is a removal and an install: two generations)
    const last = newest(p)
    printed(p, "rollback", "--to", String(Number(last) - 2)).forEach((argv) => run(argv))
    expect(execFileSync(join(p, "bin", "greet"), { encoding: "utf8" }).trim()).toBe("greet 1.0")
    printed(p, "rollback", "--to", last).forEach((argv) => run(argv))
    expect(execFileSync(join(p, "bin", "greet"), { encoding: "utf8" }).trim()).toBe("greet 2.0")
    printed(p, "rollback").forEach((argv) => run(argv))
    expect(existsSync(join(p, "bin", "greet"))).toBe(false)
    printed(p, "rollback", "--to", last).forEach((argv) => run(argv))
    // clean --keep 1: the generations go (the garbage collection itself is left to the parse check)
    const [deleteGenerations] = printed(p, "clean", "--keep", "1")
    run(deleteGenerations!)
    expect(generationsOf(p)).toBe(1)
  })

  it("the nix-env commands, carried out on a nix-env profile", () => {
    const p = join(sb.dir, "profiles", "legacy")
    const s = src({ version, source: sourceOf(file(), "nixpkgs"), profile: p })
    for (const intent of [new Install({ packages: ["greet"] }), new Install({ packages: ["hello"] })]) of(intent, s).legacy.forEach((a) => run(a))
    expect(run(of(new List({}), s).legacy[0]!)).toMatch(/greet-1\.0/)
    of(new Remove({ packages: ["hello"] }), s).legacy.forEach((a) => run(a))
    expect(existsSync(join(p, "bin", "hello"))).toBe(false)
    const last = Number(newest(p))
    of(new Rollback({}), s).legacy.forEach((a) => run(a))
    expect(existsSync(join(p, "bin", "hello"))).toBe(true)
    of(new Rollback({ generation: last }), s).legacy.forEach((a) => run(a))
    expect(existsSync(join(p, "bin", "hello"))).toBe(false)
    run(of(new Generations({}), s).legacy[0]!)
    run(of(new Clean({ keep: 1 }), s).legacy[0]!)
    expect(generationsOf(p)).toBe(1)
    // a nix-env profile gets only nix-env commands from the backend
    expect(printed(p, "install", "greet").map((a) => a[0])).toEqual(["nix-env"])
  })

  it("questions with --file: search, info and try read the file", () => {
    expect(printed(sb.profile, "search", "greet").map((a) => run(a)).join("")).toMatch(/greet/)
    expect(JSON.parse(printed(sb.profile, "info", "greet").map((a) => run(a)).join(""))).toMatchObject({ description: "Prints a greeting (test package)" })
    expect(printed(sb.profile, "try", "greet", "--command", "greet").map((a) => run(a)).join("").trim()).toBe("greet 1.0")
  })

  it("flake update: every input, and one by name, of a flake whose input is the test packages", () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-instr-flake-"))
    writeFileSync(join(dir, "flake.nix"), `{ inputs.pkgs.url = "path:${sb.pkgs}"; outputs = { self, pkgs }: { }; }\n`)
    for (const argv of of(new FlakeUpdate({ inputs: [] }), src({ version, flakeDir: dir })).modern) run(argv)
    const lock = () => JSON.parse(readFileSync(join(dir, "flake.lock"), "utf8")) as { nodes: Record<string, { locked?: { narHash?: string } }> }
    expect(lock().nodes["pkgs"]?.locked?.narHash).toMatch(/^sha256-/)
    for (const argv of of(new FlakeUpdate({ inputs: ["pkgs"] }), src({ version, flakeDir: dir })).modern) run(argv)
    expect(lock().nodes).toHaveProperty("pkgs")
  })

  if (parseNixVersion(nix.version)!.minor >= 20) {
    it("no Nix yet: the commands for a fresh install work on a fresh Nix (this one, flakes off)", () => {
      const p = join(sb.dir, "profiles", "fresh")
      const fresh = src({ version: undefined, source: sourceOf(file(), "nixpkgs"), profile: p })
      for (const intent of [new Install({ packages: ["greet", "hello"] }), new Update({ packages: [] }), new Remove({ packages: ["hello"] }), new List({})]) {
        for (const argv of of(intent, fresh).modern) run(argv)
      }
      expect(existsSync(join(p, "bin", "greet"))).toBe(true)
      expect(existsSync(join(p, "bin", "hello"))).toBe(false)
    })
  }
})

/**
 * The settings file ($XDG_CONFIG_HOME/ask-nix/config.json) and its ASK_NIX_* variables, read through
 * Effect's Config with the variables layered over the file (src/domain/config/UserConfig.ts): what
 * each key does in the shipped binary, which source wins, and a malformed file said with its line.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Either, Option } from "effect"
import { it as effectIt } from "@effect/vitest"
import { beforeAll, describe, expect, it } from "vitest"
import { readUserConfig } from "../../src/domain/config/UserConfig.js"
import { askNixBin, ensureBuilt, nodeOnlyDir } from "../support/shippedBinary.js"
import { Effect } from "effect"
import { makeMockEnv, runAskNix } from "../app/mockEnv.js"
import { makeNixosRoot } from "../system/support/nixosRoot.js"
import { instructionTable } from "../../src/domain/backends/instructions/commands.js"
import { lookup } from "../../src/domain/backends/handlers.js"
import { sourceOf } from "../../src/domain/argv/PackageSource.js"
import { Configure } from "../../src/domain/Intent.js"

const read = (text: string | undefined, env: Record<string, string> = {}) => readUserConfig("/c/config.json", text, env)
const problem = (text: string | undefined, env: Record<string, string> = {}) => {
  const r = read(text, env)
  if (Either.isRight(r)) throw new Error("expected a problem")
  return r.left
}

describe("reading the settings (pure)", () => {
  it("no file, no variables: the defaults, each from 'default'", () => {
    const c = Either.getOrThrow(read(undefined))
    expect(c.found).toBe(false)
    expect(c.values).toMatchObject({ color: "auto", confirm: "when-unsure" })
    expect(Option.isNone(c.values.backends)).toBe(true)
    expect(Object.values(c.sources).every((s) => s === "default")).toBe(true)
    // The same values Effect's Config reads from an empty file (no file and no variables skip that read).
    const empty = Either.getOrThrow(read("{}"))
    expect(c.values).toEqual(empty.values)
    expect(c.sources).toEqual(empty.sources)
  })
  it("a variable wins over the file, key by key; a list variable is comma-separated", () => {
    const c = Either.getOrThrow(read('{"backends": ["native"], "color": "never", "index": "/i"}', { ASK_NIX_BACKENDS: "profile, instructions", ASK_NIX_CONFIRM: "always" }))
    expect(c.values.backends).toEqual(Option.some(["profile", "instructions"]))
    expect(c.values.color).toBe("never")
    expect(c.values.confirm).toBe("always")
    expect(c.values.index).toEqual(Option.some("/i"))
    expect(c.sources).toMatchObject({ backends: "environment", color: "file", confirm: "environment", index: "file", profile: "default" })
  })
  it("a bad variable is reported (not hidden by the file's good value)", () => {
    expect(problem('{"color": "never"}', { ASK_NIX_COLOR: "blue" })).toMatchObject({ source: "ASK_NIX_COLOR", problem: 'color: expected one of (auto, always, never), not "blue"' })
  })
  it("problems in the file name the line", () => {
    expect(problem('{\n  "backends": ["profile",\n    "bogus"]\n}')).toMatchObject({ line: 2, problem: expect.stringMatching(/^backends: expected one of \(native, profile, nix-env, instructions\), not "bogus"/) })
    expect(problem('{\n  "backends": ["profile"],\n  "colour": "never"\n}')).toMatchObject({ line: 3, problem: expect.stringMatching(/"colour" is not a setting \(did you mean "color"\?\)/) })
    expect(problem('{\n  "color": "never",\n}')).toMatchObject({ line: 3, problem: expect.stringMatching(/not valid JSON/) })
    expect(problem('{\n  "color": \n}')).toMatchObject({ line: 3 })
    expect(problem('{\n  # comment\n  "color": "never"\n}')).toMatchObject({ line: 2, problem: expect.stringMatching(/JSON has no comments/) })
    expect(problem("[]")).toMatchObject({ line: 1 })
    expect(problem('{"backends": []}').problem).toMatch(/name at least one backend/)
    expect(problem('{"backends": ["native", "native"]}').problem).toMatch(/"native" is named twice/)
  })
})

describe("the settings in the shipped binary", () => {
  const home = mkdtempSync(join(tmpdir(), "ask-nix-config-"))
  const config = join(home, "config")
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: join(home, "cache"), XDG_STATE_HOME: join(home, "state"), NO_COLOR: "", PATH: nodeOnlyDir(join(home, "bin")) }
  const settings = (json: unknown) => {
    mkdirSync(join(config, "ask-nix"), { recursive: true })
    writeFileSync(join(config, "ask-nix", "config.json"), typeof json === "string" ? json : JSON.stringify(json, null, 2))
  }
  const askNix = (args: ReadonlyArray<string>, extra: Record<string, string> = {}) => spawnSync(askNixBin, args, { env: { ...env, ...extra }, encoding: "utf8" })
  const result = (args: ReadonlyArray<string>, extra: Record<string, string> = {}): Record<string, any> => {
    const r = askNix(["--json", ...args], extra)
    return { code: r.status, ...(JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, any>) }
  }

  beforeAll(() => ensureBuilt())

  it("backends: the order (and choice) of the chain; the variable wins over the file, --backend over both", () => {
    settings({ backends: ["instructions"] })
    expect(result(["list"])).toMatchObject({ backend: "instructions", tried: [] })
    expect(result(["list"], { ASK_NIX_BACKENDS: "nix-env,instructions" })).toMatchObject({ backend: "instructions", tried: [{ backend: "nix-env" }] })
    expect(result(["--backend", "nix-env", "list"]).error.message).toMatch(/nix-env/)
  })
  it("index and profile: the defaults the commands use", () => {
    settings({ index: join(home, "my-index"), profile: join(home, "my-profile"), backends: ["instructions"] })
    expect(result(["index", "status"]).error.message).toContain(join(home, "my-index"))
    expect(result(["list"]).plan[0].argv).toContain(join(home, "my-profile"))
    expect(result(["--profile", "/tmp/p", "list"]).plan[0].argv).toContain("/tmp/p")
  })
  it("an empty or relative XDG folder is ignored, as the XDG spec says: the index stays under ~/.cache, never ./ask-nix", () => {
    settings({ backends: ["instructions"] })
    for (const cache of ["", "relative/cache"]) {
      const message: string = result(["index", "status"], { XDG_CACHE_HOME: cache }).error.message
      expect(message, JSON.stringify(cache)).toContain(join(home, ".cache", "ask-nix", "index"))
    }
  })
  it("elevate: how root is gained in the commands printed for a NixOS change", () => {
    // (a NixOS change is served by the system backend, which needs a NixOS: on this machine the settings
    // are checked as read, and the commands they give in test/live/instructions.test.ts)
    settings({ elevate: "doas" })
    expect(result(["config"]).settings.elevate).toMatchObject({ value: "doas", source: "file" })
    const i = lookup(instructionTable, new Configure({ option: "services.openssh.enable", value: "true", text: "" }), {
      source: sourceOf(undefined, "nixpkgs"), profile: undefined, version: undefined, elevate: "doas", flakeDir: "/etc/nixos"
    })
    expect(i?.modern.map((argv) => argv.join(" "))).toEqual(["doas nano /etc/nixos/configuration.nix", "doas nixos-rebuild switch"])
  })
  it("color: always and never, over the terminal's say", () => {
    settings({ color: "always" })
    expect(askNix(["install", "--help"]).stdout).toMatch(/\u001b\[1m/)
    expect(askNix(["install", "--help"], { ASK_NIX_COLOR: "never" }).stdout).not.toMatch(/\u001b\[/)
  })
  it("ask-nix config says where each value comes from", () => {
    settings({ backends: ["profile", "instructions"], confirm: "always" })
    const r = askNix(["config"], { ASK_NIX_COLOR: "never" })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`Settings file: ${join(config, "ask-nix", "config.json")}\n`)
    expect(r.stdout).toMatch(/^backends +profile, instructions +\(file\)$/m)
    expect(r.stdout).toMatch(/^color +never +\(environment: ASK_NIX_COLOR\)$/m)
    expect(r.stdout).toMatch(/^elevate +.* +\(default\)$/m)
    expect(result(["config"]).settings.confirm).toEqual({ value: "always", source: "file", variable: "ASK_NIX_CONFIRM" })
  })
  it("a malformed file: the file and the line, exit 2, for every command", () => {
    settings('{\n  "backends": ["profile"],\n  "confirm": "sometimes"\n}\n')
    for (const args of [["list"], ["install", "firefox"], ["config"]]) {
      const r = askNix(args)
      expect(r.status, args.join(" ")).toBe(2)
      expect(r.stderr).toContain(`${join(config, "ask-nix", "config.json")}, line 3: confirm: expected one of (when-unsure, always), not "sometimes"`)
    }
    // help still works, and says where the file is
    expect(askNix(["--help"]).status).toBe(0)
  })
})

describe("the elevate setting reaches the NixOS system backend (the pipeline over the in-memory Nix, uid 1000)", () => {
  effectIt.effect("from the file, and from ASK_NIX_ELEVATE over it", () => Effect.gen(function*() {
    const config = mkdtempSync(join(tmpdir(), "ask-nix-config-elevate-"))
    mkdirSync(join(config, "ask-nix"))
    writeFileSync(join(config, "ask-nix", "config.json"), '{"elevate": "doas"}')
    const root = makeNixosRoot()
    const argv0 = (run: { last: Record<string, any> }) => (run.last["plan"] as ReadonlyArray<{ argv: ReadonlyArray<string> }>).map((s) => s.argv[0])
    const fromFile = yield* runAskNix(makeMockEnv({ env: { XDG_CONFIG_HOME: config } }).env, ["--json", "--root", root, "--system", "rollback"])
    expect(argv0(fromFile)).toContain("doas")
    const fromVariable = yield* runAskNix(makeMockEnv({ env: { XDG_CONFIG_HOME: config, ASK_NIX_ELEVATE: "run0" } }).env, ["--json", "--root", root, "--system", "rollback"])
    expect(argv0(fromVariable)).toContain("run0")
    expect(argv0(fromVariable)).not.toContain("doas")
  }))
})

describe("the confirm setting (the pipeline over the in-memory Nix)", () => {
  const configWith = (json: string) => {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-config-confirm-"))
    mkdirSync(join(dir, "ask-nix"))
    writeFileSync(join(dir, "ask-nix", "config.json"), json)
    return dir
  }
  effectIt.effect("always: --execute asks first; without a terminal exit 2 and nothing changes; --yes goes ahead; questions are never asked about", () => Effect.gen(function*() {
    const config = configWith('{"confirm": "always"}')
    const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]
    const noTty = makeMockEnv({ env: { XDG_CONFIG_HOME: config } })
    const refused = yield* runAskNix(noTty.env, [...PROFILE, "--json", "--execute", "install", "firefox"])
    expect(refused.code).toBe(2)
    expect(refused.last).toMatchObject({ ok: false, error: { type: "NeedsConfirmation" } })
    expect(noTty.state.mutatingCalls()).toEqual([])
    const declined = makeMockEnv({ env: { XDG_CONFIG_HOME: config }, interactive: true, prompt: { yes: false } })
    expect((yield* runAskNix(declined.env, [...PROFILE, "--execute", "install", "firefox"])).code).toBe(2)
    expect(declined.state.mutatingCalls()).toEqual([])
    const yes = makeMockEnv({ env: { XDG_CONFIG_HOME: config } })
    expect((yield* runAskNix(yes.env, [...PROFILE, "--execute", "--yes", "install", "firefox"])).code).toBe(0)
    expect(yes.state.mutatingCalls().length).toBeGreaterThan(0)
    expect((yield* runAskNix(noTty.env, [...PROFILE, "--execute", "list"])).code).toBe(0)
  }))
})

/**
 * Under --json every outcome of the shipped binary — success, failure, usage error, not understood,
 * help, a bad settings file, Ctrl-C — prints nothing on stdout but JSON lines, and the last is the one
 * result line: `ok` agrees with the exit code, a failure names its error (tag and message), and when a
 * backend was asked the result says which (`backend`, `tried`). Usage cases run without Nix; the rest
 * on real Nix 2.8 and 2.26 in a throwaway profile.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { askNixBin, ensureBuilt, nodeOnlyDir } from "../support/shippedBinary.js"

interface Expected {
  readonly code: number
  /** The error's tag when the call fails. */
  readonly error?: string
  /** The result names this backend. */
  readonly backend?: string
  /** Something the error message says. */
  readonly says?: RegExp
}

/** Every stdout line parsed as JSON (a line that is not JSON fails the test), and the checks above. */
const checkJsonOutcome = (label: string, stdout: string, code: number | null, want: Expected): Record<string, any> => {
  const lines = stdout.split("\n").filter((l) => l !== "")
  expect(lines.length, `${label}: no output on stdout`).toBeGreaterThan(0)
  const parsed = lines.map((l) => {
    try {
      return JSON.parse(l) as Record<string, any>
    } catch {
      return expect.fail(`${label}: stdout has a line that is not JSON: ${l.slice(0, 200)}`)
    }
  })
  const results = parsed.filter((p) => p["type"] === "result")
  expect(results.length, `${label}: exactly one result line`).toBe(1)
  const last = parsed[parsed.length - 1]!
  expect(last["type"], `${label}: the result line is the last`).toBe("result")
  expect(code, `${label}: exit code (${JSON.stringify(last).slice(0, 300)})`).toBe(want.code)
  expect(last["ok"], `${label}: ok agrees with the exit code`).toBe(want.code === 0)
  if (want.code !== 0) {
    expect(last["error"]?.["type"], `${label}: the error's tag`).toBe(want.error)
    expect(typeof last["error"]?.["message"], `${label}: the error's message`).toBe("string")
    if (want.says !== undefined) expect(last["error"]["message"]).toMatch(want.says)
  }
  if (want.backend !== undefined) {
    expect(last["backend"], `${label}: which backend`).toBe(want.backend)
    expect(Array.isArray(last["tried"]), `${label}: what was tried`).toBe(true)
  }
  return last
}

beforeAll(() => ensureBuilt())

describe("--json: usage errors and questions, without Nix", () => {
  const home = mkdtempSync(join(tmpdir(), "ask-nix-json-"))
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache"), XDG_STATE_HOME: join(home, "state"), PATH: nodeOnlyDir(join(home, "bin")) }
  const cases: ReadonlyArray<readonly [ReadonlyArray<string>, Expected]> = [
    [["--bogus"], { code: 2, error: "UsageError", says: /unknown option --bogus/ }],
    [["--exectue", "install", "x"], { code: 2, error: "UsageError", says: /Did you mean --execute/ }],
    [["--wizard"], { code: 2, error: "UsageError", says: /unknown option --wizard/ }],
    [["--log-level", "debug", "list"], { code: 2, error: "UsageError" }],
    [["rollback", "--to", "abc"], { code: 2, error: "UsageError", says: /--to must be a number/ }],
    [["install"], { code: 2, error: "UsageError", says: /For example: ask-nix install firefox/ }],
    [["--system", "--user", "list"], { code: 2, error: "UsageError", says: /cannot be used together/ }],
    [["--execute", "--dry-run", "install", "hello"], { code: 2, error: "UsageError", says: /cannot be used together/ }],
    [["--backend", "nope", "list"], { code: 2, error: "UsageError", says: /must be one of/ }],
    [["list", "extra"], { code: 2, error: "UsageError" }],
    [["--profile"], { code: 2, error: "UsageError", says: /needs a value/ }],
    [["--completions", "tcsh"], { code: 2, error: "UsageError" }],
    [[], { code: 2, error: "UsageError", says: /nothing was asked/ }],
    [["blorp", "fizz"], { code: 2, error: "NotUnderstood" }],
    [["parse", "blorp"], { code: 2, error: "NotUnderstood" }],
    [["parse", "install", "vim"], { code: 0 }],
    [["--help"], { code: 0 }],
    [["install", "--help"], { code: 0 }],
    [["help", "install"], { code: 0 }],
    [["help"], { code: 0 }],
    [["explain", "flakes"], { code: 0 }],
    [["--version"], { code: 0 }],
    [["config"], { code: 0 }],
    [["index"], { code: 0 }],
    [["--completions", "bash"], { code: 0 }],
    [["--index", join(home, "none"), "index", "status"], { code: 1, error: "IndexMissing" }],
    [["--index", join(home, "none"), "index", "build", "--from", join(home, "missing.json")], { code: 1, error: "ImportFailed" }],
    // Nix is not on PATH: the chain ends at the instructions backend
    // (search without an index says to build one rather than search all of nixpkgs)
    [["search", "firefox"], { code: 1, error: "IndexMissing", backend: "native" }],
    [["--execute", "install", "firefox"], { code: 1, error: "ManualStepsRequired", backend: "instructions" }],
    [["install", "firefox"], { code: 0, backend: "instructions" }],
    [["--system", "list"], { code: 1, error: "NotNixOS", backend: "system" }]
  ]
  for (const [args, want] of cases) {
    it(`ask-nix --json ${args.join(" ")}`, () => {
      const r = spawnSync(askNixBin, ["--json", ...args], { env, encoding: "utf8" })
      checkJsonOutcome(args.join(" "), r.stdout, r.status, want)
    })
  }

  it("a settings file that is not JSON: the file and the line, exit 2", () => {
    const config = join(home, "bad-config")
    mkdirSync(join(config, "ask-nix"), { recursive: true })
    writeFileSync(join(config, "ask-nix", "config.json"), '{\n  "backends": ["profile"],\n  // comment\n}\n')
    const r = spawnSync(askNixBin, ["--json", "list"], { env: { ...env, XDG_CONFIG_HOME: config }, encoding: "utf8" })
    const last = checkJsonOutcome("bad config", r.stdout, r.status, { code: 2, error: "ConfigInvalid", says: /config\.json, line 3: .*JSON has no comments/ })
    expect(last["error"]["line"]).toBe(3)
  })
})

describeNix("--json on real Nix: every outcome ends with one result line", (nix) => {
  let sb: Sandbox
  const env = () => ({
    ...process.env, ...nix.env, PATH: `${nix.binDir}:${process.env["PATH"]}`,
    HOME: sb.dir, XDG_STATE_HOME: join(sb.dir, "state"), XDG_CACHE_HOME: join(sb.dir, "cache"), XDG_CONFIG_HOME: join(sb.dir, "config")
  })
  const askNix = (args: ReadonlyArray<string>, extraEnv: Record<string, string> = {}) =>
    spawnSync(askNixBin, ["--json", "--profile", sb.profile, "--file", join(sb.pkgs, "default.nix"), ...args], { env: { ...env(), ...extraEnv }, encoding: "utf8" })
  const check = (args: ReadonlyArray<string>, want: Expected, extraEnv: Record<string, string> = {}) => {
    const r = askNix(args, extraEnv)
    return checkJsonOutcome(args.join(" "), r.stdout, r.status, want)
  }

  beforeAll(() => { sb = makeSandbox("json") })
  afterAll(() => sb.cleanup())

  it("successes: a plan, an install, a list, the generations (with the backend that served)", () => {
    // with --file, the native backend searches that file's own index (built on first use)
    check(["search", "greet"], { code: 0, backend: "native" })
    check(["install", "greet"], { code: 0 })
    check(["--execute", "install", "greet"], { code: 0 })
    check(["list"], { code: 0, backend: "native" })
    check(["generations"], { code: 0 })
  })
  it("failures name the error and the backend: no such package, a build that fails, nothing to roll back, not installed", () => {
    check(["info", "nosuchpackage"], { code: 1, error: "PackageNotFound" })
    const built = check(["--execute", "install", "broken"], { code: 1, error: "BuildFailed" })
    expect(typeof built["backend"]).toBe("string")
    check(["--execute", "rollback"], { code: 1, error: "NothingToRollBack" })
    check(["--execute", "remove", "hello"], { code: 1, error: "NotInstalled" })
    check(["--backend", "instructions", "--execute", "install", "hello"], { code: 1, error: "ManualStepsRequired", backend: "instructions" })
  })
  it("confirm: always in the settings, no terminal and no --yes: exit 2, nothing changed", () => {
    check(["--execute", "install", "hello"], { code: 2, error: "NeedsConfirmation", says: /confirm: always/ }, { ASK_NIX_CONFIRM: "always" })
    check(["--execute", "--yes", "install", "hello"], { code: 0 }, { ASK_NIX_CONFIRM: "always" })
  })
  it("Ctrl-C during a build: the last line is still the result (Interrupted)", async () => {
    const child = spawn(askNixBin, ["--json", "--profile", sb.profile, "--file", join(sb.pkgs, "default.nix"), "--execute", "install", "slow"], { env: env() })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString() })
    const started = new Promise<void>((ok) => {
      const look = () => { if (/slow step 1|building|Build/.test(stdout + stderr)) ok() }
      child.stdout.on("data", look)
      child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); look() })
    })
    const exited = new Promise<number | null>((ok) => child.on("close", (code) => ok(code)))
    await started
    child.kill("SIGINT")
    const code = await exited
    expect(code).toBe(130)
    const lines = stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, any>)
    const last = lines[lines.length - 1]!
    expect(last).toMatchObject({ type: "result", ok: false, error: { type: "Interrupted" } })
    expect(lines.filter((l) => l["type"] === "result")).toHaveLength(1)
  })
})

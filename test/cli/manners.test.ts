/**
 * The manners of the shipped binary, as a person sees them (stdout, stderr, exit code): unknown
 * options are named, wrong values and options that exclude each other are usage errors (exit 2),
 * "did not understand" is said once, help is plain text when piped or with NO_COLOR (bold only on a
 * terminal), says `ask-nix`, shows the global options and never @effect/cli's --wizard/--log-level,
 * and `help install` is about install. No Nix is needed: nothing here reaches a backend.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { askNixBin, ensureBuilt } from "../support/shippedBinary.js"

const home = mkdtempSync(join(tmpdir(), "ask-nix-manners-"))
const baseEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache"), XDG_STATE_HOME: join(home, "state"), NO_COLOR: "", TERM: "xterm" }
const askNix = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  spawnSync(askNixBin, args, { env: { ...baseEnv, ...env }, encoding: "utf8" })

/** On a terminal (a pseudo-terminal from `script`), where colour is allowed. */
const onTerminal = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const vars = Object.entries({ HOME: home, XDG_CONFIG_HOME: join(home, "config"), NO_COLOR: "", TERM: "xterm", ...env }).map(([k, v]) => `${k}='${v}'`).join(" ")
  return spawnSync("script", ["-qec", `env ${vars} ${askNixBin} ${args.map((a) => `'${a}'`).join(" ")}`, "/dev/null"], { encoding: "utf8", env: { ...process.env, PATH: process.env["PATH"] } })
}

const ANSI = /\u001b\[/
const count = (text: string, what: RegExp) => (text.match(new RegExp(what.source, "g")) ?? []).length

beforeAll(() => ensureBuilt())

describe("usage errors say what is wrong, once, with exit 2", () => {
  it("an unknown option is named, with the nearest real one (not 'Invalid subcommand')", () => {
    const r = askNix(["--bogus"])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^ask-nix: unknown option --bogus\. See the options: ask-nix --help\.$/m)
    expect(r.stderr + r.stdout).not.toMatch(/Invalid subcommand/)
    expect(r.stdout).toBe("")
    expect(askNix(["--exectue", "install", "firefox"]).stderr).toMatch(/unknown option --exectue\. Did you mean --execute\?/)
  })
  it("--system with --user, --execute with --dry-run", () => {
    for (const args of [["--system", "--user", "list"], ["--execute", "--dry-run", "install", "firefox"]]) {
      const r = askNix(args)
      expect(r.status, args.join(" ")).toBe(2)
      expect(r.stderr).toMatch(/cannot be used together/)
    }
  })
  it("rollback --to abc: must be a number", () => {
    const r = askNix(["rollback", "--to", "abc"])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--to must be a number \(got "abc"\)/)
  })
  it("bare install shows an example", () => {
    const r = askNix(["install"])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/install needs <package>\.\.\. \(none given\)\. For example: ask-nix install firefox/)
  })
  it("'did not understand' is said once", () => {
    const r = askNix(["blorp", "fizz", "wobble"])
    expect(r.status).toBe(2)
    expect(count(r.stdout + r.stderr, /did not understand/i)).toBe(1)
    expect(r.stdout).not.toMatch(/Understood:/)
  })
  it("--wizard and --log-level are not options of ask-nix", () => {
    expect(askNix(["--wizard"]).stderr).toMatch(/unknown option --wizard/)
    expect(askNix(["--log-level", "debug", "list"]).stderr).toMatch(/unknown option --log-level/)
  })
})

describe("help", () => {
  it("piped: plain text, no ANSI escapes; on a terminal: bold headings; NO_COLOR: plain again", () => {
    for (const args of [["--help"], ["install", "--help"], ["help", "install"], ["index", "--help"]]) {
      const r = askNix(args)
      expect(r.status, args.join(" ")).toBe(0)
      expect(r.stdout, args.join(" ")).not.toMatch(ANSI)
    }
    expect(onTerminal(["install", "--help"]).stdout).toMatch(/\u001b\[1mUsage:/)
    expect(onTerminal(["install", "--help"], { NO_COLOR: "1" }).stdout).not.toMatch(ANSI)
    expect(onTerminal(["install", "--help"], { ASK_NIX_COLOR: "never" }).stdout).not.toMatch(ANSI)
    expect(askNix(["install", "--help"], { ASK_NIX_COLOR: "always" }).stdout).toMatch(/\u001b\[1mUsage:/)
  })
  it("a command's help says ask-nix, shows its own options and the global ones, and nothing of @effect/cli's", () => {
    const r = askNix(["rollback", "--help"])
    expect(r.stdout).toMatch(/^Usage: ask-nix \[OPTIONS\] rollback \[--to N\] \[--back N\]$/m)
    expect(r.stdout).toMatch(/Options of rollback:\n {2}--to N +The generation to go back to\./)
    expect(r.stdout).toMatch(/Global options \(anywhere before --\):/)
    for (const option of ["--execute", "--json", "--backend native\\|profile\\|nix-env\\|instructions", "--profile PROFILE", "-y, --yes"]) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${option}`, "m"))
    }
    expect(r.stdout).not.toMatch(/--wizard|--log-level|A true or false value|This setting is optional/)
    expect(r.stdout).toMatch(/^Settings: .*config\.json/m)
  })
  it("help install, install --help and install -h are the same page, about install", () => {
    const page = askNix(["install", "--help"]).stdout
    expect(page).toMatch(/^Usage: ask-nix \[OPTIONS\] install <package>\.\.\./)
    expect(page).toMatch(/Install packages into your profile\./)
    expect(askNix(["help", "install"]).stdout).toBe(page)
    expect(askNix(["install", "-h"]).stdout).toBe(page)
    expect(askNix(["help", "index", "build"]).stdout).toMatch(/^Usage: ask-nix \[OPTIONS\] index build/)
  })
  it("the root help lists the commands (not the hidden sentence route) and where the settings are read from", () => {
    const r = askNix(["--help"])
    expect(r.stdout).toMatch(/^ {2}install <package>\.\.\. +Install packages/m)
    expect(r.stdout).not.toMatch(/^ {2}ask /m)
    expect(r.stdout).toMatch(new RegExp(`Settings: ${join(home, "config", "ask-nix", "config.json")} \\(not there: defaults\\)`))
  })
})

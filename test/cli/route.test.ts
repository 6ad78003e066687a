/** Reading the command line before @effect/cli (src/cli/route.ts), against the grammar of the shipped command tree. */
import { Effect, Ref } from "effect"
import { describe, expect, it } from "vitest"
import { makeCommand } from "../../src/cli/commands.js"
import { exclusiveOptions } from "../../src/cli/globalOptions.js"
import { type Route, routeArgs } from "../../src/cli/route.js"
import { makeMockEnv } from "../app/mockEnv.js"

const { env } = makeMockEnv()
const plugins = await Effect.runPromise(env.pluginCommands)
const { grammar } = makeCommand(env, Effect.runSync(Ref.make(0)), plugins)
const route = (...args: Array<string>): Route => routeArgs(args, grammar, exclusiveOptions).route
const argsOf = (...args: Array<string>) => {
  const r = route(...args)
  if (r._tag !== "run") throw new Error(`not a run: ${JSON.stringify(r)}`)
  return r.args
}
const usage = (...args: Array<string>) => {
  const r = route(...args)
  if (r._tag !== "usage") throw new Error(`not a usage error: ${JSON.stringify(r)}`)
  return `${r.message} | ${r.hint}`
}

describe("routeArgs", () => {
  it("takes a subcommand only as the first word after the options", () => {
    expect(route("install", "firefox")).toEqual({ _tag: "run", args: ["install", "firefox"], path: ["install"], sentence: false })
    expect(argsOf("--execute", "install", "firefox")).toEqual(["--execute", "install", "firefox"])
  })
  it("sends sentences that merely contain a subcommand name to the parser", () => {
    expect(route("do", "not", "install", "firefox")).toEqual({ _tag: "run", args: ["ask", "--", "do", "not", "install", "firefox"], path: [], sentence: true })
    expect(argsOf("why", "did", "the", "install", "fail")).toEqual(["ask", "--", "why", "did", "the", "install", "fail"])
  })
  it("treats a quoted request as a sentence", () => {
    expect(argsOf("install firefox")).toEqual(["ask", "--", "install firefox"])
  })
  it("hoists global options typed anywhere, keeping their values", () => {
    expect(argsOf("search", "vim", "--json")).toEqual(["--json", "search", "vim"])
    expect(argsOf("install", "hello", "--profile", "/tmp/p", "--execute")).toEqual(["--profile", "/tmp/p", "--execute", "install", "hello"])
    expect(argsOf("--file=./pkgs.nix", "install", "x")).toEqual(["--file", "./pkgs.nix", "install", "x"])
    expect(argsOf("-y", "remove", "x")).toEqual(["--yes", "remove", "x"])
  })
  it("keeps command options with their command", () => {
    expect(argsOf("rollback", "--to", "3")).toEqual(["rollback", "--to", "3"])
    expect(argsOf("--json", "index", "build", "--from", "f.json")).toEqual(["--json", "index", "build", "--from", "f.json"])
  })
  it("answers --help (for the command it follows), --version and --completions itself", () => {
    expect(route("--help")).toEqual({ _tag: "help", path: [] })
    expect(route("install", "--help")).toEqual({ _tag: "help", path: ["install"] })
    expect(route("index", "build", "-h")).toEqual({ _tag: "help", path: ["index", "build"] })
    expect(route("help", "install")).toEqual({ _tag: "help", path: ["install"] })
    expect(route("help", "index", "build")).toEqual({ _tag: "help", path: ["index", "build"] })
    expect(route("--version")).toEqual({ _tag: "version" })
    expect(route("--completions", "zsh")).toEqual({ _tag: "completions", shell: "zsh" })
  })
  it("a help topic that is not a command stays a help request", () => {
    expect(argsOf("help", "flakes")).toEqual(["help", "flakes"])
  })
  it("routes an empty request to ask with no words", () => {
    expect(argsOf()).toEqual(["ask"])
    expect(argsOf("--json")).toEqual(["--json", "ask"])
  })
  it("`--` ends the options: what follows is words, and a sentence when no command came first", () => {
    expect(argsOf("--", "-rf", "install")).toEqual(["ask", "--", "-rf", "install"])
    expect(argsOf("install", "--", "x")).toEqual(["install", "--", "x"])
  })
  it("`config` alone is the settings command; followed by words it is a sentence", () => {
    expect(argsOf("config")).toEqual(["config"])
    expect(argsOf("config", "the", "firewall")).toEqual(["ask", "--", "config", "the", "firewall"])
  })
})

describe("routeArgs: usage errors", () => {
  it("an option nobody declares is named, with the nearest real one", () => {
    expect(usage("--bogus")).toBe("unknown option --bogus | See the options: ask-nix --help.")
    expect(usage("--exectue", "install", "x")).toMatch(/^unknown option --exectue \| Did you mean --execute\?/)
    expect(usage("--exec", "install", "x")).toMatch(/Did you mean --execute\?/)
    expect(usage("rollback", "--too", "3")).toMatch(/^unknown option --too \| Did you mean --to\? See the options: ask-nix rollback --help/)
    expect(usage("--frobnicate", "list")).toMatch(/^unknown option --frobnicate/)
  })
  it("@effect/cli's own extras are not options of ask-nix", () => {
    expect(usage("--wizard")).toMatch(/^unknown option --wizard/)
    expect(usage("--log-level", "debug", "list")).toMatch(/^unknown option --log-level/)
  })
  it("an option in a sentence is named, and quoting is suggested", () => {
    expect(usage("please", "install", "-f", "/etc/passwd")).toMatch(/^unknown option -f \| .*put the request in quotes: ask-nix "please install -f \.\.\."/)
  })
  it("values are checked: numbers, choices, present at all", () => {
    expect(usage("rollback", "--to", "abc")).toBe(`--to must be a number (got "abc") | See ask-nix rollback --help`)
    expect(usage("clean", "--keep", "two")).toMatch(/^--keep must be a number/)
    expect(usage("--backend", "foo", "list")).toMatch(/^--backend must be one of native, profile, nix-env, instructions \(got "foo"\)/)
    expect(usage("list", "--profile")).toMatch(/^--profile needs a value: --profile PROFILE/)
    expect(usage("--json=yes", "list")).toMatch(/^--json takes no value/)
    expect(usage("--completions", "tcsh")).toMatch(/^--completions must be one of bash, zsh, fish/)
  })
  it("options that exclude each other", () => {
    expect(usage("--system", "--user", "list")).toBe("--system and --user cannot be used together | Give one of them.")
    expect(usage("install", "x", "--dry-run", "--execute")).toBe("--execute and --dry-run cannot be used together | Give one of them.")
  })
  it("says whether --json was asked for, even when the words are wrong", () => {
    expect(routeArgs(["--bogus", "--json"], grammar, exclusiveOptions).json).toBe(true)
    expect(routeArgs(["--", "--json"], grammar, exclusiveOptions).json).toBe(false)
  })
})

import { describe, expect, it } from "vitest"
import { routeArgs } from "../../src/cli/route.js"
import { SUBCOMMANDS } from "../../src/cli/subcommands.js"

const route = (...args: Array<string>) => routeArgs(args, SUBCOMMANDS)

describe("routeArgs", () => {
  it("takes a subcommand only as the first word after the options", () => {
    expect(route("install", "firefox")).toEqual({ args: ["install", "firefox"], sentence: false })
    expect(route("--execute", "install", "firefox")).toEqual({ args: ["--execute", "install", "firefox"], sentence: false })
  })
  it("sends sentences that merely contain a subcommand name to the parser", () => {
    expect(route("do", "not", "install", "firefox")).toEqual({ args: ["ask", "--", "do", "not", "install", "firefox"], sentence: true })
    expect(route("why", "did", "the", "install", "fail").args).toEqual(["ask", "--", "why", "did", "the", "install", "fail"])
  })
  it("treats a quoted request as a sentence", () => {
    expect(route("install firefox").args).toEqual(["ask", "--", "install firefox"])
  })
  it("hoists global options typed anywhere, keeping their values", () => {
    expect(route("search", "vim", "--json").args).toEqual(["--json", "search", "vim"])
    expect(route("install", "hello", "--profile", "/tmp/p", "--execute").args)
      .toEqual(["--profile", "/tmp/p", "--execute", "install", "hello"])
    expect(route("--file=./pkgs.nix", "install", "x").args).toEqual(["--file", "./pkgs.nix", "install", "x"])
  })
  it("keeps command options in place and leaves --help to the CLI", () => {
    expect(route("rollback", "--to", "3").args).toEqual(["rollback", "--to", "3"])
    expect(route("--help").args).toEqual(["--help"])
    expect(route("install", "--help").args).toEqual(["install", "--help"])
  })
  it("puts words that look like options after -- in the sentence route", () => {
    expect(route("please", "install", "-f", "/etc/passwd").args).toEqual(["ask", "--", "please", "install", "-f", "/etc/passwd"])
  })
  it("routes an empty request to ask with no words", () => {
    expect(route().args).toEqual(["ask"])
    expect(route("--json").args).toEqual(["--json", "ask"])
  })
})

describe("routeArgs: options it does not know", () => {
  it("leaves an unknown leading option to the CLI's usage error", () => {
    expect(routeArgs(["--frobnicate", "list"], SUBCOMMANDS).args).toEqual(["--frobnicate", "list"])
  })
  it("but words after -- are always a sentence", () => {
    expect(routeArgs(["--", "-rf", "install"], SUBCOMMANDS).args).toEqual(["ask", "--", "-rf", "install"])
  })
})

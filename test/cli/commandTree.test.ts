/**
 * The tree @effect/cli parses a call's words with (src/cli/commands.ts): only the subcommand route.ts
 * chose, and only the global options given (the others at their defaults). What it reads must be what
 * the whole tree, with every global option declared, reads from the same words.
 */
import { Effect, Ref } from "effect"
import * as Descriptor from "@effect/cli/CommandDescriptor"
import { describe, expect, it } from "vitest"
import { cliConfig, makeCommand, optionName, root } from "../../src/cli/commands.js"
import { exclusiveOptions, globalOptions } from "../../src/cli/globalOptions.js"
import { routeArgs } from "../../src/cli/route.js"
import { platformLayer } from "../../src/layers/platform.js"
import { makeMockEnv } from "../app/mockEnv.js"

const { env } = makeMockEnv()
const plugins = await Effect.runPromise(env.pluginCommands)
const tree = makeCommand(env, Effect.runSync(Ref.make(0)), plugins)

const parse = (command: Descriptor.Command<unknown>, args: ReadonlyArray<string>) =>
  Effect.runSync(Effect.either(Descriptor.parse(command, ["ask-nix", ...args], cliConfig)).pipe(Effect.provide(platformLayer)))

const run = <A>(e: Effect.Effect<A, never, Effect.Effect.Context<ReturnType<typeof tree.command>>>) => Effect.runSync(e.pipe(Effect.provide(platformLayer)))

/**
 * What the call's tree reads from `words` (routed as the CLI routes them); what the root with all 17
 * global options reads from the same global options; and what the tree of every subcommand reads.
 */
const read = (...words: Array<string>) => {
  const routed = routeArgs(words, tree.grammar, exclusiveOptions)
  if (routed.route._tag !== "run") throw new Error(`not a run: ${JSON.stringify(routed.route)}`)
  const args = routed.route.args
  const first = routed.route.path[0] ?? "ask"
  const call = parse(run(tree.command(first, routed.given)).descriptor, args)
  const globals = parse(root.descriptor, args.slice(0, args.indexOf(first)))
  const whole = parse(run(tree.command()).descriptor, args)
  return { call, globals, whole }
}
/** The fields of what was read (an object: the root's options, and `subcommand`). */
const value = (e: ReturnType<typeof parse>): Record<string, unknown> => {
  if (e._tag === "Left" || e.right._tag !== "UserDefined") throw new Error(`not read: ${JSON.stringify(e)}`)
  const v = e.right.value
  return typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v)) : {}
}

describe("the command tree of a call", () => {
  it("names each global option after its key (dryRun is --dry-run), as the grammar has them", () => {
    expect(Object.keys(globalOptions).map((k) => `--${optionName(k)}`).sort()).toEqual(tree.grammar.globals.map((o) => o.names.find((n) => n.startsWith("--"))).sort())
  })
  it.each([
    [["install", "firefox"]],
    [["--json", "parse", "install firefox"]],
    [["--index", "/tmp/i", "search", "web", "browser", "--json"]],
    [["-y", "--execute", "--profile", "/tmp/p", "remove", "hello"]],
    [["--flake", "github:NixOS/nixpkgs", "--root", "/mnt", "--system", "--backend", "native", "list"]],
    [["--dry-run", "--show-intent", "--edit-only", "--config", "/etc/nixos/configuration.nix", "--flake-dir", "/etc/nixos", "please", "install", "vim"]],
    [["--home", "generations"]],
    [["--user", "--file", "./pkgs.nix", "index", "build", "--from", "packages.json"]]
  ])("reads %j as the whole tree does, the global options as the root with all of them", (words) => {
    const { call, globals, whole } = read(...words)
    const { name, subcommand, ...options } = value(call)
    expect(name).toBe("ask-nix")
    expect(options).toEqual(value(globals))
    expect(value(call)).toEqual(value(whole))
    expect(subcommand).toEqual(value(whole)["subcommand"])
  })
  it("says what is wrong with a global option's value as the root with all of them says it", () => {
    const { call, globals } = read("--flake", "not a flake!", "list")
    expect(call._tag).toBe("Left")
    expect(JSON.stringify(call)).toEqual(JSON.stringify(globals))
  })
})

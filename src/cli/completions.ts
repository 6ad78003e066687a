/**
 * Shell completions come from @effect/cli. Its bash script (0.77) names the root command `ask__nix` in
 * the subcommand transitions but `ask-nix` in the state it starts from, so nothing after the first word
 * completes; `fixBashCompletions` makes the two agree (tested by running the script in bash).
 */
import { Console, Effect } from "effect"

export const fixBashCompletions = (script: string): string =>
  script.replace(/^(\s*)ask__nix,/gm, "$1ask-nix,")

/** A Console that collects what is logged (to post-process generated text). */

export const collectingConsole = (into: Array<string>): Console.Console => {
  const push = (...args: ReadonlyArray<unknown>) => { into.push(args.map(String).join(" ")) }
  return {
    [Console.TypeId]: Console.TypeId,
    log: (...a: ReadonlyArray<unknown>) => Effect.sync(() => push(...a)),
    info: (...a: ReadonlyArray<unknown>) => Effect.sync(() => push(...a)),
    error: (...a: ReadonlyArray<unknown>) => Effect.sync(() => push(...a)),
    warn: (...a: ReadonlyArray<unknown>) => Effect.sync(() => push(...a)),
    debug: () => Effect.void, trace: () => Effect.void, assert: () => Effect.void, clear: Effect.void,
    count: () => Effect.void, countReset: () => Effect.void, dir: () => Effect.void, dirxml: () => Effect.void,
    group: () => Effect.void, groupEnd: Effect.void, table: () => Effect.void, time: () => Effect.void,
    timeEnd: () => Effect.void, timeLog: () => Effect.void,
    unsafe: { ...console, log: push, info: push, error: push, warn: push }
  } as unknown as Console.Console
}

/**
 * What runs while the startup snapshot is built (src/layers/startupSnapshot.ts): the commands people
 * run most, through the CLI, so that their code is compiled and their tables built in the snapshot (a
 * call that finds its code compiled saves the compiling: measured, 7 ms for list, more for search).
 * scripts/build.mjs prepares the world they run on, in a temp folder: a small package index and a
 * profile of one generation as Nix writes it. It builds the index with a separate process: the index
 * builder's code, compiled, would add 0.3 MB to a snapshot that every call loads. Nothing here starts
 * Nix, goes to the network or reads the user's files.
 */
import { Console, Effect } from "effect"
import { Console as NodeConsole } from "node:console"
import * as path from "node:path"
import { Writable } from "node:stream"

/** The calls, each as argv after the program name; without a world, those that need none. */
const calls = (world: string | undefined): ReadonlyArray<ReadonlyArray<string>> => {
  const index = ["--index", world === undefined ? "/nonexistent/index" : path.join(world, "index")]
  const profile = ["--profile", world === undefined ? "/nonexistent/profile" : path.join(world, "profile")]
  return [
    [...index, "parse", "--json", "install firefox"],
    [...index, "parse", "what provides rg"],
    ["--help"],
    ...world === undefined ? [] : [
      [...index, "--json", "search", "firefox"],
      [...index, "search", "web browser"],
      [...index, "info", "hello"],
      [...index, ...profile, "--json", "list"],
      [...index, ...profile, "list"],
      [...index, ...profile, "generations"]
    ]
  ]
}

const nothing = () => {}
const none = () => Effect.void
/** The warm-up's output is nobody's. */
const silent: Console.Console = {
  [Console.TypeId]: Console.TypeId,
  assert: none, clear: Effect.void, count: none, countReset: none, debug: none, dir: none, dirxml: none,
  error: none, group: none, groupEnd: Effect.void, info: none, log: none, table: none, time: none,
  timeEnd: none, timeLog: none, trace: none, warn: none,
  unsafe: {
    assert: nothing, clear: nothing, count: nothing, countReset: nothing, debug: nothing, dir: nothing,
    dirxml: nothing, error: nothing, group: nothing, groupCollapsed: nothing, groupEnd: nothing, info: nothing,
    log: nothing, table: nothing, time: nothing, timeEnd: nothing, timeLog: nothing, trace: nothing, warn: nothing
  }
}

/**
 * The calls write to `silent`, so Node's own console code (formatting a line, a stream's write) was
 * compiled by the first line each real call wrote: about 0.7 ms (measured on an empty snapshot: the first
 * `console.log` 0.9 -> 0.2-0.3 ms). A line and a note to a throwaway console compile it in the snapshot.
 */
const compileNodeConsole = Effect.sync(() => {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const node = new NodeConsole({ stdout: sink, stderr: sink })
  node.log('{"type":"result","ok":true}')
  node.error("note")
})

/**
 * Which calls a snapshot is warmed up on: `all` for dist/ask-nix.blob; `read` for dist/ask-nix-read.blob,
 * which bin/ask-nix starts for `search` and `list` alone. Warming up the parser (parse's calls) adds some
 * 1.9 MB of compiled code and tables to a snapshot, which every call deserialises; search and list use
 * little of it (measured, without NODE_EXTRA_CA_CERTS, 20 runs, median over `node -e ''`: search
 * +31.2 -> +26.9 ms, list +30.3 -> +24.0 ms; blob 8.42 -> 6.59 MB).
 */
export type WarmUpCalls = "all" | "read"

/** The calls of the `read` snapshot: the commands bin/ask-nix starts it for (its `search|list` case). */
export const readCommands: ReadonlyArray<string> = ["search", "list"]

const isRead = (args: ReadonlyArray<string>) => args.some((word) => readCommands.includes(word))

/** Runs `run` on each call, silenced, on the world in folder `world` (see scripts/build.mjs) when there is one. */
export const snapshotWarmUp = <E, R>(run: (args: ReadonlyArray<string>) => Effect.Effect<unknown, E, R>, world: string | undefined, which: WarmUpCalls = "all") =>
  Effect.zipRight(Effect.forEach(calls(world).filter((args) => which === "all" || isRead(args)), (args) => Effect.withConsole(run(args), silent), { discard: true }), compileNodeConsole)

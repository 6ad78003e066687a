/**
 * The whole ask-nix pipeline over the in-memory Nix (src/layers/NixMock.ts), built by the same
 * composition root as the shipped CLI (makeApp in src/layers/MainLayer.ts): the real parser, chain,
 * backends, system backend, plugins, dry-run policy, output and progress renderer; only the outside
 * world is the test's (test/support/testWorld.ts). `runAskNix(args)` runs the CLI as a user would
 * and captures stdout/stderr through Console.
 */
import { NodeContext } from "@effect/platform-node"
import { Console, Effect } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AppEnv } from "../../src/cli/AppEnv.js"
import { runCli } from "../../src/cli/run.js"
import type { Environment } from "../../src/domain/Environment.js"
import { readTextFile } from "../../src/layers/environment.js"
import { makeApp } from "../../src/layers/MainLayer.js"
import type { NixMockState } from "../../src/layers/NixMock.js"
import { testWorld, type TestWorldOptions } from "../support/testWorld.js"
import type { HistoryEntry } from "../../src/domain/history/HistoryEntry.js"

export interface MockRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** stdout parsed as JSON Lines (for --json runs). */
  readonly lines: ReadonlyArray<Record<string, any>>
  readonly last: Record<string, any>
}

export const testEnvironment = (env: Record<string, string> = {}, interactive = false): Environment => ({
  env: { HOME: "/tmp/ask-nix-test-home", XDG_CACHE_HOME: "/tmp/ask-nix-test-home/nonexistent-cache", ...env },
  home: "/tmp/ask-nix-test-home",
  cwd: "/tmp/ask-nix-test-home",
  interactive,
  exists: () => false,
  // The real files: tests write settings files under a temporary XDG_CONFIG_HOME.
  readText: readTextFile
})

export interface MockEnvOptions extends TestWorldOptions {
  readonly env?: Record<string, string>
  readonly interactive?: boolean
}

/** The shipped composition root (src/layers/MainLayer.ts) over the test world. */
export const makeMockEnv = (options: MockEnvOptions = {}): {
  readonly env: AppEnv
  readonly state: NixMockState
  /** What ask-nix recorded (in memory), oldest first. */
  readonly history: Array<HistoryEntry>
} => {
  const { world, state, history } = testWorld(options)
  const app = makeApp(world)
  const interactive = options.interactive ?? false
  return {
    env: { ...app, environment: testEnvironment({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), "ask-nix-mock-state-")), ...options.env }, interactive) },
    state,
    history
  }
}

const captureConsole = (out: Array<string>, err: Array<string>): Console.Console => {
  const write = (to: Array<string>) => (...args: ReadonlyArray<unknown>) => Effect.sync(() => { to.push(args.map(String).join(" ")) })
  const unsafeWrite = (to: Array<string>) => (...args: ReadonlyArray<unknown>) => { to.push(args.map(String).join(" ")) }
  const noop = () => Effect.void
  return {
    [Console.TypeId]: Console.TypeId,
    log: write(out), info: write(out), error: write(err), warn: write(err), debug: write(err), trace: write(err),
    assert: noop, clear: Effect.void, count: noop, countReset: noop, dir: noop, dirxml: noop, group: noop,
    groupEnd: Effect.void, table: noop, time: noop, timeEnd: noop, timeLog: noop,
    unsafe: {
      log: unsafeWrite(out), info: unsafeWrite(out), error: unsafeWrite(err), warn: unsafeWrite(err),
      debug: unsafeWrite(err), trace: unsafeWrite(err), assert: () => {}, clear: () => {}, count: () => {},
      countReset: () => {}, dir: () => {}, dirxml: () => {}, group: () => {}, groupCollapsed: () => {},
      groupEnd: () => {}, table: () => {}, time: () => {}, timeEnd: () => {}, timeLog: () => {}
    }
  } as unknown as Console.Console
}

export const runAskNix = (env: AppEnv, args: ReadonlyArray<string>): Effect.Effect<MockRun> =>
  Effect.gen(function*() {
    const out: Array<string> = []
    const err: Array<string> = []
    const code = yield* runCli(["node", "ask-nix", ...args], env).pipe(
      Effect.withConsole(captureConsole(out, err)),
      Effect.provide(NodeContext.layer)
    )
    const stdout = out.join("\n")
    const lines = out.flatMap((l) => l.split("\n")).filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, any>)
    return { code, stdout, stderr: err.join("\n"), lines, last: lines[lines.length - 1] ?? {} }
  }) as unknown as Effect.Effect<MockRun>

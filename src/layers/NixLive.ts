/**
 * The live Nix choke point: every external command runs here, as an argv array (never a shell), in a
 * scope that kills the child's process group when interrupted. stdout and stderr are drained
 * concurrently (an unread stderr pipe deadlocks Nix), the exit code is checked here (Command.string
 * ignores it), and mutating commands are checked against the DryRunPolicy: reaching this point with a
 * mutating command in dry-run is a bug in the caller, so it is a defect.
 */
import * as Command from "@effect/platform/Command"
import * as CommandExecutor from "@effect/platform/CommandExecutor"
import type { PlatformError } from "@effect/platform/Error"
import { Chunk, Duration, Effect, Fiber, Layer, Stream } from "effect"
import { spawn as spawnChild } from "node:child_process"
import { accessSync, constants } from "node:fs"
import { delimiter, join } from "node:path"
import { Interrupted, NixFailed, NixNotFound } from "../domain/errors.js"
import { classifyFailure } from "../domain/nixlog/classifyFailure.js"
import { makeLogParser } from "../domain/nixlog/LogParser.js"
import { makeLineSplitter, makeTail } from "../domain/nixlog/cappedLines.js"
import { DryRunPolicy } from "../services/DryRunPolicy.js"
import { Nix, type NixCommand, type NixShape, type ProcessResult, type RunError } from "../services/Nix.js"
import { startedByThisProcess } from "./profile/processIdentity.js"

export interface NixLiveOptions {
  /** A folder put first on PATH for every command (e.g. /opt/nix-modern/bin). */
  readonly binDir?: string | undefined
  /** Extra environment for every command (e.g. NIX_CONFIG in tests). */
  readonly env?: Readonly<Record<string, string>> | undefined
}

/** How many stderr lines a failure keeps for error mapping (build logs can be long). */
const keepLines = 400

const isNotFound = (e: PlatformError): boolean => e._tag === "SystemError" && e.reason === "NotFound"

export const makeNixLive = (options: NixLiveOptions = {}) =>
  Effect.gen(function*() {
    const executor = yield* CommandExecutor.CommandExecutor
    const policy = yield* DryRunPolicy

    /** Marks every command as this ask-nix's (see processIdentity.ts: a killed holder's Nix is waited for). */
    let startedBy: Readonly<Record<string, string>> | undefined
    const marker = () => (startedBy ??= startedByThisProcess())

    const pathValue = (): string =>
      [options.binDir, process.env["PATH"]].filter((p): p is string => p !== undefined && p !== "").join(delimiter)

    const toCommand = (cmd: NixCommand): Command.Command => {
      const [program, ...args] = cmd.argv
      let c = Command.make(program ?? "", ...args).pipe(
        Command.env({ ...options.env, ...marker(), PATH: pathValue(), ...cmd.env })
      )
      if (cmd.cwd !== undefined) c = Command.workingDirectory(c, cmd.cwd)
      if (cmd.stdin !== undefined) {
        c = Command.feed(c, cmd.stdin)
      }
      return c
    }

    const guard = (cmd: NixCommand): Effect.Effect<void> =>
      cmd.argv.length === 0
        ? Effect.dieMessage("Nix choke point: empty argv")
        : cmd.mutating && !policy.allows(cmd.argv, true)
        ? Effect.dieMessage(`Nix choke point: refused a mutating command in dry-run: ${JSON.stringify(cmd.argv)}`)
        : Effect.void

    const startError = (cmd: NixCommand) => (e: PlatformError): NixNotFound | NixFailed =>
      isNotFound(e)
        ? new NixNotFound({ command: cmd.argv[0] ?? "" })
        : new NixFailed({ argv: [...cmd.argv], exitCode: -1, message: `could not start ${cmd.argv[0]}: ${e.message}`, stderrTail: [] })

    const exitError = (cmd: NixCommand) => (e: PlatformError): Interrupted | NixFailed =>
      e.message.includes("signal")
        ? new Interrupted({ detail: `${cmd.argv[0]} was stopped (${e.message})` })
        : new NixFailed({ argv: [...cmd.argv], exitCode: -1, message: e.message, stderrTail: [] })

    /** A failed read of a command's output is a failure of the command (never an empty output). */
    const readError = (cmd: NixCommand, stream: "output" | "error output") => (e: PlatformError) =>
      new NixFailed({ argv: [...cmd.argv], exitCode: -1, message: `could not read the ${stream} of ${cmd.argv[0]}: ${e.message}`, stderrTail: [] })

    const collect = (cmd: NixCommand, stream: "output" | "error output", s: Stream.Stream<Uint8Array, PlatformError>) =>
      s.pipe(Stream.decodeText(), Stream.runFold("", (acc, chunk) => acc + chunk), Effect.mapError(readError(cmd, stream)))

    /** stderr as capped lines (see cappedLines.ts): each line at most MAX_LINE, the last 16 MiB of them. */
    const collectStderr = (cmd: NixCommand, s: Stream.Stream<Uint8Array, PlatformError>) => {
      const split = makeLineSplitter()
      const tail = makeTail(16 * 1024 * 1024)
      return s.pipe(
        Stream.decodeText(),
        Stream.runForEach((chunk) => Effect.sync(() => { for (const l of split.feed(chunk)) tail.push(l) })),
        Effect.mapError(readError(cmd, "error output")),
        Effect.map(() => { for (const l of split.end()) tail.push(l); return tail.lines().join("\n") })
      )
    }

    const withTimeout = <A, E, R>(cmd: NixCommand, eff: Effect.Effect<A, E, R>) =>
      cmd.timeoutMs === undefined
        ? eff
        : Effect.timeoutFail(eff, {
          duration: Duration.millis(cmd.timeoutMs),
          onTimeout: () =>
            new NixFailed({ argv: [...cmd.argv], exitCode: -1, message: `timed out after ${cmd.timeoutMs} ms`, stderrTail: [] })
        })

    /**
     * A program with the terminal (`nix shell`, password prompts). Not through the CommandExecutor: it
     * starts every child in a process group of its own, and a program outside the terminal's foreground
     * group is stopped when it reads the terminal. Uninterruptible while it runs: Ctrl-C belongs to the
     * program (a shell handles it itself), and ask-nix stops after the program exits.
     */
    const interactive = (cmd: NixCommand): Effect.Effect<ProcessResult, NixNotFound | NixFailed | Interrupted> =>
      Effect.uninterruptible(Effect.async<ProcessResult, NixNotFound | NixFailed | Interrupted>((resume) => {
        const [program = "", ...args] = cmd.argv
        const child = spawnChild(program, args, {
          stdio: "inherit",
          env: { ...process.env, ...options.env, ...marker(), PATH: pathValue(), ...cmd.env },
          ...(cmd.cwd !== undefined ? { cwd: cmd.cwd } : {})
        })
        child.on("error", (e: NodeJS.ErrnoException) =>
          resume(Effect.fail(e.code === "ENOENT"
            ? new NixNotFound({ command: program })
            : new NixFailed({ argv: [...cmd.argv], exitCode: -1, message: `could not start ${program}: ${e.message}`, stderrTail: [] }))))
        child.on("exit", (code, signal) =>
          resume(code === null
            ? Effect.fail(new Interrupted({ detail: `${program} was stopped by ${signal}` }))
            : Effect.succeed({ argv: cmd.argv, exitCode: code, stdout: "", stderr: "" })))
      }))

    /** Runs to completion; never fails on a non-zero exit. */
    const spawn = (cmd: NixCommand): Effect.Effect<ProcessResult, NixNotFound | NixFailed | Interrupted> =>
      cmd.interactive ? Effect.zipRight(guard(cmd), interactive(cmd)) : guard(cmd).pipe(
        Effect.zipRight(Effect.scoped(Effect.gen(function*() {
          const proc = yield* executor.start(toCommand(cmd)).pipe(Effect.mapError(startError(cmd)))
          const [stdout, stderr, exitCode] = yield* Effect.all(
            [collect(cmd, "output", proc.stdout), collectStderr(cmd, proc.stderr), proc.exitCode.pipe(Effect.mapError(exitError(cmd)))],
            { concurrency: "unbounded" }
          )
          return { argv: cmd.argv, exitCode, stdout, stderr }
        }))),
        (eff) => withTimeout(cmd, eff)
      )

    const failure = (cmd: NixCommand, exitCode: number, stderr: ReadonlyArray<string>) =>
      classifyFailure({ argv: cmd.argv, exitCode, stderr: stderr.slice(-keepLines) })

    const run: NixShape["run"] = (cmd) =>
      spawn(cmd).pipe(Effect.flatMap((r): Effect.Effect<ProcessResult, RunError> =>
        r.exitCode === 0 ? Effect.succeed(r) : Effect.fail(failure(cmd, r.exitCode, r.stderr.split("\n")))
      ))

    const exec: NixShape["exec"] = spawn

    const stream: NixShape["stream"] = (cmd) =>
      Stream.unwrapScoped(Effect.gen(function*() {
        yield* guard(cmd)
        const proc = yield* executor.start(toCommand(cmd)).pipe(Effect.mapError(startError(cmd)))
        const parser = makeLogParser()
        let tail = Chunk.empty<string>()
        const stdoutFiber = yield* Effect.fork(collect(cmd, "output", proc.stdout))
        const split = makeLineSplitter()
        const events = proc.stderr.pipe(
          Stream.decodeText(),
          Stream.mapConcat((chunk) => split.feed(chunk)),
          (lines) => Stream.concat(lines, Stream.suspend(() => Stream.fromIterable(split.end()))),
          Stream.tap((line) => Effect.sync(() => {
            tail = Chunk.append(tail, line)
            if (Chunk.size(tail) > keepLines) tail = Chunk.drop(tail, Chunk.size(tail) - keepLines)
          })),
          Stream.mapConcat((line) => parser.feed(line)),
          Stream.mapError(readError(cmd, "error output"))
        )
        const end = Effect.gen(function*() {
          const exitCode = yield* proc.exitCode.pipe(Effect.mapError(exitError(cmd)))
          yield* Fiber.join(stdoutFiber)
          if (exitCode !== 0) return yield* Effect.fail(failure(cmd, exitCode, Chunk.toReadonlyArray(tail)))
        })
        const all = Stream.concat(events, Stream.drain(Stream.fromEffect(end)))
        return cmd.timeoutMs === undefined
          ? all
          : Stream.timeoutFail(all, () =>
            new NixFailed({ argv: [...cmd.argv], exitCode: -1, message: `timed out after ${cmd.timeoutMs} ms`, stderrTail: [] }), Duration.millis(cmd.timeoutMs))
      }))

    const which: NixShape["which"] = (program) =>
      Effect.sync(() => {
        for (const dir of pathValue().split(delimiter)) {
          if (dir === "") continue
          const candidate = join(dir, program)
          try {
            accessSync(candidate, constants.X_OK)
            return candidate
          } catch {
            // not here
          }
        }
        return undefined
      })

    return { run, exec, stream, which } satisfies NixShape
  })

/** The live Nix layer; needs a CommandExecutor (NodeContext.layer) and the DryRunPolicy. */
export const NixLiveWith = (options: NixLiveOptions = {}) => Layer.effect(Nix, makeNixLive(options))

export const NixLive = NixLiveWith()

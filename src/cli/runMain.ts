/**
 * Runs the program's one fiber and turns the signals that end a terminal session into an orderly stop:
 * Ctrl-C (SIGINT), a closed terminal (SIGHUP), `kill` (SIGTERM) and Ctrl-\ (SIGQUIT) all interrupt the
 * fiber, so every scope closes — Nix's process group is stopped, a profile lock is released, a half-done
 * update is thrown away — and then the process exits with 128 + the signal's number.
 *
 * Not NodeRuntime.runMain: it listens to SIGINT and SIGTERM only (a closed terminal killed ask-nix and
 * left Nix running) and exits 130 for both.
 */
import { Cause, Effect, Exit, type Fiber } from "effect"
import { constants } from "node:os"
import { mark } from "./timing.js"

export const stopSignals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const
export type StopSignal = (typeof stopSignals)[number]

/** 128 + n, as shells report a process ended by signal n. */
export const signalExitCode = (signal: StopSignal): number => 128 + constants.signals[signal]

/**
 * After a hang-up the terminal is gone and writes to it fail (EIO); a closed pipe (`| head`) fails
 * with EPIPE. Neither may crash ask-nix in the middle of stopping Nix.
 */
const ignoreWriteErrors = (stream: NodeJS.WriteStream) => stream.on("error", () => undefined)

/** Keeps the process alive while the fiber waits on something that holds no handle of its own. */
const keepAlive = () => setInterval(() => undefined, 2 ** 31 - 1)

/**
 * Node compiles its timer code when a process sets its first timer (about 0.3 ms of every call from the
 * startup snapshot, for the keep-alive below). The snapshot's warm-up sets and clears one, so that code
 * is compiled in the snapshot (measured on an empty snapshot: the first timer 0.33 -> 0.05 ms).
 */
export const compileTimers = (): void => clearInterval(keepAlive())

export const runMain = (main: Effect.Effect<number>, options: { readonly onStop: (signal: StopSignal) => string }): void => {
  ignoreWriteErrors(process.stdout)
  ignoreWriteErrors(process.stderr)
  const fiber: Fiber.RuntimeFiber<number> = Effect.runFork(main)
  let received: StopSignal | undefined
  for (const signal of stopSignals) {
    // Later signals are absorbed: the first one is already stopping everything, and the default action
    // (ending the process at once) would leave Nix running.
    const handler = () => {
      if (received !== undefined) return
      received = signal
      fiber.unsafeInterruptAsFork(fiber.id())
    }
    process.on(signal, handler)
  }
  const alive = keepAlive()
  fiber.addObserver((exit) => {
    mark("fiber done")
    clearInterval(alive)
    const code = received !== undefined
      ? signalExitCode(received)
      : Exit.isSuccess(exit) ? exit.value : 1
    if (received !== undefined) process.stderr.write(options.onStop(received))
    else if (Exit.isFailure(exit)) process.stderr.write(`ask-nix failed unexpectedly:\n${Cause.pretty(exit.cause)}\n`)
    // The handlers stay until the process exits: a signal now would otherwise end it before it has
    // said how it stopped.
    process.exitCode = code
    // Exit once stdout and stderr are written (a pipe may still hold the last lines). Left to itself,
    // Node would first wait for background work of the garbage collector (up to 10 ms of a 150 ms call).
    process.stdout.write("", () => process.stderr.write("", () => (mark("flushed"), process.exit(code))))
  })
}

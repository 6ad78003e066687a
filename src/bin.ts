/** Entry point: wires the live services and runs the CLI. No logic here. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Exit } from "effect"
import { runCli } from "./cli/run.js"
import { currentEnvironment } from "./layers/environment.js"
import { liveWorld } from "./layers/LiveWorld.js"
import { makeApp } from "./layers/MainLayer.js"

let code = 0
const main = runCli(process.argv, { environment: currentEnvironment(), ...makeApp(liveWorld) }).pipe(
  Effect.tap((c) => Effect.sync(() => { code = c })),
  Effect.provide(NodeContext.layer)
)

/**
 * Exit once stdout and stderr are written. Left to itself, Node would first wait for background work
 * of the garbage collector (measured: up to 10 ms of a 150 ms `ask-nix parse`).
 */
const exitWhenWritten = (exitCode: number) =>
  process.stdout.write("", () => process.stderr.write("", () => process.exit(exitCode)))

NodeRuntime.runMain(main, {
  disableErrorReporting: false,
  teardown: (exit) => {
    if (Exit.isFailure(exit) && Exit.isInterrupted(exit)) {
      process.stderr.write("\nInterrupted: stopped Nix; your profile is on the generation it was on.\n")
      exitWhenWritten(130)
    } else {
      exitWhenWritten(Exit.isFailure(exit) ? 1 : code)
    }
  }
})

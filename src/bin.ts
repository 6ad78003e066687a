/**
 * Entry point: wires the live services and runs the CLI. No logic here. Under `node --build-snapshot`
 * (npm run build) it warms the program up instead and leaves `main` for bin/ask-nix to start.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Exit, Random } from "effect"
import { runCli } from "./cli/run.js"
import type { Environment } from "./domain/Environment.js"
import { currentEnvironment } from "./layers/environment.js"
import { liveWorld } from "./layers/LiveWorld.js"
import { makeApp } from "./layers/MainLayer.js"
import { platformLayer } from "./layers/platform.js"
import { snapshotWarmUp } from "./layers/snapshotWarmUp.js"
import { startOrBuildSnapshot } from "./layers/startupSnapshot.js"

const app = makeApp(liveWorld)

/**
 * Exit once stdout and stderr are written. Left to itself, Node would first wait for background work
 * of the garbage collector (measured: up to 10 ms of a 150 ms `ask-nix parse`).
 */
const exitWhenWritten = (exitCode: number) =>
  process.stdout.write("", () => process.stderr.write("", () => process.exit(exitCode)))

const main = () => {
  let code = 0
  const program = runCli(process.argv, { environment: currentEnvironment(), ...app }).pipe(
    Effect.tap((c) => Effect.sync(() => { code = c })),
    Effect.provide(platformLayer),
    // Effect seeds its default Random when it loads, which a startup snapshot would freeze.
    Effect.withRandom(Random.make(Math.random()))
  )
  NodeRuntime.runMain(program, {
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
}

/** While the snapshot is built: the CLI in-process, on the build's throwaway world. */
const nowhere: Environment = { env: {}, home: "/nonexistent", cwd: "/nonexistent", interactive: false, exists: () => false }
const warmUp = () => Effect.runPromise(snapshotWarmUp(
  (args) => runCli(["node", "ask-nix", ...args], { environment: nowhere, ...app }).pipe(Effect.provide(platformLayer)),
  process.env["ASK_NIX_WARM_UP_WORLD"]
))

startOrBuildSnapshot(main, warmUp)

/**
 * Entry point: wires the live services and runs the CLI. No logic here. Under `node --build-snapshot`
 * (npm run build) it warms the program up instead and leaves `main` for bin/ask-nix to start.
 */
import { Effect, Random } from "effect"
import { runCli } from "./cli/run.js"
import { compileTimers, runMain } from "./cli/runMain.js"
import type { Environment } from "./domain/Environment.js"
import { currentEnvironment, readTextFile, restoreLauncherEnvironment } from "./layers/environment.js"
import { liveWorld } from "./layers/LiveWorld.js"
import { makeApp } from "./layers/MainLayer.js"
import { withPlatform } from "./layers/platform.js"
import { snapshotWarmUp } from "./layers/snapshotWarmUp.js"
import { startOrBuildSnapshot } from "./layers/startupSnapshot.js"
import { mark } from "./cli/timing.js"

const app = makeApp(liveWorld)

// Signals stop the one fiber (Nix's process group, the profile lock, a half-done update) and the process
// exits with 128 + the signal, once stdout and stderr are written (src/cli/runMain.ts).
const main = () => {
  mark("main started")
  restoreLauncherEnvironment()
  runMain(
    runCli(process.argv, { environment: currentEnvironment(), ...app }).pipe(
      withPlatform,
      // Effect seeds its default Random when it loads, which a startup snapshot would freeze.
      Effect.withRandom(Random.make(Math.random()))
    ),
    { onStop: (signal) => `\nInterrupted (${signal}): stopped.\n` }
  )
}

/**
 * While the snapshot is built: the CLI in-process, on the build's throwaway world. Files are read as a
 * call reads them, from folders that do not exist: the settings file is missing as it is for most
 * users, and Node's code that makes the error of a missing file is then compiled in the snapshot
 * (about 0.25 ms of every call that finds no settings file).
 */
const nowhere: Environment = { env: {}, home: "/nonexistent", cwd: "/nonexistent", interactive: false, stdoutIsTerminal: false, exists: () => false, readText: readTextFile }
const warmUp = () => Effect.runPromise(snapshotWarmUp(
  (args) => withPlatform(runCli(["node", "ask-nix", ...args], { environment: nowhere, ...app })),
  process.env["ASK_NIX_WARM_UP_WORLD"],
  process.env["ASK_NIX_WARM_UP_CALLS"] === "read" ? "read" : "all"
)).then(compileTimers)

startOrBuildSnapshot(main, warmUp)

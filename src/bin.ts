/** Entry point: wires the live services and runs the CLI. No logic here. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect } from "effect"
import { runCli } from "./cli/run.js"
import { runMain } from "./cli/runMain.js"
import { currentEnvironment } from "./layers/environment.js"
import { liveWorld } from "./layers/LiveWorld.js"
import { makeApp } from "./layers/MainLayer.js"

runMain(
  runCli(process.argv, { environment: currentEnvironment(), ...makeApp(liveWorld) }).pipe(
    Effect.provide(NodeContext.layer)
  ),
  { onStop: (signal) => `\nInterrupted (${signal}): stopped.\n` }
)

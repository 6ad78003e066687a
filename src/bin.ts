/** Entry point: wires the live services and runs the CLI. No logic here. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect } from "effect"
import { runCli } from "./cli/run.js"
import { runMain } from "./cli/runMain.js"
import { currentEnvironment } from "./layers/environment.js"
import { mainLayer, parseLayer, pluginCommands } from "./layers/MainLayer.js"

runMain(
  runCli(process.argv, { environment: currentEnvironment(), layer: mainLayer, parseLayer, pluginCommands }).pipe(
    Effect.provide(NodeContext.layer)
  ),
  { onStop: (signal) => `\nInterrupted (${signal}): stopped.\n` }
)

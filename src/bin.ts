/** Entry point: wires the live services and runs the CLI. No logic here. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Exit } from "effect"
import { runCli } from "./cli/run.js"
import { currentEnvironment } from "./layers/environment.js"
import { mainLayer, parseLayer, pluginCommands } from "./layers/MainLayer.js"

let code = 0
const main = runCli(process.argv, { environment: currentEnvironment(), layer: mainLayer, parseLayer, pluginCommands }).pipe(
  Effect.tap((c) => Effect.sync(() => { code = c })),
  Effect.provide(NodeContext.layer)
)

NodeRuntime.runMain(main, {
  disableErrorReporting: false,
  teardown: (exit, onExit) => {
    if (Exit.isFailure(exit) && Exit.isInterrupted(exit)) {
      process.stderr.write("\nInterrupted: stopped Nix; your profile is on the generation it was on.\n")
      onExit(130)
    } else {
      onExit(Exit.isFailure(exit) ? 1 : code)
    }
  }
})

/** Wiring without a system backend, plugins or a progress renderer. */
import { Effect } from "effect"
import type { WiringShape } from "../services/Wiring.js"

export const defaultWiring: WiringShape = {
  systemBackend: Effect.succeed(undefined),
  pluginBackend: undefined,
  pluginCommand: () => undefined,
  onExecuted: () => Effect.void,
  renderProgress: () => Effect.void,
  finishProgress: Effect.void,
  helpGroups: [],
  warnings: []
}


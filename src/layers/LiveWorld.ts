/** The real machine for the composition root (MainLayer.ts): processes, the disk, the terminal, the daemon. */
import { Effect, Layer } from "effect"
import type { LoadedPlugins } from "../services/Plugins.js"
import { CleanPreviewLive } from "./backends/native/cleanPreview.js"
import { ConfigEvaluatorLive } from "./ConfigEvaluatorLive.js"
import type { World } from "./MainLayer.js"
import { NixLive } from "./NixLive.js"
import { platformLayer, statelessPlatformLayer } from "./platform.js"
import { loadPlugins } from "./plugins/loadPlugins.js"
import { ProfileInspectorLive } from "./ProfileInspectorLive.js"
import { PrompterLive } from "./PrompterLive.js"
import { SystemHostLive } from "./SystemHostLive.js"
import { HistoryLive } from "./HistoryLive.js"
import { NetworkProbeLive } from "./NetworkProbeLive.js"

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

export const liveWorld: World = {
  nix: Layer.mergeAll(NixLive, ProfileInspectorLive, NetworkProbeLive).pipe(Layer.provide(statelessPlatformLayer)),
  host: SystemHostLive,
  prompter: PrompterLive.pipe(Layer.provide(platformLayer)),
  cleanPreview: CleanPreviewLive,
  history: HistoryLive,
  plugins: loadedPlugins,
  files: statelessPlatformLayer,
  configEvaluator: ConfigEvaluatorLive
}

/** The real machine for the composition root (MainLayer.ts): processes, the disk, the terminal, the daemon. */
import { Context, Effect } from "effect"
import { NetworkProbe } from "../services/NetworkProbe.js"
import { Nix } from "../services/Nix.js"
import { ProfileInspector } from "../services/ProfileInspector.js"
import { Prompter } from "../services/Prompter.js"
import type { LoadedPlugins } from "../services/Plugins.js"
import { CleanPreviewLive } from "./backends/native/cleanPreview.js"
import { ConfigEvaluatorLive } from "./ConfigEvaluatorLive.js"
import type { World } from "./MainLayer.js"
import { makeNixLive } from "./NixLive.js"
import { platformContext, statelessPlatform } from "./platform.js"
import { loadPlugins } from "./plugins/loadPlugins.js"
import { profileInspector } from "./ProfileInspectorLive.js"
import { makePrompter } from "./PrompterLive.js"
import { SystemHostLive } from "./SystemHostLive.js"
import { HistoryLive } from "./HistoryLive.js"
import { makeNetworkProbe } from "./NetworkProbeLive.js"

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

/**
 * Nix, the profile reader and the network probe made in one step, and the prompter: made by their make
 * functions, not built as layers (each layer about 0.3 ms of Effect's layer machinery from the snapshot,
 * however small the service; see Part in MainLayer.ts).
 */
const nix = Effect.provide(
  Effect.map(makeNixLive(), (live) => Context.make(Nix, live).pipe(Context.add(ProfileInspector, profileInspector), Context.add(NetworkProbe, makeNetworkProbe()))),
  statelessPlatform
)
const prompter = Effect.map(Effect.flatMap(platformContext, (context) => Effect.provide(makePrompter, context)), (service) => Context.make(Prompter, service))

export const liveWorld: World = {
  nix,
  host: SystemHostLive,
  prompter,
  cleanPreview: CleanPreviewLive,
  history: HistoryLive,
  plugins: loadedPlugins,
  files: Effect.succeed(statelessPlatform),
  configEvaluator: ConfigEvaluatorLive
}

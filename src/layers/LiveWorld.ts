/** The real machine for the composition root (MainLayer.ts): processes, the disk, the terminal, the daemon. */
import { Context, Effect, Layer } from "effect"
import { NetworkProbe } from "../services/NetworkProbe.js"
import { Nix } from "../services/Nix.js"
import { ProfileInspector } from "../services/ProfileInspector.js"
import { Prompter } from "../services/Prompter.js"
import type { LoadedPlugins } from "../services/Plugins.js"
import { CleanPreviewLive } from "./backends/native/cleanPreview.js"
import { ConfigEvaluatorLive } from "./ConfigEvaluatorLive.js"
import type { World } from "./MainLayer.js"
import { makeNixLive } from "./NixLive.js"
import { platformContext, statelessPlatform, statelessPlatformLayer } from "./platform.js"
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
 * Nix, the profile reader and the network probe, and the prompter, each made in one layer step: as
 * layers merged and provided with the platform's, a call built seven (each about 0.25 ms of Effect's
 * layer machinery from the snapshot, however small the service: 3.3 ms in all, 1 ms now).
 */
const nix = Layer.effectContext(Effect.provide(
  Effect.map(makeNixLive(), (live) => Context.make(Nix, live).pipe(Context.add(ProfileInspector, profileInspector), Context.add(NetworkProbe, makeNetworkProbe()))),
  statelessPlatform
))
const prompter = Layer.scoped(Prompter, Effect.flatMap(platformContext, (context) => Effect.provide(makePrompter, context)))

export const liveWorld: World = {
  nix,
  host: SystemHostLive,
  prompter,
  cleanPreview: CleanPreviewLive,
  history: HistoryLive,
  plugins: loadedPlugins,
  files: statelessPlatformLayer,
  configEvaluator: ConfigEvaluatorLive
}

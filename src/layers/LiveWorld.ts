/** The real machine for the composition root (MainLayer.ts): processes, the disk, the terminal, the daemon. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect, Layer } from "effect"
import type { LoadedPlugins } from "../services/Plugins.js"
import { CleanPreviewLive } from "./backends/native/cleanPreview.js"
import type { World } from "./MainLayer.js"
import { NixLive } from "./NixLive.js"
import { loadPlugins } from "./plugins/loadPlugins.js"
import { ProfileInspectorLive } from "./ProfileInspectorLive.js"
import { PrompterLive } from "./PrompterLive.js"
import { SystemHostLive } from "./SystemHostLive.js"

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

export const liveWorld: World = {
  nix: Layer.merge(NixLive, ProfileInspectorLive).pipe(Layer.provide(NodeContext.layer)),
  host: SystemHostLive,
  prompter: PrompterLive.pipe(Layer.provide(NodeContext.layer)),
  cleanPreview: CleanPreviewLive,
  plugins: loadedPlugins,
  files: NodeFileSystem.layer
}

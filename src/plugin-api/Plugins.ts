/** The loaded plugins as a service, loaded once per call. */
import { Context, Layer } from "effect"
import { loadPlugins, type LoadedPlugins } from "./loadPlugins.js"
import type { PluginModule } from "./PluginModule.js"

export class Plugins extends Context.Tag("ask-nix/Plugins")<Plugins, LoadedPlugins>() {}

/** From the generated registry (src/plugin-api/registry.generated.ts). */
export const PluginsLive = Layer.effect(Plugins, loadPlugins())

/** From an explicit list (tests). */
export const PluginsFrom = (modules: ReadonlyArray<PluginModule>) => Layer.effect(Plugins, loadPlugins(modules))

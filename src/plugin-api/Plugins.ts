/** The loaded plugins as a service (src/app/liveEnv.ts loads them once per process: loadPlugins()). */
import { Context } from "effect"
import type { LoadedPlugins } from "./loadPlugins.js"

export class Plugins extends Context.Tag("ask-nix/Plugins")<Plugins, LoadedPlugins>() {}

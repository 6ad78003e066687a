/** Puts plugin backends into the chain at the positions they ask for. */
import { Effect } from "effect"
import type { Backend } from "../../services/Backend.js"
import type { BackendPosition, PluginServices } from "../../services/Plugin.js"
import type { LoadedPlugins } from "../../services/Plugins.js"

/** Pure: insert one backend. An unknown neighbour puts it just before the last (instructions) backend. */
export const insertBackend = (chain: ReadonlyArray<Backend>, backend: Backend, position: BackendPosition): ReadonlyArray<Backend> => {
  const at = (() => {
    if (position === "first") return 0
    if (position === "last") return chain.length
    const name = "before" in position ? position.before : position.after
    const i = chain.findIndex((b) => b.name === name)
    if (i < 0) return Math.max(0, chain.length - 1)
    return "before" in position ? i : i + 1
  })()
  return [...chain.slice(0, at), backend, ...chain.slice(at)]
}

/** The built-in chain with every plugin backend placed. A backend whose make dies is left out with a warning. */
export const placeBackends = (
  builtins: ReadonlyArray<Backend>,
  loaded: LoadedPlugins
): Effect.Effect<{ readonly backends: ReadonlyArray<Backend>; readonly warnings: ReadonlyArray<string> }, never, PluginServices> =>
  Effect.reduce(loaded.backends, { backends: builtins, warnings: [] as ReadonlyArray<string> }, (acc, b) =>
    Effect.suspend(() => b.make).pipe(
      Effect.map((backend) => ({ ...acc, backends: insertBackend(acc.backends, backend, b.position) })),
      Effect.catchAllDefect((d) =>
        Effect.succeed({ ...acc, warnings: [...acc.warnings, `ask-nix: plugin "${b.plugin}" backend is disabled: ${d instanceof Error ? d.message : String(d)}`] }))
    ))

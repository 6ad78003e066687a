/** Finding and reading the settings file (src/domain/config/UserConfig.ts says what is in it). */
import * as path from "node:path"
import { Effect } from "effect"
import type { Environment } from "../domain/Environment.js"
import { ConfigInvalid } from "../domain/errors.js"
import { type LoadedConfig, readUserConfig } from "../domain/config/UserConfig.js"
import { xdgDir } from "../domain/home/HomePaths.js"

/** $XDG_CONFIG_HOME/ask-nix/config.json; ~/.config when the variable is unset or not absolute (as the XDG spec says). */
export const configPath = (e: Environment): string => path.join(xdgDir(e.env, "XDG_CONFIG_HOME", e.home), "ask-nix", "config.json")

/** The settings of this call: the file (when there is one) under the ASK_NIX_* variables. */
export const loadUserConfig = (e: Environment): Effect.Effect<LoadedConfig, ConfigInvalid> =>
  Effect.gen(function*() {
    const file = configPath(e)
    const text = yield* Effect.try({
      try: () => e.readText(file),
      catch: (err) => new ConfigInvalid({ source: file, problem: `cannot be read (${err instanceof Error ? err.message : String(err)})` })
    })
    return yield* readUserConfig(file, text, e.env)
  })

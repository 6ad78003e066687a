/** Finding and reading the settings file (src/domain/config/UserConfig.ts says what is in it). */
import * as FileSystem from "@effect/platform/FileSystem"
import * as path from "node:path"
import { Effect } from "effect"
import type { Environment } from "../domain/Environment.js"
import { ConfigInvalid } from "../domain/errors.js"
import { type LoadedConfig, readUserConfig } from "../domain/config/UserConfig.js"

/** $XDG_CONFIG_HOME/ask-nix/config.json; ~/.config when the variable is unset or not absolute (as the XDG spec says). */
export const configPath = (e: Environment): string => {
  const xdg = e.env["XDG_CONFIG_HOME"]
  return path.join(xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(e.home, ".config"), "ask-nix", "config.json")
}

/** The settings of this call: the file (when there is one) under the ASK_NIX_* variables. */
export const loadUserConfig = (e: Environment): Effect.Effect<LoadedConfig, ConfigInvalid, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const file = configPath(e)
    const unreadable = (detail: string) => new ConfigInvalid({ source: file, problem: `cannot be read (${detail})` })
    const there = yield* fs.exists(file).pipe(Effect.mapError((err) => unreadable(err.message)))
    const text = there ? yield* fs.readFileString(file).pipe(Effect.mapError((err) => unreadable(err.message))) : undefined
    return yield* readUserConfig(file, text, e.env)
  })

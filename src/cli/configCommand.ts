/** `ask-nix config`: where the settings are read from, each value and where it came from. */
import { Effect, Option } from "effect"
import { BACKENDS } from "../domain/backendNames.js"
import { configKeyNames, configKeys, type ConfigKey, envName, type LoadedConfig } from "../domain/config/UserConfig.js"
import type { OutputShape } from "../services/Output.js"
import type { SettingsShape } from "../services/Settings.js"

/** What each key is in effect, for people (the defaults spelled out where they are known). */
const effective = (key: ConfigKey, c: LoadedConfig, s: SettingsShape): string => {
  const v = c.values
  switch (key) {
    case "backends": return Option.getOrElse(Option.map(v.backends, (b) => b.join(", ")), () => BACKENDS.join(", "))
    case "index": return s.index
    case "profile": return s.profile
    case "elevate": return Option.getOrElse(v.elevate, () => "the first of sudo, doas, run0 on PATH")
    case "color": return v.color
    case "confirm": return v.confirm
  }
}

export const configLines = (c: LoadedConfig, s: SettingsShape): ReadonlyArray<string> => [
  `Settings file: ${c.path}${c.found ? "" : " (not there: the defaults below apply)"}`,
  "",
  ...configKeyNames.flatMap((k) => [
    `${k.padEnd(9)} ${effective(k, c, s)}   (${c.sources[k]}${c.sources[k] === "environment" ? `: ${envName(k)}` : ""})`,
    `          ${configKeys[k]}`
  ]),
  "",
  `Each key can also be set by its variable (${configKeyNames.map(envName).join(", ")}; lists comma-separated),`,
  "which wins over the file; options on the command line win over both. A file looks like:",
  `  {"backends": ["profile", "nix-env", "instructions"], "confirm": "always"}`
]

export const showConfig = (c: LoadedConfig, s: SettingsShape, out: OutputShape) =>
  Effect.gen(function*() {
    for (const line of configLines(c, s)) yield* out.text(line)
    yield* out.result({
      ok: true, intent: "config", path: c.path, found: c.found,
      settings: Object.fromEntries(configKeyNames.map((k) => [k, { value: effective(k, c, s), source: c.sources[k], variable: envName(k) }]))
    })
    return 0
  })

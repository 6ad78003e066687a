/**
 * Defaults a person sets once: `$XDG_CONFIG_HOME/ask-nix/config.json` (else ~/.config/ask-nix/), each
 * key also settable by its variable ASK_NIX_<KEY>, which wins. One description (`userConfig`, Effect's
 * Config) read through one provider that layers the variables over the file, so both are checked
 * alike; the command line beats both.
 *
 * JSON rather than TOML: Nix writes it natively (`builtins.toJSON` in a home-manager or NixOS module,
 * with no build step, where TOML needs a derivation), Node parses it without a dependency, and it is
 * the format of ask-nix's own `--json`. What JSON lacks, comments, is answered by `ask-nix config`,
 * which says what each key means.
 */
import { Config, ConfigError, ConfigProvider, Effect, Either } from "effect"
import * as PathPatch from "effect/ConfigProviderPathPatch"
import { BACKENDS } from "../backendNames.js"
import { ConfigInvalid } from "../errors.js"
import { osaDistance } from "../osa.js"

export const colorModes = ["auto", "always", "never"] as const
export const confirmModes = ["when-unsure", "always"] as const
export const elevateModes = ["sudo", "doas", "run0", "none"] as const

/** Every key, with what it means (shown by `ask-nix config`). */
export const configKeys = {
  backends: `The backends to try, in this order (default: ${BACKENDS.join(", ")}).`,
  index: "The package index file (default: $XDG_CACHE_HOME/ask-nix/index).",
  profile: "The profile to manage (default: ~/.nix-profile).",
  elevate: "How system commands gain root: sudo, doas, run0 or none (default: the first of them on PATH).",
  color: "Bold headings in help: auto (on a terminal, unless NO_COLOR is set), always or never.",
  confirm: "When to ask before acting: when-unsure (a guess or a corrected name) or always (every --execute)."
} as const
export type ConfigKey = keyof typeof configKeys
export const configKeyNames = Object.keys(configKeys) as ReadonlyArray<ConfigKey>

/** The variable that sets a key: ASK_NIX_BACKENDS (a list: comma-separated), ASK_NIX_INDEX, ... */
export const envName = (key: ConfigKey): string => `ASK_NIX_${key.toUpperCase()}`

export const userConfig = Config.all({
  backends: Config.option(Config.array(Config.literal(...BACKENDS)(), "backends")),
  index: Config.option(Config.nonEmptyString("index")),
  profile: Config.option(Config.nonEmptyString("profile")),
  elevate: Config.option(Config.literal(...elevateModes)("elevate")),
  color: Config.withDefault(Config.literal(...colorModes)("color"), "auto" as const),
  confirm: Config.withDefault(Config.literal(...confirmModes)("confirm"), "when-unsure" as const)
})
export type UserConfig = Config.Config.Success<typeof userConfig>

/** What a key's value came from. */
export type ConfigSource = "command line" | "environment" | "file" | "default"

export interface LoadedConfig {
  readonly path: string
  /** The file was there (and read). */
  readonly found: boolean
  readonly values: UserConfig
  readonly sources: Readonly<Record<ConfigKey, ConfigSource>>
}

/** The settings when nothing is set anywhere. */
export const defaultUserConfig: UserConfig = Effect.runSync(Effect.withConfigProvider(userConfig, ConfigProvider.fromJson({})))

/** Where each setting came from when nothing is set anywhere. */
const defaultSources = Object.fromEntries(configKeyNames.map((k) => [k, "default"])) as Record<ConfigKey, ConfigSource>

/** The line of a character offset (1-based). */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split("\n").length

/**
 * Where JSON.parse gave up. V8 names the position for most mistakes but not for an unexpected token;
 * then the shortest prefix that fails for another reason than "ended too soon" ends at it.
 */
const errorOffset = (text: string, message: string): number => {
  const at = /at position (\d+)/.exec(message)
  if (at !== null) return Number(at[1])
  // A prefix "fails inside" when its error is not merely that it ends (at its end, or "end of input").
  const failsInside = (n: number) => {
    try {
      JSON.parse(text.slice(0, n))
      return false
    } catch (e) {
      const m = e instanceof Error ? e.message : ""
      const p = /at position (\d+)/.exec(m)
      return p !== null ? Number(p[1]) < n : !/end of JSON input/.test(m)
    }
  }
  let lo = 1
  let hi = text.length
  if (!failsInside(hi)) return text.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (failsInside(mid)) hi = mid
    else lo = mid + 1
  }
  return lo - 1
}

/** The line where `"key":` is written, if it is. */
const keyLine = (text: string, key: string): number | undefined => {
  const m = new RegExp(`"${key.replace(/[^\w-]/g, "")}"\\s*:`).exec(text)
  return m === null ? undefined : lineAt(text, m.index)
}

/** The file's text as an object of known keys, or what is wrong with it (with its line). */
export const parseConfigFile = (path: string, text: string): Either.Either<Record<string, unknown>, ConfigInvalid> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const offset = errorOffset(text, message)
    const comment = /^\s*(\/\/|#|\/\*)/.test(text.slice(offset)) ? " (JSON has no comments: `ask-nix config` says what each key means)" : ""
    return Either.left(new ConfigInvalid({ source: path, line: lineAt(text, offset), problem: `this is not valid JSON: ${message.replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")}${comment}` }))
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return Either.left(new ConfigInvalid({ source: path, line: 1, problem: `the file must hold one JSON object, like {"backends": ["profile", "instructions"]}` }))
  }
  const record = json as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if ((configKeyNames as ReadonlyArray<string>).includes(key)) continue
    const near = configKeyNames.find((k) => osaDistance(key.toLowerCase(), k, 2) <= 2)
    return Either.left(new ConfigInvalid({
      source: path, line: keyLine(text, key),
      problem: `"${key}" is not a setting${near !== undefined ? ` (did you mean "${near}"?)` : ""}; the settings are ${configKeyNames.join(", ")}`
    }))
  }
  return Either.right(record)
}

/**
 * The variables over the file, key by key: a key whose variable is set is read from the variable
 * (a list split at commas) and only from it, so a bad variable is reported, not hidden by the file.
 */
export const layeredProvider = (variables: ReadonlyMap<string, string>, file: Record<string, unknown>): ConfigProvider.ConfigProvider => {
  const over = ConfigProvider.fromMap(new Map(variables), { seqDelim: "," }).flattened
  const under = ConfigProvider.fromJson(file).flattened
  const pick = (path: ReadonlyArray<string>) => (variables.has(path[0] ?? "") ? over : under)
  return ConfigProvider.fromFlat(ConfigProvider.makeFlat({
    load: (path, primitive, split) => pick(path).load(path, primitive, split),
    enumerateChildren: (path) => pick(path).enumerateChildren(path),
    patch: PathPatch.empty
  }))
}

/** The first concrete problem in a ConfigError: its key and message. */
const firstProblem = (e: ConfigError.ConfigError): { readonly key: string; readonly message: string } => {
  switch (e._op) {
    case "And": case "Or": return firstProblem(e.left)
    case "Unsupported": case "SourceUnavailable": case "MissingData": case "InvalidData":
      return { key: e.path[0] ?? "", message: e.message.replace(/^Expected (.*) but received (.*)$/, "expected $1, not $2") }
  }
}

/** The settings from the file's text (undefined: there is no file) and the environment's variables. */
export const readUserConfig = (
  path: string,
  text: string | undefined,
  env: Readonly<Record<string, string | undefined>>
): Either.Either<LoadedConfig, ConfigInvalid> =>
  Either.flatMap(text === undefined ? Either.right<Record<string, unknown>>({}) : parseConfigFile(path, text), (file) => {
    if (Array.isArray(file["backends"]) && file["backends"].length === 0) {
      return Either.left(new ConfigInvalid({ source: path, line: text === undefined ? undefined : keyLine(text, "backends"), problem: `backends: ${backendsProblem([])}` }))
    }
    const variables = new Map<string, string>(configKeyNames.flatMap((k) => {
      const v = env[envName(k)]
      return v === undefined || v === "" ? [] : [[k, v] as const]
    }))
    // No file and no variables: the defaults, read the same way when this module loaded (reading them
    // again through Effect's Config is a millisecond of every call's start).
    if (text === undefined && variables.size === 0) return Either.right({ path, found: false, values: defaultUserConfig, sources: defaultSources })
    const read = Effect.runSync(Effect.either(Effect.withConfigProvider(userConfig, layeredProvider(variables, file))))
    return Either.match(read, {
      onLeft: (e) => {
        const { key, message } = firstProblem(e)
        const variable = configKeyNames.find((k) => k === key && variables.has(k))
        const fromEnv = variable !== undefined
        return Either.left(new ConfigInvalid({
          source: variable !== undefined ? envName(variable) : path,
          line: fromEnv ? undefined : text === undefined ? undefined : keyLine(text, key),
          problem: `${key}: ${message}`
        }))
      },
      onRight: (values) => {
        const checked = backendsProblem(values.backends._tag === "Some" ? values.backends.value : undefined)
        if (checked !== undefined) {
          const fromEnv = variables.has("backends")
          return Either.left(new ConfigInvalid({ source: fromEnv ? envName("backends") : path, line: fromEnv || text === undefined ? undefined : keyLine(text, "backends"), problem: `backends: ${checked}` }))
        }
        const sources = Object.fromEntries(configKeyNames.map((k) => [k, variables.has(k) ? "environment" : k in file ? "file" : "default"])) as Record<ConfigKey, ConfigSource>
        return Either.right({ path, found: text !== undefined, values, sources })
      }
    })
  })

const backendsProblem = (list: ReadonlyArray<string> | undefined): string | undefined => {
  if (list === undefined) return undefined
  if (list.length === 0) return "name at least one backend (instructions always works)"
  const twice = list.find((b, i) => list.indexOf(b) !== i)
  return twice !== undefined ? `"${twice}" is named twice` : undefined
}

/** The commands a person would type for an intent, in the modern `nix` syntax and the legacy `nix-env` syntax. */
import { generationsBackOf, type Intent } from "../../Intent.js"

export interface Source {
  readonly file: string | undefined
  readonly flake: string
  readonly profile: string | undefined
}

const installable = (src: Source, pkg: string) => src.file !== undefined ? pkg : `${src.flake}#${pkg}`
const profileArgs = (src: Source) => src.profile !== undefined ? ["--profile", src.profile] : []
const fileArgs = (src: Source) => src.file !== undefined ? ["-f", src.file] : []

/** argv lists for `nix profile` / `nix` (what the instructions backend prints). */
export const modernCommands = (intent: Intent, src: Source): ReadonlyArray<ReadonlyArray<string>> => {
  const p = profileArgs(src)
  switch (intent._tag) {
    case "install":
      return [["nix", "profile", "install", ...p, ...fileArgs(src), ...intent.packages.map((x) => installable(src, x))]]
    case "remove": return [["nix", "profile", "remove", ...p, ...intent.packages]]
    case "update":
      return [["nix", "profile", "upgrade", ...p, ...(intent.packages.length === 0 ? [".*"] : intent.packages)]]
    case "list": return [["nix", "profile", "list", ...p]]
    case "rollback":
      // "go back N generations": Nix has no such option; find the number in the history, then --to it.
      return generationsBackOf(intent) !== undefined
        ? [["nix", "profile", "history", ...p], ["nix", "profile", "rollback", ...p, "--to", "GENERATION"]]
        : [["nix", "profile", "rollback", ...p, ...(intent.generation !== undefined ? ["--to", String(intent.generation)] : [])]]
    case "generations": return [["nix", "profile", "history", ...p]]
    case "clean":
      return [
        ["nix", "profile", "wipe-history", ...p, ...(intent.keep !== undefined ? ["--older-than", `${intent.keep}d`] : [])],
        ["nix", "store", "gc"]
      ]
    case "search": return [["nix", "search", src.flake, intent.query]]
    case "info": return intent.packages.map((x) => ["nix", "eval", "--json", `${src.flake}#${x}.meta`])
    case "try":
      return [["nix", "shell", ...fileArgs(src), ...intent.packages.map((x) => installable(src, x)),
        ...(intent.command !== undefined ? ["--command", intent.command] : [])]]
    case "provides": return [["nix-locate", "--top-level", "--whole-name", `bin/${intent.query}`]]
    case "rebuild": return [["sudo", "nixos-rebuild", intent.mode]]
    default: return []
  }
}

/** argv lists for legacy `nix-env`. */
export const legacyCommands = (intent: Intent, src: Source): ReadonlyArray<ReadonlyArray<string>> => {
  const p = src.profile !== undefined ? ["--profile", src.profile] : []
  const f = src.file !== undefined ? ["-f", src.file] : []
  const attr = (x: string) => src.file !== undefined ? x : `nixpkgs.${x}`
  switch (intent._tag) {
    case "install": return [["nix-env", ...p, ...f, "-iA", ...intent.packages.map(attr)]]
    case "remove": return [["nix-env", ...p, "-e", ...intent.packages]]
    case "update": return [["nix-env", ...p, ...f, "-u", ...intent.packages]]
    case "list": return [["nix-env", ...p, "-q"]]
    case "rollback":
      return generationsBackOf(intent) !== undefined
        ? [["nix-env", ...p, "--list-generations"], ["nix-env", ...p, "--switch-generation", "GENERATION"]]
        : [intent.generation !== undefined
          ? ["nix-env", ...p, "--switch-generation", String(intent.generation)]
          : ["nix-env", ...p, "--rollback"]]
    case "generations": return [["nix-env", ...p, "--list-generations"]]
    case "clean":
      return [
        ["nix-env", ...p, "--delete-generations", intent.keep !== undefined ? `+${intent.keep}` : "old"],
        ["nix-collect-garbage"]
      ]
    case "search": return [["nix-env", ...f, "-qaP", intent.query]]
    case "info": return intent.packages.map((x) => ["nix-env", ...f, "-qaA", attr(x), "--description"])
    case "try": return [["nix-shell", ...(src.file !== undefined ? [src.file] : []), "-p", ...intent.packages]]
    default: return []
  }
}

/** Quote one argv entry for display (the plan is shown, never passed to a shell). */
export const shellQuote = (arg: string): string =>
  /^[A-Za-z0-9_@%+=:,./#-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`

export const showArgv = (argv: ReadonlyArray<string>): string => argv.map(shellQuote).join(" ")

/**
 * The commands a person would type for an intent, in the modern `nix` syntax and the legacy `nix-env`
 * syntax: one entry per kind that has instructions (the instructions backend's handler table).
 */
import { generationsBackOf } from "../../Intent.js"
import { nixValue } from "../../intents/Configure.js"
import type { KindTable } from "../handlers.js"

export interface Source {
  readonly file: string | undefined
  readonly flake: string
  readonly profile: string | undefined
}

export interface Instructions {
  /** argv lists for `nix profile` / `nix` (what the instructions backend prints). */
  readonly modern: ReadonlyArray<ReadonlyArray<string>>
  /** The same with the older nix-env commands, when there is a way. */
  readonly legacy: ReadonlyArray<ReadonlyArray<string>>
  /** Said under the commands. */
  readonly notes?: ReadonlyArray<string> | undefined
}

const installable = (src: Source, pkg: string) => src.file !== undefined ? pkg : `${src.flake}#${pkg}`
const profileArgs = (src: Source) => src.profile !== undefined ? ["--profile", src.profile] : []
const fileArgs = (src: Source) => src.file !== undefined ? ["-f", src.file] : []
const attr = (src: Source, x: string) => src.file !== undefined ? x : `nixpkgs.${x}`

export const instructionTable: KindTable<[Source], Instructions> = {
  install: (i, src) => ({
    modern: [["nix", "profile", "install", ...profileArgs(src), ...fileArgs(src), ...i.packages.map((x) => installable(src, x))]],
    legacy: [["nix-env", ...profileArgs(src), ...fileArgs(src), "-iA", ...i.packages.map((x) => attr(src, x))]]
  }),
  remove: (i, src) => ({
    modern: [["nix", "profile", "remove", ...profileArgs(src), ...i.packages]],
    legacy: [["nix-env", ...profileArgs(src), "-e", ...i.packages]]
  }),
  update: (i, src) => ({
    modern: [["nix", "profile", "upgrade", ...profileArgs(src), ...(i.packages.length === 0 ? [".*"] : i.packages)]],
    legacy: [["nix-env", ...profileArgs(src), ...fileArgs(src), "-u", ...i.packages]]
  }),
  list: (_, src) => ({ modern: [["nix", "profile", "list", ...profileArgs(src)]], legacy: [["nix-env", ...profileArgs(src), "-q"]] }),
  rollback: (i, src) => {
    const p = profileArgs(src)
    // "go back N generations": Nix has no such option; find the number in the history, then --to it.
    const back = generationsBackOf(i)
    return back !== undefined
      ? {
        modern: [["nix", "profile", "history", ...p], ["nix", "profile", "rollback", ...p, "--to", "GENERATION"]],
        legacy: [["nix-env", ...p, "--list-generations"], ["nix-env", ...p, "--switch-generation", "GENERATION"]],
        notes: [`GENERATION: the number ${back} generations before the current one in that list.`]
      }
      : {
        modern: [["nix", "profile", "rollback", ...p, ...(i.generation !== undefined ? ["--to", String(i.generation)] : [])]],
        legacy: [i.generation !== undefined ? ["nix-env", ...p, "--switch-generation", String(i.generation)] : ["nix-env", ...p, "--rollback"]]
      }
  },
  generations: (_, src) => ({
    modern: [["nix", "profile", "history", ...profileArgs(src)]],
    legacy: [["nix-env", ...profileArgs(src), "--list-generations"]]
  }),
  clean: (i, src) => ({
    modern: [
      ["nix", "profile", "wipe-history", ...profileArgs(src), ...(i.keep !== undefined ? ["--older-than", `${i.keep}d`] : [])],
      ["nix", "store", "gc"]
    ],
    legacy: [["nix-env", ...profileArgs(src), "--delete-generations", i.keep !== undefined ? `+${i.keep}` : "old"], ["nix-collect-garbage"]]
  }),
  search: (i, src) => ({ modern: [["nix", "search", src.flake, i.query]], legacy: [["nix-env", ...fileArgs(src), "-qaP", i.query]] }),
  info: (i, src) => ({
    modern: i.packages.map((x) => ["nix", "eval", "--json", `${src.flake}#${x}.meta`]),
    legacy: i.packages.map((x) => ["nix-env", ...fileArgs(src), "-qaA", attr(src, x), "--description"])
  }),
  try: (i, src) => ({
    modern: [["nix", "shell", ...fileArgs(src), ...i.packages.map((x) => installable(src, x)), ...(i.command !== undefined ? ["--command", i.command] : [])]],
    legacy: [["nix-shell", ...(src.file !== undefined ? [src.file] : []), "-p", ...i.packages]]
  }),
  provides: (i) => ({ modern: [["nix-locate", "--top-level", "--whole-name", `bin/${i.query}`]], legacy: [] }),
  rebuild: (i) => ({ modern: [["sudo", "nixos-rebuild", i.mode]], legacy: [] }),
  configure: (i) => ({
    modern: [["sudoedit", "/etc/nixos/configuration.nix"], ["sudo", "nixos-rebuild", "switch"]],
    legacy: [],
    notes: i.option !== undefined && i.value !== undefined
      ? [`In configuration.nix, inside its { ... }, write: ${i.option} = ${nixValue(i.value)};`, "(On a flake system, edit the module your flake uses, and rebuild with --flake.)"]
      : [`Make this change in configuration.nix: ${i.text}`]
  })
}

/** Quote one argv entry for display (the plan is shown, never passed to a shell). */
export const shellQuote = (arg: string): string =>
  /^[A-Za-z0-9_@%+=:,./#-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`

export const showArgv = (argv: ReadonlyArray<string>): string => argv.map(shellQuote).join(" ")

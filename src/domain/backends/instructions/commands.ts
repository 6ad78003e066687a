/**
 * The commands a person would type for an intent: the instructions backend's handler table, one
 * entry per kind it has instructions for. They are the argv the real backends run (the same pure
 * builders, src/domain/argv), without ask-nix's own log flags, for the Nix that is there — or, when
 * there is none yet, for the Nix a fresh install gives (recent, with nix-command and flakes off: every
 * `nix` command carries --extra-experimental-features). The older nix-env way comes second.
 */
import { collectGarbage, envDeleteGenerations, envInstall, envListGenerations, envQuery, envRemove, envRollback, envShell, envSwitchGeneration, envUpgrade, type NixEnvArgvContext } from "../../argv/nixEnvArgv.js"
import { logFlags } from "../../argv/common.js"
import { atLeast, profileHasNames, type NixVersion } from "../../argv/NixVersion.js"
import type { PackageSource } from "../../argv/PackageSource.js"
import * as A from "../../argv/profileArgv.js"
import { flakeUpdateArgv } from "../../flake/flakeArgv.js"
import { generationsBackOf } from "../../Intent.js"
import { isOptionPath, nixValue } from "../../intents/Configure.js"
import type { KindTable } from "../handlers.js"

/** What a fresh install of Nix is today: names for profile elements, `--all`, `nix flake update INPUT`. */
export const FRESH_NIX: NixVersion = { major: 2, minor: 24, patch: 0, text: "a fresh install" }

export interface Source {
  readonly source: PackageSource
  /** undefined: the user's default profile (no --profile). */
  readonly profile: string | undefined
  /** The Nix there is; undefined: none yet (instructions for a fresh install). */
  readonly version: NixVersion | undefined
  /** How system commands gain root: sudo (default), doas, run0, or none. */
  readonly elevate: string
  /** The flake whose lock `flake-update` updates. */
  readonly flakeDir: string
}

export interface Instructions {
  /** The commands, in the order to run them. */
  readonly modern: ReadonlyArray<ReadonlyArray<string>>
  /** The same with the older nix-env commands, when there is a way. */
  readonly legacy: ReadonlyArray<ReadonlyArray<string>>
  /** Said under the commands. */
  readonly notes?: ReadonlyArray<string> | undefined
}

/** ask-nix's own log flags (`--log-format internal-json -v`) are not for people. */
const forPeople = (argv: ReadonlyArray<string>): ReadonlyArray<string> => {
  const at = argv.findIndex((_, i) => logFlags.every((f, j) => argv[i + j] === f))
  return at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + logFlags.length)]
}

const profileCtx = (src: Source): A.ProfileArgvContext => ({
  version: src.version ?? FRESH_NIX, profile: src.profile, source: src.source, experimental: true
})
const envCtx = (src: Source): NixEnvArgvContext => ({
  profile: src.profile, file: src.source._tag === "file" ? src.source.path : undefined, channel: "nixpkgs"
})
const hasNames = (src: Source) => profileHasNames(src.version ?? FRESH_NIX)
const fromFlake = (src: Source): string | undefined => (src.source._tag === "flake" ? src.source.ref : undefined)
const root = (src: Source, argv: ReadonlyArray<string>) => (src.elevate === "none" ? argv : [src.elevate, ...argv])
const configurationNix = "/etc/nixos/configuration.nix"

/**
 * Naming profile elements: by name from Nix 2.20; before, by the number `nix profile list` shows, so
 * the list comes first and the command takes INDEX.
 */
const byElement = (src: Source, names: ReadonlyArray<string>, command: (selectors: ReadonlyArray<string>) => ReadonlyArray<string>) =>
  hasNames(src)
    ? { steps: [command(names)], notes: [] }
    : { steps: [A.profileList(profileCtx(src)), command(["INDEX"])], notes: [`INDEX: the number \`nix profile list\` shows for ${names.join(", ")} (this Nix numbers profile elements).`] }

export const instructionTable: KindTable<[Source], Instructions> = {
  install: (i, src) => ({
    modern: [forPeople(A.profileInstall(profileCtx(src), i.packages))],
    legacy: [forPeople(envInstall(envCtx(src), i.packages))]
  }),
  remove: (i, src) => {
    const r = byElement(src, i.packages, (sel) => A.profileRemove(profileCtx(src), sel))
    return { modern: r.steps, legacy: [envRemove(envCtx(src), i.packages)], notes: r.notes }
  },
  update: (i, src) => {
    const ctx = profileCtx(src)
    const legacy = [forPeople(envUpgrade(envCtx(src), i.packages))]
    if (src.source._tag === "file") {
      // `nix profile upgrade` only updates what came from a flake: from a file, install it again
      const note = "(nix profile upgrade only updates packages installed from a flake; these come from a file, so they are removed and installed again: two generations, so undo is two steps back.)"
      if (i.packages.length === 0) {
        return { modern: [A.profileList(ctx)], legacy, notes: [`Then, for each package in that list, remove it and install it again: ${showArgv(forPeople(A.profileInstall(ctx, ["NAME"])))}`, note] }
      }
      const r = byElement(src, i.packages, (sel) => A.profileRemove(ctx, sel))
      return { modern: [...r.steps, forPeople(A.profileInstall(ctx, i.packages))], legacy, notes: [...r.notes, note] }
    }
    if (i.packages.length === 0) return { modern: [forPeople(A.profileUpgrade(ctx, "all", hasNames(src)))], legacy }
    const r = byElement(src, i.packages, (sel) => forPeople(A.profileUpgrade(ctx, sel, hasNames(src))))
    return { modern: r.steps, legacy, notes: r.notes }
  },
  list: (_, src) => ({ modern: [A.profileList(profileCtx(src))], legacy: [envQuery(envCtx(src))] }),
  rollback: (i, src) => {
    const ctx = profileCtx(src)
    // "go back N generations": Nix has no such option; find the number in the history, then --to it.
    const back = generationsBackOf(i)
    return back !== undefined
      ? {
        modern: [A.profileHistory(ctx), A.profileRollback(ctx, "GENERATION")],
        legacy: [envListGenerations(envCtx(src)), envSwitchGeneration(envCtx(src), "GENERATION")],
        notes: [`GENERATION: the number ${back} generations before the current one in that list.`]
      }
      : {
        modern: [A.profileRollback(ctx, i.generation)],
        legacy: [i.generation !== undefined ? envSwitchGeneration(envCtx(src), i.generation) : envRollback(envCtx(src))]
      }
  },
  generations: (_, src) => ({ modern: [A.profileHistory(profileCtx(src))], legacy: [envListGenerations(envCtx(src))] }),
  clean: (i, src) => i.keep === undefined
    ? {
      modern: [A.profileWipeHistory(profileCtx(src)), A.storeGc(profileCtx(src))],
      legacy: [envDeleteGenerations(envCtx(src), undefined), collectGarbage]
    }
    : {
      // `nix profile wipe-history` keeps by age only (--older-than Nd); nix-env keeps the last N of either kind of profile.
      modern: [envDeleteGenerations(envCtx(src), i.keep), A.storeGc(profileCtx(src))],
      legacy: [envDeleteGenerations(envCtx(src), i.keep), collectGarbage],
      notes: [`This keeps the ${i.keep} newest generations (and the current one); collecting garbage then removes everything nothing refers to.`]
    },
  search: (i, src) => {
    const words = i.query.split(/\s+/).filter((w) => w !== "")
    // nix-env matches package names only, by a regular expression over the whole name
    const legacy = [["nix-env", ...(src.source._tag === "file" ? ["-f", src.source.path] : []), "-qaP", "--description", `.*(${words.join("|")}).*`]]
    const flake = fromFlake(src)
    return flake === undefined
      ? { modern: legacy, legacy: [], notes: ["(nix-env matches package names only.)"] }
      : { modern: [["nix", "--extra-experimental-features", "nix-command flakes", "search", flake, ...words]], legacy }
  },
  info: (i, src) => ({
    modern: i.packages.map((x) => ["nix", "--extra-experimental-features", "nix-command flakes", "eval", "--json",
      ...(src.source._tag === "file" ? ["-f", src.source.path, `${x}.meta`] : [`${src.source.ref}#${x}.meta`])]),
    legacy: i.packages.map((x) => ["nix-env", ...(src.source._tag === "file" ? ["-f", src.source.path] : []), "-qaA", src.source._tag === "file" ? x : `nixpkgs.${x}`, "--description"])
  }),
  try: (i, src) => ({
    modern: [A.nixShell(profileCtx(src), i.packages, i.command)],
    // nix-shell -p builds its shell with nixpkgs' own tools: there is no older way for a file of packages
    legacy: src.source._tag === "file" ? [] : [envShell(envCtx(src), i.packages, i.command)]
  }),
  provides: (i, src) => {
    const locate = (...args: ReadonlyArray<string>) => ["nix", "--extra-experimental-features", "nix-command flakes", "shell", `${fromFlake(src) ?? "nixpkgs"}#nix-index`, "--command", ...args]
    return {
      modern: [locate("nix-index"), locate("nix-locate", "--top-level", "--whole-name", `bin/${i.query}`)],
      legacy: [],
      notes: [
        "nix-index first builds its database from the binary cache (once, and it takes a while); nix-locate then answers.",
        "Or build ask-nix's package index (ask-nix index build) and ask again."
      ]
    }
  },
  rebuild: (i, src) => ({ modern: [root(src, ["nixos-rebuild", i.mode])], legacy: [] }),
  configure: (i, src) => ({
    modern: [src.elevate === "sudo" ? ["sudoedit", configurationNix] : root(src, ["nano", configurationNix]), root(src, ["nixos-rebuild", "switch"])],
    legacy: [],
    notes: i.option !== undefined && i.value !== undefined
      ? [`In configuration.nix, inside its { ... }, write: ${i.option} = ${nixValue(i.value)};`, "(On a flake system, edit the module your flake uses, and rebuild with --flake.)"]
      : [`Make this change in configuration.nix: ${i.text}`]
  }),
  option: (i) => isOptionPath(i.query)
    ? {
      modern: [["nixos-option", i.query]],
      legacy: [],
      notes: ["nixos-option (on NixOS) shows the option's type, default, description and current value."]
    }
    : {
      modern: [["man", "configuration.nix"]],
      legacy: [],
      notes: [`The NixOS options, with their descriptions: man configuration.nix (search it with /), or https://search.nixos.org/options?query=${encodeURIComponent(i.query)}`]
    },
  "flake-update": (i, src) => ({
    modern: [flakeUpdateArgv({ version: src.version ?? FRESH_NIX, experimental: true }, src.flakeDir, i.inputs)],
    legacy: [],
    notes: atLeast(src.version ?? FRESH_NIX, 2, 19) || i.inputs.length === 0 ? [] : ["(This Nix updates one input with nix flake lock --update-input.)"]
  })
}

/** Quote one argv entry for display (the plan is shown, never passed to a shell). */
export const shellQuote = (arg: string): string =>
  /^[A-Za-z0-9_@%+=:,./#-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`

export const showArgv = (argv: ReadonlyArray<string>): string => argv.map(shellQuote).join(" ")

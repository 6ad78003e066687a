/**
 * Unfree, broken and insecure packages, known from the package index before Nix is asked: said in the
 * plan when the user allowed them, refused with what it takes to allow them otherwise (never a plan
 * that Nix will refuse). Packages the index does not describe are left to Nix, whose refusal is
 * classified the same way (classifyFailure).
 */
import { Config, Effect, Option } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { PackageSource } from "../../../domain/argv/PackageSource.js"
import { PackageNotAllowed } from "../../../domain/errors.js"
import {
  allowanceFromEnv, allowedNote, envVar, restrictionsOf, verdict, type Allowance, type Evaluation
} from "../../../domain/restrictions/Restriction.js"
import type { PackageIndexShape } from "../../../services/PackageIndex.js"

const env = (name: string) => Config.string(name).pipe(Config.withDefault(""))

/** NIXPKGS_ALLOW_UNFREE/BROKEN/INSECURE set to 1 (through Effect's Config: the environment by default). */
export const allowedByEnv = Effect.map(
  Config.all(Object.values(envVar).map((v) => Config.map(env(v), (value) => [v, value] as const))),
  (pairs) => allowanceFromEnv(Object.fromEntries(pairs))
).pipe(Effect.orElseSucceed(() => allowanceFromEnv({})))

const readText = (file: string): string | undefined => {
  try { return readFileSync(file, "utf8") } catch { return undefined }
}

/** The environment, and nixpkgs' user config: $NIXPKGS_CONFIG, else ~/.config/nixpkgs/config.nix. */
export const readAllowance: Effect.Effect<Allowance> = Effect.gen(function*() {
  const envSet = yield* allowedByEnv
  const explicit = yield* env("NIXPKGS_CONFIG").pipe(Effect.orElseSucceed(() => ""))
  const home = yield* env("HOME").pipe(Effect.orElseSucceed(() => ""))
  const file = explicit !== "" ? explicit : home !== "" ? join(home, ".config/nixpkgs/config.nix") : undefined
  const configText = file === undefined ? undefined : readText(file)
  return { env: envSet, configText, configFile: configText === undefined ? undefined : file }
})

/**
 * Whether the package index describes the source: with --file the index is that file's own (MainLayer
 * opens it); otherwise it describes nixpkgs (its flake, or its channel for nix-env).
 */
export const describedByIndex = (source: PackageSource): boolean =>
  source._tag === "file" || (source._tag === "flake" && /^(flake:)?nixpkgs(\/|$)|^github:NixOS\/nixpkgs\b/.test(source.ref))

/**
 * Notes for the plan (what is restricted and what allows it), or PackageNotAllowed with the advice.
 * `attrs`: the packages the plan would newly install.
 */
export const checkRestrictions = (
  index: Option.Option<PackageIndexShape>,
  attrs: ReadonlyArray<string>,
  evaluation: Evaluation
): Effect.Effect<ReadonlyArray<string>, PackageNotAllowed> =>
  Option.match(index, {
    onNone: () => Effect.succeed([]),
    onSome: (i) =>
      Effect.gen(function*() {
        const notes: Array<string> = []
        let allowance: Allowance | undefined
        for (const attr of attrs) {
          // No index, or a package it does not know: Nix's own answer decides (and is classified).
          const details = Option.getOrUndefined(yield* i.lookup(attr).pipe(Effect.option))
          if (details === undefined) continue
          const drvName = `${details.pname}-${details.version}`
          for (const r of restrictionsOf(details)) {
            allowance ??= yield* readAllowance
            const v = verdict(allowance, r, drvName, evaluation)
            if (v._tag === "refused") return yield* new PackageNotAllowed({ name: attr, drvName, restriction: r, evaluation })
            notes.push(allowedNote(attr, r, v))
          }
        }
        return notes
      })
  })

/**
 * Plans for home-manager, as pure functions of what detection found: `home-manager switch` / `build`
 * (standalone), and a rollback, which is what home-manager's README says to do: run the chosen
 * generation's own `activate` script (home-manager then records it as a new generation).
 */
import { Either } from "effect"
import type { NoSuchGeneration, NothingToRollBack } from "../errors.js"
import type { Rebuild, Rollback } from "../Intent.js"
import type { Plan } from "../Plan.js"
import { rollbackTarget } from "../backends/planParts.js"
import type { HomeInfo } from "./HomeInfo.js"

export const backendName = "home-manager"

export interface HomeGeneration {
  readonly number: number
  readonly date: string
  readonly current: boolean
  /** The generation's store path (its `activate` script is inside). */
  readonly storePath: string
}

export const modeNote = (info: HomeInfo): string =>
  info.mode === "module"
    ? `home-manager runs as a NixOS module here (${info.reason}).`
    : `Standalone home-manager (${info.reason}).`

/** The activation script of a generation, as home-manager's README runs it. */
export const activateArgv = (g: HomeGeneration): ReadonlyArray<string> => [`${g.storePath}/activate`]

export const rollbackPlan = (
  info: HomeInfo,
  intent: Rollback,
  gens: ReadonlyArray<HomeGeneration>,
  terminal: boolean
): Either.Either<Plan, NoSuchGeneration | NothingToRollBack> => {
  const current = gens.find((g) => g.current)?.number
  return Either.map(rollbackTarget({ path: info.profile, generations: gens, current }, intent), ({ target }) => {
    const g = gens.find((x) => x.number === target)!
    const newest = Math.max(...gens.map((x) => x.number))
    return {
      backend: backendName,
      intent,
      steps: [{
        argv: activateArgv(g), mutating: true, interactive: terminal ? true : undefined,
        description: `activate home-manager generation ${target} (${g.date.slice(0, 10)})`
      }],
      notes: [
        `From generation ${current ?? "?"} back to ${target}; nothing is built.`,
        `home-manager records the activation as a new generation (${newest + 1}) with generation ${target}'s files and packages.`,
        modeNote(info),
        ...(info.mode === "module"
          ? ["The system's home-manager unit activates the system configuration's generation again at the next boot or system switch; to stay there, roll back the system too (ask-nix --system rollback) or change the configuration."]
          : [])
      ],
      preview: { scope: "home", mode: info.mode, profile: info.profile, from: current ?? null, to: target, activate: g.storePath }
    } satisfies Plan
  })
}

const standaloneModes: Readonly<Record<string, string>> = {
  switch: "build the home-manager configuration and activate it (a new generation)",
  build: "build the home-manager configuration without activating it (leaves a ./result link)"
}

/** `home-manager switch` / `build`; undefined for modes home-manager has not (test, boot, dry-build). */
export const switchPlan = (info: HomeInfo, intent: Rebuild, terminal: boolean): Plan | undefined => {
  const what = standaloneModes[intent.mode]
  if (what === undefined) return undefined
  return {
    backend: backendName,
    intent,
    steps: [{ argv: ["home-manager", intent.mode], mutating: true, interactive: terminal ? true : undefined, description: what }],
    notes: [
      modeNote(info),
      info.configFile !== undefined
        ? `Configuration: ${info.configFile}.`
        : info.flakeDir !== undefined ? `Configuration: the flake in ${info.flakeDir}.` : "No home.nix found in the usual places: home-manager will say where it looked."
    ],
    preview: { scope: "home", mode: info.mode, profile: info.profile, config: info.configFile ?? info.flakeDir ?? null }
  }
}

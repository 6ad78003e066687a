/**
 * Plans for system changes, as pure functions of what detection found: the exact argv (elevation
 * shown), which steps mutate, and the notes a person should read before running them.
 */
import { Either } from "effect"
import type { Rebuild, Rollback, Update } from "../../Intent.js"
import { NoSuchGeneration, NothingToRollBack } from "../../errors.js"
import type { Plan, Step } from "../../Plan.js"
import { elevate } from "../../system/Elevation.js"
import {
  channelUpgradeArgv, flakeUpdateArgv, needsRoot, rebuildArgv, rollbackArgv, switchGenerationArgv,
  type RebuildMode, type RebuildTarget
} from "../../system/rebuildArgv.js"
import { flakeRef, type SystemInfo } from "../../system/SystemInfo.js"
import { explicitRollbackTarget } from "../../profile/generationMath.js"

export const backendName = "system"

export const targetOf = (info: SystemInfo): RebuildTarget => ({
  tool: info.rebuildTool ?? "nixos-rebuild",
  config: info.config,
  elevation: info.elevation,
  root: info.paths.root
})

/** A step that needs root: elevated steps attach the terminal so sudo/doas/run0 can ask for a password. */
const rootStep = (info: SystemInfo, argv: ReadonlyArray<string>, description: string): Step => ({
  argv, mutating: true, description, interactive: info.elevation.kind === "tool" ? true : undefined
})

const configNote = (info: SystemInfo): string =>
  info.config._tag === "flake"
    ? `Flake system: ${flakeRef(info.config)} (${info.config.reason}).`
    : `Channel system: ${info.config.file}${info.config.exists ? "" : " (missing!)"} (${info.config.reason}).`

const rootNote = (info: SystemInfo): string => {
  const e = info.elevation
  switch (e.kind) {
    case "root": return "Needs root: ask-nix already runs as root."
    case "tool": return `Needs root: through ${e.tool} (${e.reason}).`
    case "none": return `Needs root: ${e.reason}.`
    case "unavailable": return `Needs root, but ${e.reason}: run ask-nix as root.`
  }
}

export const commonNotes = (info: SystemInfo, needsRootNow: boolean): ReadonlyArray<string> => [
  configNote(info),
  ...(needsRootNow ? [rootNote(info)] : []),
  ...(info.rebuildTool === undefined ? ["Neither nixos-rebuild-ng nor nixos-rebuild is on PATH here."] : []),
  ...(info.paths.root === "/" ? [] : [`--root ${info.paths.root}: these commands still act on the running system's Nix store.`])
]

const preview = (info: SystemInfo, root: boolean, extra: Readonly<Record<string, unknown>> = {}) => ({
  scope: "system",
  needsRoot: root,
  elevation: { kind: info.elevation.kind, tool: info.elevation.tool ?? null, reason: info.elevation.reason },
  config: info.config._tag === "flake"
    ? { kind: "flake", flake: flakeRef(info.config) }
    : { kind: "channels", file: info.config.file },
  tool: targetOf(info).tool,
  ...extra
})

const modeText: Readonly<Record<RebuildMode, string>> = {
  switch: "build the system configuration and switch to it (also the default at boot)",
  boot: "build the system configuration and make it the default at the next boot (nothing changes now)",
  test: "build the system configuration and activate it until the next reboot (the boot default stays)",
  build: "build the system configuration without activating it (leaves a ./result link)",
  "dry-build": "show what building the system configuration would build or download (changes nothing)"
}

export const rebuildPlan = (info: SystemInfo, intent: Rebuild): Plan => {
  const mode = intent.mode
  const argv = rebuildArgv(targetOf(info), mode)
  const root = needsRoot(mode)
  const step: Step = root
    ? rootStep(info, argv, modeText[mode])
    : { argv, mutating: mode !== "dry-build", description: modeText[mode] }
  return { backend: backendName, intent, steps: [step], notes: commonNotes(info, root), preview: preview(info, root, { mode }) }
}

export const updatePlan = (info: SystemInfo, intent: Update, flakeDirWritable: boolean): Plan => {
  const t = targetOf(info)
  const onlySome = intent.packages.length > 0
    ? [`NixOS updates the whole system: ${intent.packages.join(", ")} follow${intent.packages.length === 1 ? "s" : ""} the system's nixpkgs.`]
    : []
  if (info.config._tag === "flake") {
    const dir = info.config.dir
    const update: Step = {
      ...(flakeDirWritable
        ? { argv: flakeUpdateArgv(undefined), mutating: true }
        : rootStep(info, flakeUpdateArgv(info.elevation), "")),
      description: `update the flake inputs in ${dir} (flake.lock)`,
      cwd: dir
    }
    const switchStep = rootStep(info, rebuildArgv(t, "switch"), "build the updated system and switch to it")
    return {
      backend: backendName, intent, steps: [update, switchStep],
      notes: [...onlySome, ...commonNotes(info, true), `flake.lock in ${dir} changes; commit it if the folder is a git repository.`],
      preview: preview(info, true, { flakeDir: dir })
    }
  }
  return {
    backend: backendName, intent,
    steps: [rootStep(info, channelUpgradeArgv(t), "update the system's channels, build the system and switch to it")],
    notes: [...onlySome, ...commonNotes(info, true)],
    preview: preview(info, true)
  }
}

/** A flake update of the system's flake: elevated when its folder is not writable, with the system's notes. */
export const systemFlakeSteps = (info: SystemInfo, plan: Plan, dirWritable: boolean): Plan => ({
  ...plan,
  steps: dirWritable ? plan.steps : plan.steps.map((s) => rootStep(info, elevate(info.elevation, s.argv), s.description ?? "")),
  notes: [...plan.notes, ...commonNotes(info, !dirWritable && plan.steps.length > 0)],
  preview: { ...preview(info, !dirWritable && plan.steps.length > 0), ...plan.preview }
})

export interface GenerationState {
  readonly numbers: ReadonlyArray<number>
  readonly current: number | undefined
}

export const rollbackPlan = (
  info: SystemInfo,
  intent: Rollback,
  gens: GenerationState
): Either.Either<Plan, NoSuchGeneration | NothingToRollBack> => {
  const profile = info.paths.systemProfile
  const explicit = explicitRollbackTarget(gens.numbers, gens.current, profile, intent)
  if (Either.isLeft(explicit)) return Either.left(explicit.left)
  const n = explicit.right
  if (n === undefined) {
    const earlier = gens.numbers.filter((n) => gens.current === undefined || n < gens.current)
    if (earlier.length === 0) return Either.left(new NothingToRollBack({ profile }))
    const to = earlier[earlier.length - 1]!
    return Either.right({
      backend: backendName, intent,
      steps: [rootStep(info, rollbackArgv(targetOf(info)), `switch the system back to generation ${to}`)],
      notes: [`From generation ${gens.current ?? "?"} back to ${to}; nothing is rebuilt.`, ...commonNotes(info, true)],
      preview: preview(info, true, { from: gens.current ?? null, to })
    })
  }
  if (!gens.numbers.includes(n)) return Either.left(new NoSuchGeneration({ generation: n, available: [...gens.numbers] }))
  const [setProfile, activate] = switchGenerationArgv(info.elevation, profile, n)
  return Either.right({
    backend: backendName, intent,
    steps: [
      rootStep(info, setProfile!, `make generation ${n} the system profile (and the boot default)`),
      rootStep(info, activate!, `activate generation ${n} now`)
    ],
    notes: [
      n === gens.current ? `Generation ${n} is already the current one; this re-activates it.` : `From generation ${gens.current ?? "?"} to ${n}; nothing is rebuilt.`,
      "nixos-rebuild --rollback only goes one generation back, so this sets the profile and activates it, as --rollback does.",
      ...commonNotes(info, true)
    ],
    preview: preview(info, true, { from: gens.current ?? null, to: n })
  })
}

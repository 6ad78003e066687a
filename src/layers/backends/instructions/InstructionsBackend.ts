/**
 * The last backend of the chain: it never runs anything that changes the system. It prints the exact
 * commands a person would run (src/domain/backends/instructions/commands.ts) for the Nix that is
 * there (`nix --version`), or, without Nix, how to get it and the commands for a fresh install.
 * Executing its plan fails with ManualStepsRequired.
 */
import { Effect, Option, Stream } from "effect"
import { sourceOf } from "../../../domain/argv/PackageSource.js"
import { type Instructions, instructionTable, showArgv, type Source } from "../../../domain/backends/instructions/commands.js"
import { lookup } from "../../../domain/backends/handlers.js"
import { CannotServe, ManualStepsRequired } from "../../../domain/errors.js"
import type { Intent } from "../../../domain/Intent.js"
import { planned, type Plan } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import { Nix } from "../../../services/Nix.js"
import { ProfileInspector } from "../../../services/ProfileInspector.js"
import { Settings } from "../../../services/Settings.js"
import { detectVersion } from "../common/NixEnvironment.js"
import { cachedOnFirstUse } from "../../../services/cachedOnFirstUse.js"

/** The official installer (multi-user); a fresh Nix has nix-command and flakes off, so the commands below say so themselves. */
export const GET_NIX = "sh <(curl -L https://nixos.org/nix/install) --daemon   # then open a new shell"

/** Kinds whose commands act on the profile (a nix-env profile takes only the nix-env ones). */
const onProfile: ReadonlySet<string> = new Set(["install", "remove", "update", "list", "rollback", "generations", "clean"])

export const InstructionsBackend = Effect.gen(function*() {
  const settings = yield* Settings
  const nix = yield* Nix
  const inspector = yield* ProfileInspector
  const profile = settings.defaultProfile ? undefined : settings.profile

  /** The Nix there is (undefined: none, so the commands are for a fresh install), read once per call. */
  const installed = cachedOnFirstUse(Effect.gen(function*() {
    const haveNix = (yield* nix.which("nix")) !== undefined
    const haveNixEnv = haveNix || (yield* nix.which("nix-env")) !== undefined
    const version = haveNix ? yield* Effect.option(detectVersion(nix, "instructions", "nix")) : Option.none()
    return { haveNix: haveNixEnv, version: Option.getOrUndefined(version) }
  }))

  const serve = (intent: Intent) => Effect.gen(function*() {
    const { haveNix, version } = yield* installed
    const src: Source = {
      source: sourceOf(settings.file, settings.flake),
      profile,
      version,
      elevate: settings.elevate ?? "sudo",
      flakeDir: settings.flakeDir ?? settings.cwd
    }
    const found = lookup(instructionTable, intent, src)
    if (found === undefined) return yield* new CannotServe({ backend: "instructions", reason: `no instructions for "${intent._tag}"` })
    // A nix-env profile (manifest.nix) is refused by `nix profile`: only the nix-env commands apply.
    const kind = onProfile.has(intent._tag) ? yield* Effect.option(Effect.map(inspector.inspect(settings.profile), (p) => p.kind)) : Option.none()
    const nixEnvProfile = Option.getOrUndefined(kind) === "nix-env" && found.legacy.length > 0
    const instructions: Instructions = nixEnvProfile ? { modern: found.legacy, legacy: [], notes: found.notes } : found
    const notes = [
      ...(instructions.notes ?? []),
      ...(haveNix ? [] : ["Nix is not installed: get it first with this, then run the commands above (they work on a fresh install, where flakes are not yet on):", `  ${GET_NIX}`]),
      ...(nixEnvProfile ? [`(${settings.profile} is managed by nix-env, so these are nix-env commands.)`] : []),
      ...(instructions.legacy.length > 0 ? ["With the older nix-env command instead:", ...instructions.legacy.map((a) => `  ${showArgv(a)}`)] : [])
    ]
    const plan: Plan = {
      backend: "instructions",
      intent,
      manual: true,
      steps: instructions.modern.map((argv) => ({ argv, mutating: true, description: "run this yourself" })),
      notes
    }
    return planned(plan)
  })

  const backend: Backend = {
    name: "instructions",
    description: "prints the commands to run yourself (always available)",
    serve,
    execute: (plan) =>
      Stream.fail(new ManualStepsRequired({ steps: plan.steps.map((s) => showArgv(s.argv)) }))
  }
  return backend
})

/**
 * The last backend of the chain: it never runs anything. It prints the exact commands a person would
 * run, and how to get Nix when it is missing. Executing its plan fails with ManualStepsRequired.
 */
import { Effect, Stream } from "effect"
import { CannotServe, ManualStepsRequired } from "../../../domain/errors.js"
import type { Intent } from "../../../domain/Intent.js"
import { planned, type Plan } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import { Nix } from "../../../services/Nix.js"
import { Settings } from "../../../services/Settings.js"
import { instructionTable, showArgv } from "../../../domain/backends/instructions/commands.js"
import { lookup } from "../../../domain/backends/handlers.js"

export const GET_NIX = "sh <(curl -L https://nixos.org/nix/install) --daemon   # then open a new shell"

export const InstructionsBackend = Effect.gen(function*() {
  const settings = yield* Settings
  const nix = yield* Nix
  const src = { file: settings.file, flake: settings.flake, profile: settings.defaultProfile ? undefined : settings.profile }

  const serve = (intent: Intent) => {
    const instructions = lookup(instructionTable, intent, src)
    if (instructions === undefined) return Effect.fail(new CannotServe({ backend: "instructions", reason: `no instructions for "${intent._tag}"` }))
    return Effect.gen(function*() {
      const haveNix = (yield* nix.which("nix")) !== undefined || (yield* nix.which("nix-env")) !== undefined
      const notes = [
        ...(instructions.notes ?? []),
        ...(haveNix ? [] : ["Nix is not installed. Get it first:", `  ${GET_NIX}`]),
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
  }

  const backend: Backend = {
    name: "instructions",
    description: "prints the commands to run yourself (always available)",
    serve,
    execute: (plan) =>
      Stream.fail(new ManualStepsRequired({ steps: plan.steps.map((s) => showArgv(s.argv)) }))
  }
  return backend
})

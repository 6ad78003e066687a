/**
 * The last backend of the chain: it never runs anything. It prints the exact commands a person would
 * run, and how to get Nix when it is missing. Executing its plan fails with ManualStepsRequired.
 */
import { Effect, Stream } from "effect"
import { CannotServe, ManualStepsRequired } from "../../../domain/errors.js"
import { generationsBackOf, type Intent } from "../../../domain/Intent.js"
import { planned, type Plan } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import { Nix } from "../../../services/Nix.js"
import { Settings } from "../../../services/Settings.js"
import { legacyCommands, modernCommands, showArgv } from "../../../domain/backends/instructions/commands.js"

export const GET_NIX = "sh <(curl -L https://nixos.org/nix/install) --daemon   # then open a new shell"

export const InstructionsBackend = Effect.gen(function*() {
  const settings = yield* Settings
  const nix = yield* Nix
  const src = { file: settings.file, flake: settings.flake, profile: settings.defaultProfile ? undefined : settings.profile }

  const serve = (intent: Intent) => Effect.gen(function*() {
    const modern = modernCommands(intent, src)
    if (modern.length === 0) {
      return yield* new CannotServe({ backend: "instructions", reason: `no instructions for "${intent._tag}"` })
    }
    const legacy = legacyCommands(intent, src)
    const haveNix = (yield* nix.which("nix")) !== undefined || (yield* nix.which("nix-env")) !== undefined
    const back = intent._tag === "rollback" ? generationsBackOf(intent) : undefined
    const notes = [
      ...(back !== undefined ? [`GENERATION: the number ${back} generations before the current one in that list.`] : []),
      ...(haveNix ? [] : ["Nix is not installed. Get it first:", `  ${GET_NIX}`]),
      ...(legacy.length > 0 ? ["With the older nix-env command instead:", ...legacy.map((a) => `  ${showArgv(a)}`)] : [])
    ]
    const plan: Plan = {
      backend: "instructions",
      intent,
      manual: true,
      steps: modern.map((argv) => ({ argv, mutating: true, description: "run this yourself" })),
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

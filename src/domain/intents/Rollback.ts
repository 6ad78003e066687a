/**
 * "go back": `generation` switches to that generation; else `steps` generations back from the current
 * one ("go back two generations"; absent = 1, the previous one).
 */
import * as Options from "@effect/cli/Options"
import { Option, Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Rollback extends Schema.TaggedClass<Rollback>()("rollback", {
  generation: Schema.optional(Schema.Int),
  steps: Schema.optional(Schema.Int)
}) {}

/** How many generations back a rollback goes when that is more than one and no generation is named. */
export const generationsBackOf = (intent: Rollback): number | undefined =>
  intent.generation === undefined && intent.steps !== undefined && intent.steps > 1 ? intent.steps : undefined

export const rollback = defineIntent("rollback", Rollback, {
  mutating: true,
  system: { whenNamed: true },
  home: true,
  describe: (i) =>
    i.generation !== undefined
      ? `roll back to generation ${i.generation}`
      : generationsBackOf(i) !== undefined
      ? `roll back ${i.steps} generations`
      : "roll back to the previous generation",
  imperative: (i) => ["rollback", ...(i.generation !== undefined ? ["--to", String(i.generation)] : []), ...(generationsBackOf(i) !== undefined ? ["--back", String(i.steps)] : [])],
  does: "Rolling back switches to an earlier generation; the one you leave stays, so you can switch back.",
  problem: (i) => {
    if (i.generation !== undefined && i.steps !== undefined) return "Say either which generation to go back to (--to N) or how many generations back (--back N), not both."
    if (i.steps !== undefined && i.steps < 1) return `Going back ${i.steps} generations is not possible: say --back 1 or more.`
    if (i.generation !== undefined && i.generation < 1) return `There is no generation ${i.generation}: generations are numbered from 1. See them with: ask-nix generations`
    return undefined
  },
  help: [{ title: "Go back", examples: ["undo the last update", "the update broke something, go back", "roll back to generation 42", "go back two generations", "roll back home-manager"] }],
  command: typedCommand({
    name: "rollback",
    description: "Go back to the previous generation, to generation N, or N generations back.",
    examples: ["ask-nix rollback", "ask-nix rollback --to 12", "ask-nix rollback --back 2", "ask-nix --execute rollback", "ask-nix --home rollback"],
    usage: "rollback [--to N | --back N]",
    config: {
      to: Options.integer("to").pipe(Options.optional, Options.withDescription("The generation to go back to.")),
      back: Options.integer("back").pipe(Options.optional, Options.withDescription("How many generations to go back (default 1)."))
    },
    toIntent: ({ to, back }) => ({
      intent: new Rollback({ generation: Option.getOrUndefined(to), steps: Option.getOrUndefined(back) }), words: [], reparse: false
    })
  })
})

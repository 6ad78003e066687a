/** "list generations": the profile's generations, with what changed between them. */
import { Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Generations extends Schema.TaggedClass<Generations>()("generations", {}) {}

export const generations = defineIntent("generations", Generations, {
  mutating: false,
  system: { whenNamed: true },
  describe: () => "list generations",
  help: [{ title: "Generations", examples: ["list generations", "show my history"] }],
  command: typedCommand({
    name: "generations",
    description: "List the generations of your profile.",
    examples: ["ask-nix generations", "ask-nix --json generations"],
    config: {},
    toIntent: () => ({ intent: new Generations({}), words: [], reparse: false })
  })
})

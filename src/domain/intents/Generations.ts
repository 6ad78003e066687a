/** "list generations": the profile's generations, with what changed between them. */
import { Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Generations extends Schema.TaggedClass<Generations>()("generations", {}) {}

export const generations = defineIntent("generations", Generations, {
  mutating: false,
  system: { whenNamed: true },
  home: true,
  describe: () => "list generations",
  help: [{ title: "Generations", examples: ["list generations", "show my history", "list my home-manager generations"] }],
  command: typedCommand({
    name: "generations",
    description: "List the generations of your profile (--system: the NixOS system's, --home: home-manager's).",
    examples: ["ask-nix generations", "ask-nix --json generations", "ask-nix --home generations"],
    config: {},
    toIntent: () => ({ intent: new Generations({}), words: [], reparse: false })
  })
})

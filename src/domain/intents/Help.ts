/** "what can you do": everything ask-nix understands, with examples (answered without any backend). */
import { Schema } from "effect"
import { defineIntent, typedCommand, words } from "./IntentSpec.js"

export class Help extends Schema.TaggedClass<Help>()("help", {}) {}

export const help = defineIntent("help", Help, {
  mutating: false,
  describe: () => "help",
  help: [{ title: "Help", examples: ["help", "what can you do?"] }],
  command: typedCommand({
    name: "help",
    description: "What ask-nix understands, with examples.",
    examples: ["ask-nix help"],
    config: { topic: words("topic") },
    toIntent: () => ({ intent: new Help({}), words: [], reparse: false })
  })
})

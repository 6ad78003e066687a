/** "what is a flake": Nix words explained for newcomers (answered without any backend). */
import { Schema } from "effect"
import { defineIntent, typedCommand, words } from "./IntentSpec.js"

export class Explain extends Schema.TaggedClass<Explain>()("explain", { query: Schema.String }) {}

export const explain = defineIntent("explain", Explain, {
  mutating: false,
  reads: "query",
  describe: (i) => `explain ${i.query}`,
  help: [{ title: "Learn Nix words", examples: ["what is a generation?", "explain flakes", "nix-env vs nix profile"] }],
  command: typedCommand({
    name: "explain",
    description: "Short explanations of Nix words for newcomers.",
    examples: ["ask-nix explain generation", "ask-nix explain flake"],
    config: { topic: words("topic") },
    toIntent: ({ topic }) => ({ intent: new Explain({ query: topic.join(" ") || "nix" }), words: topic, reparse: false })
  })
})

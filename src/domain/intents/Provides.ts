/** "what provides rg": which package has a command. */
import * as Args from "@effect/cli/Args"
import { Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Provides extends Schema.TaggedClass<Provides>()("provides", { query: Schema.String }) {}

export const provides = defineIntent("provides", Provides, {
  mutating: false,
  reads: "query",
  describe: (i) => `provides ${i.query}`,
  help: [{ title: "Which package has a command", examples: ["what provides rg?", "command not found: convert"] }],
  command: typedCommand({
    name: "provides",
    description: "Which package provides a command.",
    examples: ["ask-nix provides rg", "ask-nix provides convert"],
    config: { command: Args.text({ name: "command" }) },
    toIntent: ({ command }) => ({ intent: new Provides({ query: command }), words: [command], reparse: false })
  })
})

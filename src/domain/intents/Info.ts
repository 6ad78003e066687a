/** "tell me about ripgrep": what a package is, and whether it is installed. */
import { Schema } from "effect"
import { defineIntent, Packages, someWords, typedCommand } from "./IntentSpec.js"

export class Info extends Schema.TaggedClass<Info>()("info", { packages: Packages }) {}

export const info = defineIntent("info", Info, {
  mutating: false,
  reads: "packages",
  describe: (i) => `info ${i.packages.join(", ")}`,
  help: [{ title: "About a package", examples: ["tell me about ripgrep", "is firefox installed?", "what version of git do i have"] }],
  command: typedCommand({
    name: "info",
    description: "Show what a package is.",
    examples: ["ask-nix info htop", "ask-nix --json info git"],
    config: { packages: someWords("package") },
    toIntent: ({ packages }) => ({ intent: new Info({ packages }), words: packages, reparse: true })
  })
})

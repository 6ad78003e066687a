/** "update firefox", "update everything" (`packages` empty = everything). */
import { Schema } from "effect"
import { defineIntent, Packages, typedCommand, words, shellWord } from "./IntentSpec.js"

export class Update extends Schema.TaggedClass<Update>()("update", { packages: Packages }) {}

export const update = defineIntent("update", Update, {
  mutating: true,
  reads: "packages",
  system: { whenNamed: true },
  describe: (i) => (i.packages.length === 0 ? "update everything" : `update ${i.packages.join(", ")}`),
  imperative: (i) => ["update", ...i.packages.map(shellWord)],
  does: "Updating moves the packages to the versions of your channel or flake, as a new generation you can roll back from.",
  help: [{ title: "Update", examples: ["update everything", "upgrade firefox", "update my system"] }],
  command: typedCommand({
    name: "update",
    description: "Update packages (all of them when none is named).",
    examples: ["ask-nix update            # everything", "ask-nix update firefox", "ask-nix --execute update"],
    config: { packages: words("package") },
    toIntent: ({ packages }) => ({ intent: new Update({ packages }), words: packages, reparse: packages.length > 0 })
  })
})

/** "remove htop": take packages out of the profile. */
import { Schema } from "effect"
import { defineIntent, Packages, someWords, typedCommand, shellWord } from "./IntentSpec.js"

export class Remove extends Schema.TaggedClass<Remove>()("remove", {
  packages: Packages,
  /** "from my user's packages": on NixOS, users.users.<name>.packages. */
  forUser: Schema.optional(Schema.Boolean)
}) {}

export const remove = defineIntent("remove", Remove, {
  mutating: true,
  reads: "packages",
  system: {},
  describe: (i) => `remove ${i.packages.join(", ")}${i.forUser === true ? " from your user's packages" : ""}`,
  json: (i) => (i.forUser === true ? { forUser: true } : {}),
  imperative: (i) => ["remove", ...i.packages.map(shellWord)],
  does: "Removing takes the packages out of your profile as a new generation (`ask-nix rollback` brings them back); the store keeps them until you clean up.",
  help: [{ title: "Remove", examples: ["remove htop", "get rid of emacs", "i don't use spotify anymore"] }],
  command: typedCommand({
    name: "remove",
    description: "Remove packages from your profile.",
    examples: ["ask-nix remove htop", "ask-nix --execute remove git curl"],
    config: { packages: someWords("package") },
    toIntent: ({ packages }) => ({ intent: new Remove({ packages }), words: packages, reparse: true })
  })
})

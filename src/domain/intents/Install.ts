/** "install firefox": add packages to the profile. */
import { Schema } from "effect"
import { defineIntent, Packages, someWords, typedCommand, shellWord } from "./IntentSpec.js"

export class Install extends Schema.TaggedClass<Install>()("install", {
  packages: Packages,
  /** "for my user": on NixOS, the packages of the user's own account (users.users.<name>.packages). */
  forUser: Schema.optional(Schema.Boolean)
}) {}

export const install = defineIntent("install", Install, {
  mutating: true,
  reads: "packages",
  system: {},
  describe: (i) => `install ${i.packages.join(", ")}${i.forUser === true ? " for your user" : ""}`,
  json: (i) => (i.forUser === true ? { forUser: true } : {}),
  imperative: (i) => ["install", ...i.packages.map(shellWord)],
  does: "Installing adds the packages to your profile as a new generation; `ask-nix rollback` undoes it.",
  help: [
    { title: "Install", examples: ["install firefox", "please add git and tmux", "i need the rust compiler", "install python 3.11"] },
    { title: "Pick from a kind of program", parsesAs: "search", examples: ["install a pdf viewer", "i need a password manager"] }
  ],
  command: typedCommand({
    name: "install",
    description: "Install packages into your profile.",
    examples: ["ask-nix install firefox", "ask-nix --execute install git tmux", "ask-nix --file ./pkgs.nix install hello"],
    config: { packages: someWords("package") },
    toIntent: ({ packages }) => ({ intent: new Install({ packages }), words: packages, reparse: true })
  })
})

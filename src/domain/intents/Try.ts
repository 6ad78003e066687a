/** "try cowsay": use packages without installing them (optionally running one command). */
import * as Options from "@effect/cli/Options"
import { Option, Schema } from "effect"
import { defineIntent, Packages, someWords, typedCommand, shellWord } from "./IntentSpec.js"

export class Try extends Schema.TaggedClass<Try>()("try", {
  packages: Packages,
  command: Schema.optional(Schema.String)
}) {}

export const tryIntent = defineIntent("try", Try, {
  mutating: true,
  reads: "packages",
  describe: (i) => `try ${i.packages.join(", ")}${i.command ? ` (run ${i.command})` : ""} without installing`,
  imperative: (i) => ["try", ...i.packages.map(shellWord), ...(i.command !== undefined ? ["--command", shellWord(i.command)] : [])],
  does: "Trying opens a shell with the packages without installing them; your profile does not change.",
  help: [{ title: "Use without installing", examples: ["try cowsay without installing it", "give me a shell with python3"] }],
  command: typedCommand({
    name: "try",
    description: "Use a package without installing it.",
    examples: ["ask-nix try cowsay", "ask-nix --execute try python3 --command python3"],
    config: {
      packages: someWords("package"),
      command: Options.text("command").pipe(Options.optional, Options.withDescription("The command to run."))
    },
    toIntent: ({ packages, command }) => ({ intent: new Try({ packages, command: Option.getOrUndefined(command) }), words: packages, reparse: false })
  })
})

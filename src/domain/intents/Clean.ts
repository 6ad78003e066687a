/** "clean up": delete old generations (keeping `keep`, if given) and collect garbage. */
import * as Options from "@effect/cli/Options"
import { Option, Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Clean extends Schema.TaggedClass<Clean>()("clean", { keep: Schema.optional(Schema.Int) }) {}

export const clean = defineIntent("clean", Clean, {
  mutating: true,
  system: {},
  describe: (i) => (i.keep === undefined ? "clean up old generations and collect garbage" : `clean up, keeping ${i.keep} generations`),
  imperative: (i) => ["clean", ...(i.keep !== undefined ? ["--keep", String(i.keep)] : [])],
  does: "Cleaning deletes old generations and collects garbage: it frees disk space, and you can no longer roll back to what it deleted.",
  problem: (i) =>
    i.keep !== undefined && i.keep < 1
      ? `Keeping ${i.keep} generations is not possible: the current one always stays. Say --keep 1 or more, or leave it out to delete every old generation.`
      : undefined,
  help: [{ title: "Free disk space", examples: ["clean up", "gc", "delete old generations but keep the last 3"] }],
  command: typedCommand({
    name: "clean",
    description: "Delete old generations and collect garbage.",
    examples: ["ask-nix clean", "ask-nix clean --keep 3", "ask-nix --execute clean --keep 5"],
    usage: "clean [--keep N]",
    config: { keep: Options.integer("keep").pipe(Options.optional, Options.withDescription("How many recent generations to keep.")) },
    toIntent: ({ keep }) => ({ intent: new Clean({ keep: Option.getOrUndefined(keep) }), words: [], reparse: false })
  })
})

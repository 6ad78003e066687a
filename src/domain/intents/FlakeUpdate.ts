/** "update nixpkgs in my flake", "nix flake update": update the inputs of the user's flake (all when none is named). */
import { Schema } from "effect"
import { defineIntent } from "./IntentSpec.js"

export class FlakeUpdate extends Schema.TaggedClass<FlakeUpdate>()("flake-update", { inputs: Schema.Array(Schema.String) }) {}

export const flakeUpdate = defineIntent("flake-update", FlakeUpdate, {
  mutating: true,
  describe: (i) => (i.inputs.length === 0 ? "update every input of the flake" : `update the flake inputs ${i.inputs.join(", ")}`),
  json: (i) => ({ inputs: i.inputs })
})

/**
 * "update nixpkgs in my flake", "update my flake inputs": update the lock of a flake (all inputs, or
 * the named ones). Which flake: --flake-dir, else the current folder; the system's (/etc/nixos) for
 * "my system flake" or --system; home-manager's for "my home-manager flake" or --home.
 */
import * as Args from "@effect/cli/Args"
import { Schema } from "effect"
import { defineIntent, typedCommand, words } from "./IntentSpec.js"

export class FlakeUpdate extends Schema.TaggedClass<FlakeUpdate>()("flake-update", {
  /** Input names or paths (`nixpkgs`, `home-manager/nixpkgs`); empty = every input. */
  inputs: Schema.Array(Schema.String)
}) {}

/** An input's name as Nix accepts it on the command line (`nixpkgs`, `nixos-hardware`, `home-manager/nixpkgs`). */
const INPUT = /^[A-Za-z0-9_][A-Za-z0-9_'.-]*(\/[A-Za-z0-9_][A-Za-z0-9_'.-]*)*$/

/** Words around input names that are not input names ("update all the inputs in my flake"). */
const notInputs: ReadonlySet<string> = new Set([
  "all", "every", "each", "everything", "the", "my", "our", "its", "input", "inputs", "of", "them", "both", "and", "dependencies", "deps"
])

/** Input names in the words as the user cased them ("update NUR and nixpkgs"); undefined when a word is not one. */
const inputsIn = (words: string, raw: string): ReadonlyArray<string> | undefined => {
  const names = words.split(/[\s,]+/).filter((w) => w !== "" && !notInputs.has(w))
  if (!names.every((n) => INPUT.test(n))) return undefined
  const lower = raw.toLowerCase()
  return names.map((n) => {
    const i = lower.indexOf(n)
    return i < 0 ? n : raw.slice(i, i + n.length)
  })
}

const FLAKE = "(flake|flake.lock|flake inputs|flake lock|flake lock file|flake lockfile|lock file|lockfile)"

export const flakeUpdate = defineIntent("flake-update", FlakeUpdate, {
  mutating: true,
  system: { whenNamed: true },
  home: true,
  describe: (i) => (i.inputs.length === 0 ? "update every input of the flake" : `update ${i.inputs.join(", ")} in the flake`),
  problem: (i) => {
    const bad = i.inputs.find((n) => !INPUT.test(n))
    return bad === undefined ? undefined : `"${bad}" is not a flake input name: inputs are named like nixpkgs or home-manager/nixpkgs (see them in flake.nix).`
  },
  json: (i) => ({ inputs: i.inputs }),
  phrases: [{
    patterns: [
      `(update|upgrade|bump|refresh|relock) [my|the|all|all my|all the|every] ${FLAKE} [input|inputs|dependencies|deps]`,
      "(update|upgrade|bump|refresh) [all|all of] [my|the] (inputs|dependencies|deps) (of|in|for) [my|the] (flake|flake.nix)",
      `(update|upgrade|bump|refresh) [the] {query} [input|inputs] (in|of|for|inside) [my|the] ${FLAKE}`,
      "(update|upgrade|bump|refresh) the {query} (input|inputs)",
      "(update|upgrade|bump|refresh) [my|the] {query} flake input",
      "nix flake update [--flake .|.]",
      "nix flake update {query}",
      "nix flake lock --update-input {query}",
      "nix flake lock --recreate-lock-file"
    ],
    accept: (slots) => slots["query"] === undefined || inputsIn(slots["query"].replace(/--update-input /g, ""), slots["query"]) !== undefined
  }],
  fromSlots: (slots, raw) => {
    const q = slots["query"]
    if (q === undefined) return new FlakeUpdate({ inputs: [] })
    const inputs = inputsIn(q.replace(/--update-input /g, "").replace(/ --flake \S+$/, ""), raw)
    return inputs === undefined ? undefined : new FlakeUpdate({ inputs: [...new Set(inputs)] })
  },
  help: [{ title: "Flakes", examples: ["update nixpkgs in my flake", "update my flake inputs"] }],
  command: typedCommand({
    name: "flake",
    description: "Update the inputs of a flake (flake.lock): all of them, or the ones named. The plan shows each input's old and new revision.",
    examples: ["ask-nix flake update", "ask-nix flake update nixpkgs", "ask-nix --flake-dir ~/nixos-config --execute flake update nixpkgs home-manager"],
    usage: "flake update [INPUT...]",
    config: {
      action: Args.choice<"update">([["update", "update"]], { name: "action" }),
      inputs: words("input")
    },
    toIntent: ({ inputs }) => ({ intent: new FlakeUpdate({ inputs }), words: [], reparse: false })
  })
})

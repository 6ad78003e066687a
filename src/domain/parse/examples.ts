/** Examples of everything the parser understands, grouped, for `ask-nix help`. Each is tested to parse as its group says. */
import { intentHelp } from "../Intent.js"

export interface ExampleGroup {
  readonly title: string
  /** The intent kind every example in the group parses to. */
  readonly kind: string
  readonly examples: ReadonlyArray<string>
}

/** From the intent specs (src/domain/intents): their help groups, in their order. */
export const helpExamples: ReadonlyArray<ExampleGroup> =
  intentHelp.map((g) => ({ title: g.title, kind: g.parsesAs ?? g.kind, examples: g.examples }))

/** What ask-nix tells plugins after it carried out an operation (the history plugin stores these). */
import type { Intent, Scope } from "./Intent.js"

export interface ExecutedRecord {
  /** ISO 8601, when the operation finished. */
  readonly at: string
  /** The request as the user typed it. */
  readonly request: string
  readonly intent: Intent
  readonly backend: string
  readonly profile: string
  readonly scope: Scope
  readonly generationBefore?: number | undefined
  readonly generationAfter?: number | undefined
  /** The commands that ran. */
  readonly argv: ReadonlyArray<ReadonlyArray<string>>
}

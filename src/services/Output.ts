/**
 * Where results go. Human mode: text on stdout, notes on stderr. JSON mode: stdout is JSON Lines,
 * events first (each with a `type`), the result object last.
 */
import { Context, type Effect } from "effect"

export interface OutputShape {
  readonly json: boolean
  /** A line of the human answer (stdout). Ignored in JSON mode. */
  readonly text: (line: string) => Effect.Effect<void>
  /** A side note for people (stderr), in both modes. */
  readonly note: (line: string) => Effect.Effect<void>
  /** A JSON event line (JSON mode only). */
  readonly event: (type: string, data: Record<string, unknown>) => Effect.Effect<void>
  /** The final JSON result object (JSON mode only). */
  readonly result: (data: Record<string, unknown>) => Effect.Effect<void>
}

export class Output extends Context.Tag("ask-nix/Output")<Output, OutputShape>() {}

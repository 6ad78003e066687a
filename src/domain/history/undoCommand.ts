/**
 * The command printed after a change ("To undo: ..."): back to the generation the profile had before
 * it, by number, so that it is right however many generations the change took and after a rollback
 * too; the --profile and --file the change was given are repeated.
 */
import { showArgv } from "../backends/instructions/commands.js"
import type { Scope } from "../Intent.js"

export interface UndoContext {
  readonly scope: Scope
  readonly before: number | undefined
  readonly after: number | undefined
  /** Given with --profile (undefined: the user's default profile). */
  readonly profile?: string | undefined
  readonly file?: string | undefined
}

export const undoCommand = (c: UndoContext): string | undefined => {
  if (c.before === undefined || c.after === undefined || c.before === c.after) return undefined
  // NixOS and home-manager generations: one per change, so the previous one is the state before it.
  if (c.scope === "system") return "ask-nix --system rollback"
  if (c.scope === "home") return "ask-nix --home rollback"
  return showArgv([
    "ask-nix",
    ...(c.profile === undefined ? [] : ["--profile", c.profile]),
    ...(c.file === undefined ? [] : ["--file", c.file]),
    "rollback", "--to", String(c.before)
  ])
}

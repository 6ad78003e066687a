/**
 * The answer to a question about doing something ("how do i install firefox?"): the exact command that
 * does it, and one line on what it does.
 */
import type { Intent, Scope } from "./Intent.js"

const SIMPLE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/
const quote = (w: string) => (SIMPLE.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)

/** The command line that carries the intent out, or undefined when there is none. */
export const imperativeOf = (intent: Intent, scope: Scope): string | undefined => {
  const args = ((): ReadonlyArray<string> | undefined => {
    switch (intent._tag) {
      case "install": case "remove": case "update":
        return [intent._tag, ...intent.packages.map(quote)]
      case "try":
        return ["try", ...(intent.command !== undefined ? ["--command", quote(intent.command)] : []), ...intent.packages.map(quote)]
      case "rollback":
        return ["rollback", ...(intent.generation !== undefined ? ["--to", String(intent.generation)] : []),
          ...(intent.steps !== undefined && intent.steps > 1 ? ["--back", String(intent.steps)] : [])]
      case "clean":
        return ["clean", ...(intent.keep !== undefined ? ["--keep", String(intent.keep)] : [])]
      case "rebuild":
        return [quote(`rebuild ${intent.mode}`)]
      default:
        return undefined
    }
  })()
  return args === undefined ? undefined : ["ask-nix", "--execute", ...(scope === "system" ? ["--system"] : []), ...args].join(" ")
}

/** One line on what carrying the intent out does. */
export const whatItDoes = (intent: Intent): string | undefined => {
  switch (intent._tag) {
    case "install": return "Installing adds the packages to your profile as a new generation; `ask-nix rollback` undoes it."
    case "remove": return "Removing takes the packages out of your profile as a new generation (`ask-nix rollback` brings them back); the store keeps them until you clean up."
    case "update": return "Updating moves the packages to the versions of your channel or flake, as a new generation you can roll back from."
    case "rollback": return "Rolling back switches to an earlier generation; the one you leave stays, so you can switch back."
    case "clean": return "Cleaning deletes old generations and collects garbage: it frees disk space, and you can no longer roll back to what it deleted."
    case "try": return "Trying opens a shell with the packages without installing them; your profile does not change."
    case "rebuild": return "Rebuilding builds your NixOS configuration and, for switch and test, makes it the running system."
    default: return undefined
  }
}

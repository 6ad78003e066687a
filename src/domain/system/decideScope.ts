/**
 * Which profile a request targets: the user's (default for packages) or the NixOS system.
 * Order: a rebuild is always the system's; then --system / --user; then what the request said.
 */
import { type Scope, systemFormOf, type Understood } from "../Intent.js"

export interface ScopeDecision {
  readonly scope: Scope
  readonly reason: string
}

export const decideScope = (understood: Understood, settings: { readonly scope: Scope | undefined }): ScopeDecision => {
  const kind = understood.intent._tag
  if (understood.scope === "home") return { scope: "home", reason: "the request names home-manager" }
  // Kinds without a system form (search, info, try ...) are the same in either scope (IntentSpec.system).
  const system = systemFormOf(kind)
  if (system === undefined) {
    return { scope: "user", reason: `"${kind}" is the same for the system and your profile` }
  }
  if (system.always === true) {
    return {
      scope: "system",
      reason: settings.scope === "user"
        ? `"${kind}" always acts on the NixOS system (--user does not apply to it)`
        : `"${kind}" always acts on the NixOS system`
    }
  }
  if (settings.scope === "system") return { scope: "system", reason: "--system was given" }
  if (settings.scope === "user") return { scope: "user", reason: "--user was given" }
  if (understood.scope === "system") return { scope: "system", reason: "the request names the system" }
  if (understood.scope === "user") return { scope: "user", reason: "the request names your own profile" }
  return { scope: "user", reason: "requests act on your own profile unless they name the system" }
}

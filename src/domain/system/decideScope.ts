/**
 * Which profile a request targets: the user's (default for packages), the NixOS system, or
 * home-manager. Order: kinds with neither a system nor a home-manager form are the same everywhere;
 * then --home / a request that names home-manager; a rebuild is the system's otherwise; then
 * --system / --user; then what the request said.
 */
import { hasHomeForm, type Scope, systemFormOf, type Understood } from "../Intent.js"

export interface ScopeDecision {
  readonly scope: Scope
  readonly reason: string
}

export const decideScope = (understood: Understood, settings: { readonly scope: Scope | undefined }): ScopeDecision => {
  const kind = understood.intent._tag
  // Kinds without a system form (search, info, try ...) are the same in either scope (IntentSpec.system).
  const system = systemFormOf(kind)
  const home = hasHomeForm(kind)
  if (system === undefined && !home) {
    return { scope: "user", reason: `"${kind}" is the same for the system and your profile` }
  }
  if (settings.scope === "home") return { scope: "home", reason: "--home was given" }
  if (settings.scope === undefined && understood.scope === "home") return { scope: "home", reason: "the request names home-manager" }
  if (system?.always === true) {
    return {
      scope: "system",
      reason: settings.scope === "user"
        ? "rebuilding always acts on the NixOS system or home-manager (--user does not apply to it; --home for home-manager)"
        : "rebuilding acts on the NixOS system unless the request names home-manager"
    }
  }
  if (settings.scope === "system") return { scope: "system", reason: "--system was given" }
  if (settings.scope === "user") return { scope: "user", reason: "--user was given" }
  if (understood.scope === "system") return { scope: "system", reason: "the request names the system" }
  if (understood.scope === "user") return { scope: "user", reason: "the request names your own profile" }
  return { scope: "user", reason: "requests act on your own profile unless they name the system" }
}

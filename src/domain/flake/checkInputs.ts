/** Are the inputs a request names inputs of the flake? If not: which are missing, and which names are close. */
import { osaDistance } from "../osa.js"

export interface InputCheck {
  readonly missing: ReadonlyArray<string>
  readonly suggestions: ReadonlyArray<string>
}

/** Inputs that differ by up to two edits, or that one name starts ("nixos" -> nixos-hardware). */
const close = (name: string, candidate: string): boolean =>
  osaDistance(name.toLowerCase(), candidate.toLowerCase(), 2) <= 2 || (name.length >= 3 && candidate.startsWith(name))

export const checkInputs = (requested: ReadonlyArray<string>, available: ReadonlyArray<string>): InputCheck => {
  const known = new Set(available)
  const missing = requested.filter((r) => !known.has(r))
  const suggestions = [...new Set(missing.flatMap((m) => available.filter((a) => close(m, a))))]
  return { missing, suggestions }
}

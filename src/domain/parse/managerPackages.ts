/**
 * "How do you install NPM global packages?", "Not Able To install Home-brew Formula's": packages of another
 * package manager, installed its own way. Nix does not install them as they are: the answer is how such
 * packages are had on Nix (nodePackages, python3.withPackages, a project's shell), never a Nix package
 * named "global" or "formula".
 */
import { lean } from "./leanRegExp.js"
import { Explain, type Understood } from "../Intent.js"

const MANAGER = String.raw`(?:npm|pnpm|yarn|pip|pip3|pipx|pypi|cargo|gem|rubygems|composer|luarocks|cabal|hackage|opam|home-?brew|brew|go)`
const THEIR_PACKAGES = String.raw`(?:packages?|modules?|crates?|gems?|formula(?:e|s|'s)?|casks?|libraries|library|deps|dependencies)`
/** The manager, then (global) packages of it: "npm global packages", "pip packages", "home-brew formula's", "cargo crates". */
const OWN_PACKAGES = lean(new RegExp(String.raw`(?:^|\s)(${MANAGER})\s+(?:global(?:ly)?\s+|installed\s+)?(${THEIR_PACKAGES})(?=$|[\s?.!,])`, "i"))

/** An install of another package manager's packages, explained with the language-packages topic; or undefined. */
export const managerPackages = (text: string): Understood | undefined => {
  const m = OWN_PACKAGES.exec(text)
  if (m === null) return undefined
  // (the manager as written, and as it is usually spelt: "home-brew" homebrew)
  const written = m[1]!.toLowerCase()
  const manager = written.replace("home-brew", "homebrew")
  const named = manager === written ? manager : `${written} ${manager}`
  return {
    intent: new Explain({ query: `language packages ${named} ${m[2]!.toLowerCase().replace("'", "")}` }, true), confidence: 0.8, corrections: [],
    notes: [`${manager} installs its own packages its own way; here is how they are had on Nix.`]
  }
}

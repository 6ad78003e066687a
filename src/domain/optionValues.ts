/**
 * Checks of option values that reach Nix: a value that starts with a dash would be read by Nix as an
 * option (`--flake -f` sent `nix eval -f#hello`), and an empty profile or file means nothing. Pure:
 * the CLI turns a problem into a usage error (exit 2).
 */
import { suspiciousText } from "./suspiciousText.js"

/** Why `--flake VALUE` cannot be used, or undefined. */
export const flakeRefProblem = (ref: string): string | undefined => {
  if (ref.trim() === "") return "--flake needs a flake reference, e.g. --flake nixpkgs or --flake github:NixOS/nixpkgs/nixos-24.05"
  if (ref.startsWith("-")) return `--flake ${ref}: a flake reference cannot start with "-" (Nix would read it as an option)`
  if (/\s/.test(ref)) return `--flake "${ref}": a flake reference has no spaces`
  const odd = suspiciousText(ref)
  return odd === undefined ? undefined : `--flake: ${odd}`
}

/** Why `--NAME PATH` cannot be used, or undefined. */
export const pathOptionProblem = (name: string, value: string): string | undefined => {
  if (value === "") return `--${name} needs a path, e.g. --${name} ./${name === "profile" ? "my-profile" : name === "file" ? "default.nix" : "index"}`
  if (value.startsWith("-")) return `--${name} ${value}: a path cannot start with "-" here (write ./${value} for a file of that name)`
  const odd = suspiciousText(value)
  return odd === undefined ? undefined : `--${name}: ${odd}`
}

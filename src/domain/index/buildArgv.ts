/** The Nix commands an index build runs, as pure argv builders (tests assert them exactly). */

/** Lets nix-env list unfree, broken and insecure packages too: the index marks them instead of hiding them. */
export const NIXPKGS_ALLOW_ENV: Readonly<Record<string, string>> = {
  NIXPKGS_ALLOW_UNFREE: "1",
  NIXPKGS_ALLOW_BROKEN: "1",
  NIXPKGS_ALLOW_INSECURE: "1",
  NIXPKGS_ALLOW_UNSUPPORTED_SYSTEM: "1"
}

/** `nix-env -qaP --json --meta -f FILE` (FILE defaults to the channel, `<nixpkgs>`). */
export const nixEnvQueryArgv = (file: string | undefined): Array<string> =>
  ["nix-env", "-qaP", "--json", "--meta", "-f", file ?? "<nixpkgs>"]

/** `nix search --json FLAKE ^`: every package of the flake. */
export const nixSearchArgv = (flake: string): Array<string> => ["nix", "search", "--json", "--", flake, "^"]

/**
 * nixpkgs' version string (e.g. "19.09.2201.8731aaaf8b3"), which ends in the short revision for channels.
 * The file goes in as an --argstr, never into the expression's text (a path holding `${` would be code).
 */
export const nixpkgsVersionArgv = (file: string | undefined): Array<string> => [
  "nix-instantiate", "--eval", "--json", "--expr",
  "{ file ? null }: let p = import (if file == null then <nixpkgs> else if builtins.substring 0 1 file == \"/\" then /. + file else ./. + \"/${file}\") {}; in p.lib.version or null",
  ...(file === undefined ? [] : ["--argstr", "file", file])
]

/** Where `<nixpkgs>` is: the channel's folder, which on NixOS also holds programs.sqlite. */
export const nixpkgsPathArgv: ReadonlyArray<string> = ["nix-instantiate", "--find-file", "nixpkgs"]

export const flakeMetadataArgv = (flake: string): Array<string> => ["nix", "flake", "metadata", "--json", "--", flake]

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
export const nixSearchArgv = (flake: string): Array<string> => ["nix", "search", "--json", flake, "^"]

/** nixpkgs' version string (e.g. "19.09.2201.8731aaaf8b3"), which ends in the short revision for channels. */
export const nixpkgsVersionArgv = (file: string | undefined): Array<string> => [
  "nix-instantiate", "--eval", "--json", "--expr",
  `let p = import (${file === undefined ? "<nixpkgs>" : JSON.stringify(file)}) {}; in p.lib.version or null`
]

export const flakeMetadataArgv = (flake: string): Array<string> => ["nix", "flake", "metadata", "--json", flake]

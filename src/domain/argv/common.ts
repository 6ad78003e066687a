/** Flags shared by the argv builders. */
export const logFlags: ReadonlyArray<string> = ["--log-format", "internal-json", "-v"]

export const experimentalFlags: ReadonlyArray<string> = ["--extra-experimental-features", "nix-command flakes"]

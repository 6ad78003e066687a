/** The backends of the chain, in its default order (`--backend NAME`, `backends` in the settings file). */
export const BACKENDS = ["native", "profile", "nix-env", "instructions"] as const
export type BuiltinBackend = (typeof BACKENDS)[number]

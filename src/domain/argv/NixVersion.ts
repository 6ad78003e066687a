/** The Nix version, parsed once from `nix --version`, and the CLI differences that follow from it. */
export interface NixVersion {
  readonly major: number
  readonly minor: number
  readonly patch: number
  readonly text: string
}

/** "nix (Nix) 2.26.3" -> 2.26.3; undefined when there is no version in the text. */
export const parseNixVersion = (output: string): NixVersion | undefined => {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(output)
  if (!m) return undefined
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: m[0] }
}

export const atLeast = (v: NixVersion, major: number, minor: number): boolean =>
  v.major > major || (v.major === major && v.minor >= minor)

/** `nix profile add` is the new name of `nix profile install` (2.30; the old name stays an alias). */
export const profileInstallVerb = (v: NixVersion): "add" | "install" => (atLeast(v, 2, 30) ? "add" : "install")

/** 2.20+: profile elements have names (manifest v3) and indices are gone. */
export const profileHasNames = (v: NixVersion): boolean => atLeast(v, 2, 20)

/** `nix profile` exists from 2.4 on. */
export const hasNixProfile = (v: NixVersion): boolean => atLeast(v, 2, 4)

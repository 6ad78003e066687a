/** Nix's naming rules for store paths and derivation names (libstore DrvName, StorePath): the one place they are read. */

/** "/nix/store/<32-char hash>-hello-1.0" -> "hello-1.0" (any store dir). */
export const storePathName = (path: string): string => {
  const base = path.slice(path.lastIndexOf("/") + 1)
  return base.length > 33 && base[32] === "-" ? base.slice(33) : base
}

export interface DrvName {
  readonly name: string
  readonly version: string
}

/**
 * Split "hello-1.0" into name and version the way Nix does (builtins.parseDrvName): the version starts
 * after the first dash that is followed by a character that is not a letter.
 */
export const parseDrvName = (full: string): DrvName => {
  for (let i = 0; i < full.length; i++) {
    if (full[i] === "-" && i + 1 < full.length && !/[A-Za-z]/.test(full[i + 1]!)) {
      return { name: full.slice(0, i), version: full.slice(i + 1) }
    }
  }
  return { name: full, version: "" }
}

/** "/nix/store/<hash>-hello-2.12" -> { name: "hello", version: "2.12" } */
export const parseStorePathName = (storePath: string): DrvName => parseDrvName(storePathName(storePath))

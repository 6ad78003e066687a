/** One package as the index stores it: what search ranks on and what `info` shows. */
export interface IndexRecord {
  readonly attrPath: string
  /** Derivation name (pname-version); records with the same name and position are duplicates. */
  readonly name: string
  readonly pname: string
  readonly version: string
  readonly description: string | null
  readonly longDescription: string | null
  readonly homepage: string | null
  readonly license: ReadonlyArray<string>
  readonly mainProgram: string | null
  /** Defining file relative to the nixpkgs root, without line number. */
  readonly position: string | null
  /** How many maintainers meta lists: a rough popularity signal for ranking. */
  readonly maintainers: number
  readonly broken: boolean
  readonly insecure: boolean
  readonly unfree: boolean
}

/** Where the records came from, recorded in the index header. */
export interface IndexSource {
  /** "file:/path", "channel:<nixpkgs>", "nix-file:/path", "flake:nixpkgs". */
  readonly source: string
  readonly revision: string | null
}

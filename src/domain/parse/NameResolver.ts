/**
 * What the parser needs from the package index to correct and resolve package words.
 * Synchronous on purpose: the index is in-process and parsing must stay well under a millisecond.
 * Implemented over the index by src/index (toNameResolver); absent when there is no index.
 */
export interface NameResolution {
  /** The attribute path to use. */
  readonly attrPath: string
  /** How it was found: "exact", "pname", "alias", "typo" ... */
  readonly how: string
}

export interface NameResolver {
  /** True when this exact attribute path exists in the index. */
  readonly exists: (attrPath: string) => boolean
  /** Resolve an everyday word to an attribute path when the index knows it unambiguously (exact attrPath or pname). */
  readonly resolve: (word: string) => NameResolution | undefined
  /**
   * Close names for a word the index does not know (edit distance / prefix), best first.
   * `maxEdits` caps the typo distance looked for (default: the index's own rule by word length).
   */
  readonly suggest: (word: string, limit: number, maxEdits?: number) => ReadonlyArray<string>
}

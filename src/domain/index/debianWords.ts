/**
 * What Debian says a package is (debianWords.generated.ts, from Debian's synopses, debtags and sections by
 * scripts/gen-debian-words.ts): words nixpkgs' own text lacks ("audio" for kid3, "compatibility" for wine),
 * indexed as category words of the package. Pure; used at index build time.
 */

/** attribute path -> words (as text.ts stems them) */
export type DebianWordsTable = ReadonlyMap<string, ReadonlyArray<string>>

/** Parses the generated table (attribute path, tab, space-separated words: one a line). */
export const parseDebianWords = (text: string): DebianWordsTable => {
  const out = new Map<string, ReadonlyArray<string>>()
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1).split(" "))
  }
  return out
}

/**
 * What Debian says of a package (debianWords.generated.ts, from Debian's Packages index by
 * scripts/gen-debian-words.ts): words nixpkgs' own text lacks ("audio" for kid3, "compatibility" for wine),
 * indexed as category words of the package, and how much of Debian builds on it (source packages of its
 * dependents, recommenders, suggesters), a popularity. Pure; used at index build time.
 */
import { stem } from "./text.js"

export interface DebianFacts {
  /** Source packages of Debian whose packages depend on, recommend, suggest or enhance it. */
  readonly users: number
  /** Words (as text.ts stems them). */
  readonly words: ReadonlyArray<string>
  /** Debian tags it a graphical program (interface::x11), not a library. */
  readonly gui: boolean
  /** Into how many languages AppStream's summary of it is translated (0: none, or no AppStream entry). */
  readonly languages: number
}

/** attribute path -> what Debian says of it */
export type DebianWordsTable = ReadonlyMap<string, DebianFacts>

/**
 * Parses the generated table (attribute path, users, space-separated words[, "gui"[, languages]]: tab-separated, one a
 * line).
 */
export const parseDebianWords = (text: string): DebianWordsTable => {
  const out = new Map<string, DebianFacts>()
  for (const line of text.split("\n")) {
    const [attr, users, words, gui, languages] = line.split("\t")
    if (attr === undefined || users === undefined || words === undefined) continue
    // (stemmed again: the table may predate a change of text.ts's stem)
    out.set(attr, { users: Number(users), words: words === "" ? [] : [...new Set(words.split(" ").map(stem))], gui: gui === "gui", languages: Number(languages ?? 0) })
  }
  return out
}

/**
 * Parses the generated phrase table (debianPhrases.generated.ts: attribute path, comma-separated two-word phrases of
 * Debian's synopsis that nixpkgs' description does not say, "audio editor" for audacity; tab-separated, one a line).
 */
export const parseDebianPhrases = (text: string): ReadonlyMap<string, ReadonlyArray<string>> => {
  const out = new Map<string, ReadonlyArray<string>>()
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1).split(",").map((p) => p.split(" ").map(stem).join(" ")))
  }
  return out
}

/** Points per doubling of Debian's users (a popularity, counted as importance.ts's is). */
export const DEBIAN_USER_POINTS = 6

/** At most this many doublings count: libraries everything uses are not what a category means. */
const MAX_DOUBLINGS = 6

/**
 * Points per doubling of the languages an application's AppStream summary is translated into: translators work on what
 * people use (gnome3.eog 94, gimp 64, okular 45; most niche tools none). 2 / 6 / 10 points:
 * dev MRR 0.889 / 0.890 / 0.888, 4: 0.892.
 */
const TRANSLATION_POINTS = 4

export const translationPopularity = (languages: number): number => Math.round(TRANSLATION_POINTS * Math.log2(1 + languages))

export const debianPopularity = (users: number): number =>
  Math.round(DEBIAN_USER_POINTS * Math.min(MAX_DOUBLINGS, Math.log2(1 + users)))

/** Popularity points for a graphical program (what people who search by category mostly mean). */
export const DEBIAN_GUI_POINTS = 50

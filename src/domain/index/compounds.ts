/**
 * Words written both joined and apart ("webserver" / "web server", "e-mail" / "email"), found in the
 * descriptions themselves at index build time, so that either spelling finds both. Pure.
 */

/** joined word -> its two parts */
export type Compounds = ReadonlyMap<string, readonly [string, string]>

/** How often the parts must be written apart before the joined word counts as a compound of them. */
const MIN_APART = 3
/** ... and at least this share of the times the joined word is written ("useless" is not "use less"). */
const MIN_APART_SHARE = 0.1
/** Prefixes, not words: "preprocessor" is no processor, "rename" no name. */
const PREFIXES = new Set(["re", "co", "de", "non", "pre", "post", "multi", "auto", "over", "under", "super", "ultra", "micro", "meta", "un", "sub", "take", "use", "suck"])

/**
 * Compounds of a corpus (each text as its words, in order): a word that is two other words of the corpus
 * joined, when those two are also written one after the other at least MIN_APART times.
 */
export const findCompounds = (texts: ReadonlyArray<ReadonlyArray<string>>): Compounds => {
  const vocab = new Map<string, number>()
  const pairs = new Map<string, number>()
  for (const words of texts) {
    for (let i = 0; i < words.length; i++) {
      vocab.set(words[i]!, (vocab.get(words[i]!) ?? 0) + 1)
      if (i > 0) {
        const key = `${words[i - 1]!} ${words[i]!}`
        pairs.set(key, (pairs.get(key) ?? 0) + 1)
      }
    }
  }
  const out = new Map<string, readonly [string, string]>()
  for (const [key, n] of pairs) {
    if (n < MIN_APART) continue
    const sp = key.indexOf(" ")
    const a = key.slice(0, sp)
    const b = key.slice(sp + 1)
    if (b.length < 3 || /\d/.test(key) || PREFIXES.has(a)) continue
    const joined = a + b
    const written = vocab.get(joined) ?? 0
    if (written > 0 && n >= MIN_APART_SHARE * written && !out.has(joined)) out.set(joined, [a, b])
  }
  return out
}

/** The words of a text plus the other spelling of its compounds (parts of joined words, joins of parts). */
export const withCompounds = (words: ReadonlyArray<string>, compounds: Compounds): Array<string> => {
  if (compounds.size === 0) return [...words]
  const out = [...words]
  for (let i = 0; i < words.length; i++) {
    const parts = compounds.get(words[i]!)
    if (parts !== undefined) out.push(parts[0], parts[1])
    if (i > 0) {
      const joined = words[i - 1]! + words[i]!
      const p = compounds.get(joined)
      if (p !== undefined && p[0] === words[i - 1]) out.push(joined)
    }
  }
  return out
}

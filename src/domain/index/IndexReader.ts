/**
 * Synchronous, in-process access to an index file: search, lookup, suggest, provides, status.
 * Opening reads only the header; each method loads the sections it needs. Methods throw IndexCorrupt
 * when a section is damaged (the PackageIndex layer turns that into a typed failure).
 */
import type { PackageDetails, PackageSummary } from "../Plan.js"
import { IndexCorrupt } from "../errors.js"
import type { IndexStatus, SearchHit } from "./IndexAnswers.js"
import { crc32 } from "node:zlib"
import { Either, Schema } from "effect"
import {
  Flag, FORMAT_VERSION, SetRanges, KeyKind, POSTING_SHIFT, RECORD_GROUPS, type RecordGroup, RECORDS_PER_BLOCK, type StringColumn
} from "./format.js"
import { IndexFile } from "./IndexFile.js"
import { type ProvidesHit, providesIn } from "./provides.js"
import { wordsNameSet } from "./rank.js"
import { relatedWordsIn } from "./relatedWords.js"
import { searchIndex } from "./search.js"
import { suggestNames } from "./suggest.js"
import { TermTable } from "./TermTable.js"
import { lastSegment } from "./text.js"

interface Block {
  readonly bytes: Buffer
  /** Byte offset of each record in `bytes`, and the end of the last. */
  readonly starts: Uint32Array
}

/** Where each text column lives: its group and its field number there. */
const COLUMN_PLACE = Object.fromEntries(
  (Object.entries(RECORD_GROUPS) as Array<[RecordGroup, ReadonlyArray<StringColumn>]>)
    .flatMap(([group, fields]) => fields.map((f, i) => [f, [group, i] as const]))
) as Record<StringColumn, readonly [RecordGroup, number]>

const decodeSets = Schema.decodeUnknownEither(Schema.parseJson(SetRanges))
const decodeAgents = Schema.decodeUnknownEither(Schema.parseJson(Schema.Record({ key: Schema.String, value: Schema.String })))
const decodeModuleNames = Schema.decodeUnknownEither(Schema.parseJson(Schema.Array(Schema.String)))

export class IndexReader {
  private keysTable: TermTable | undefined
  private wordsTable: TermTable | undefined
  private relatedTable: TermTable | undefined
  private phrasesTable: TermTable | undefined
  private flagsArr: Uint8Array | undefined
  private priorArr: Int16Array | undefined
  private popularityArr: Int16Array | undefined
  private readonly blocks: Record<RecordGroup, Array<Block | undefined>> = { summary: [], details: [] }
  private readonly blockTables = new Map<RecordGroup, { off: Uint32Array; crc: Uint32Array }>()
  private descLen: Uint16Array | undefined
  private scratchArr: Scratch | undefined
  private setsMap: typeof SetRanges.Type | undefined
  private agentsMap: Readonly<Record<string, string>> | undefined
  private relatedText: string | undefined

  private constructor(readonly file: IndexFile) {}

  /** Throws IndexMissing when there is no file, IndexCorrupt when it is not a readable index. */
  static fromFile(file: IndexFile): IndexReader {
    return new IndexReader(file)
  }

  static fromBuffer(buf: Uint8Array, path?: string): IndexReader {
    return new IndexReader(IndexFile.fromBuffer(buf, path))
  }

  get size(): number { return this.file.header.packages }
  get keys(): TermTable { return (this.keysTable ??= new TermTable(this.file, "keys")) }
  get words(): TermTable { return (this.wordsTable ??= new TermTable(this.file, "words")) }
  /** What each query word finds through related words (relatedWords.ts); loaded only by word queries. */
  get related(): TermTable { return (this.relatedTable ??= new TermTable(this.file, "related")) }
  /** Ids of the packages whose Debian synopsis says this two-word phrase (stemmed: "audio editor"); none when the index has no phrases. */
  phraseIds(phrase: string): ReadonlySet<number> {
    if (this.file.header.sections["phrases.terms"] === undefined) return new Set()
    this.phrasesTable ??= new TermTable(this.file, "phrases")
    const i = this.phrasesTable.find(phrase)
    return i < 0 ? new Set() : new Set(Array.from(this.phrasesTable.postings(i), (p) => p >>> POSTING_SHIFT))
  }
  get flags(): Uint8Array { return (this.flagsArr ??= this.file.section("flags")) }
  get prior(): Int16Array { return (this.priorArr ??= this.file.i16("prior")) }
  get popularity(): Int16Array { return (this.popularityArr ??= this.file.i16("popularity")) }
  get scratch(): Scratch { return (this.scratchArr ??= new Scratch(this.size)) }

  /** Id ranges of each package set, by its lowercased prefix (decoded on first use). */
  private get sets(): typeof SetRanges.Type {
    return (this.setsMap ??= Either.getOrThrowWith(decodeSets(this.file.section("sets").toString("utf8")), () =>
      new IndexCorrupt({ path: this.file.path, detail: "section sets is not valid JSON" })))
  }

  /** A verb's agent noun as package texts say it (edit -> editor; relatedWords.ts agentNouns), or undefined. */
  agentNoun(verb: string): string | undefined {
    const agents = (this.agentsMap ??= Either.getOrThrowWith(decodeAgents(this.file.section("agents").toString("utf8")), () =>
      new IndexCorrupt({ path: this.file.path, detail: "section agents is not a JSON object of words" })))
    return Object.prototype.hasOwnProperty.call(agents, verb) ? agents[verb] : undefined
  }

  /** The words `word` finds through related words (relatedWords.ts), as the index stems them. */
  relatedWords(word: string): ReadonlyArray<string> {
    this.relatedText ??= this.file.header.sections["relatedWords"] === undefined ? "" : this.file.section("relatedWords").toString("latin1")
    return relatedWordsIn(this.relatedText, word)
  }

  /** Id ranges of the packages under a lowercased set prefix ("python3packages."). */
  setRanges(prefix: string): ReadonlyArray<readonly [number, number]> {
    return Object.prototype.hasOwnProperty.call(this.sets, prefix) ? this.sets[prefix] ?? [] : []
  }

  /**
   * The sets that query words name, with the id ranges of their packages: a word of 3+ letters that starts a
   * set's name or that the set's name starts ("python" -> python3Packages, pythonPackages; "emacs" -> emacsPackages).
   */
  setsNamedBy(words: ReadonlyArray<string>): ReadonlyArray<{ readonly set: string; readonly ranges: ReadonlyArray<readonly [number, number]> }> {
    const out: Array<{ set: string; ranges: ReadonlyArray<readonly [number, number]> }> = []
    for (const [prefix, ranges] of Object.entries(this.sets)) {
      if (prefix.indexOf(".") !== prefix.length - 1) continue
      if (wordsNameSet(words, prefix.slice(0, -1))) out.push({ set: prefix.slice(0, -1), ranges })
    }
    return out
  }

  /** The NixOS options JSON the index was built with and the module names it has, or undefined without one. */
  optionsSource(): { readonly path: string; readonly modules: ReadonlySet<string> } | undefined {
    const path = this.file.header.options
    if (path === null || this.file.header.sections["moduleNames"] === undefined) return undefined
    const modules = Either.getOrThrowWith(decodeModuleNames(this.file.section("moduleNames").toString("utf8")), () =>
      new IndexCorrupt({ path: this.file.path, detail: "section moduleNames is not a JSON list of names" }))
    return { path, modules: new Set(modules) }
  }

  /** Length of each package's description (characters, capped at 65535), without reading the text. */
  get descriptionLengths(): Uint16Array {
    return (this.descLen ??= this.file.u16("descLen"))
  }

  /** One block of a group (bytes and record starts), read and checked on first use. */
  private block(group: RecordGroup, b: number): Block {
    const hit = this.blocks[group][b]
    if (hit !== undefined) return hit
    let table = this.blockTables.get(group)
    if (table === undefined) {
      table = { off: this.file.u32(`${group}.blockOff`), crc: this.file.u32(`${group}.blockCrc`) }
      this.blockTables.set(group, table)
    }
    const corrupt = (detail: string) => new IndexCorrupt({ path: this.file.path, detail })
    if (b + 1 >= table.off.length || b >= table.crc.length) throw corrupt(`${group} block ${b} does not exist`)
    const bytes = this.file.slice(`${group}.blocks`, table.off[b]!, table.off[b + 1]! - table.off[b]!)
    if (crc32(bytes) !== table.crc[b]) throw corrupt(`${group} block ${b} is damaged (checksum mismatch)`)
    const count = Math.min(RECORDS_PER_BLOCK, this.size - b * RECORDS_PER_BLOCK)
    if (bytes.length < count * 4) throw corrupt(`${group} block ${b} is too short`)
    const starts = new Uint32Array(count + 1)
    starts[0] = count * 4
    for (let i = 0; i < count; i++) starts[i + 1] = starts[i]! + bytes.readUInt32LE(i * 4)
    if (starts[count]! > bytes.length) throw corrupt(`${group} block ${b} is too short`)
    const block = { bytes, starts }
    this.blocks[group][b] = block
    return block
  }

  str(col: StringColumn, id: number): string {
    const { bytes, from, to } = this.fieldRange(col, id)
    return from === to ? "" : bytes.toString("utf8", from, to)
  }

  /** The length of str(col, id) without decoding it (ASCII: its byte count). */
  strLength(col: StringColumn, id: number): number {
    const { bytes, from, to } = this.fieldRange(col, id)
    for (let k = from; k < to; k++) if (bytes[k]! >= 0x80) return bytes.toString("utf8", from, to).length
    return to - from
  }

  /** str(col, id) === s, compared with the record's bytes in place when s is ASCII (no string decoded). */
  strEquals(col: StringColumn, id: number, s: string): boolean {
    const { bytes, from, to } = this.fieldRange(col, id)
    if (to - from !== s.length) {
      // (an ASCII s equals only a field of as many bytes; another s is compared decoded)
      for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return this.str(col, id) === s
      return false
    }
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k)
      if (c >= 0x80) return this.str(col, id) === s
      if (bytes[from + k] !== c) return false
    }
    return true
  }

  /** Where one field of one record lies in its block: its NUL-separated byte range. */
  private fieldRange(col: StringColumn, id: number): { readonly bytes: Buffer; readonly from: number; readonly to: number } {
    const [group, field] = COLUMN_PLACE[col]
    if (id < 0 || id >= this.size) throw new IndexCorrupt({ path: this.file.path, detail: `package ${id} does not exist` })
    const { bytes, starts } = this.block(group, Math.floor(id / RECORDS_PER_BLOCK))
    const i = id % RECORDS_PER_BLOCK
    const end = starts[i + 1]!
    let from = starts[i]!
    for (let f = 0; f < field; f++) {
      const nul = bytes.indexOf(0, from)
      if (nul < 0 || nul >= end) return { bytes, from: end, to: end }
      from = nul + 1
    }
    const nul = bytes.indexOf(0, from)
    return { bytes, from, to: nul < 0 || nul > end ? end : nul }
  }

  summary(id: number): PackageSummary {
    const f = this.flags[id]!
    const description = this.str("description", id)
    return {
      attrPath: this.str("attrPath", id),
      pname: this.str("pname", id),
      version: this.str("version", id),
      description: description === "" ? null : description,
      ...(f & Flag.broken ? { broken: true } : {}),
      ...(f & Flag.insecure ? { insecure: true } : {}),
      ...(f & Flag.unfree ? { unfree: true } : {})
    }
  }

  details(id: number): PackageDetails {
    const opt = (col: StringColumn) => {
      const s = this.str(col, id)
      return s === "" ? null : s
    }
    const license = this.str("license", id)
    const f = this.flags[id]!
    return {
      ...this.summary(id),
      broken: (f & Flag.broken) !== 0,
      insecure: (f & Flag.insecure) !== 0,
      unfree: (f & Flag.unfree) !== 0,
      homepage: opt("homepage"),
      license: license === "" ? [] : license.split("\n"),
      longDescription: opt("longDescription")
    }
  }

  /** Package ids under a lowercased key, with the kinds of name it is for them. */
  keyPostings(key: string): Array<{ id: number; kind: number }> {
    const i = this.keys.find(key)
    if (i < 0) return []
    return Array.from(this.keys.postings(i), (p) => ({ id: p >>> POSTING_SHIFT, kind: p & ((1 << POSTING_SHIFT) - 1) }))
  }

  /**
   * Id of this exact attribute path. Every package is a key under its last segment, so the key table
   * (in memory) narrows it to a few ids, and only those are read from the text blocks; a binary search
   * over the attrPath column would decode a block at every step (~8 us a lookup, the parser's hot path).
   */
  findExactAttrPath(attrPath: string): number | undefined {
    const i = this.keys.find(lastSegment(attrPath).toLowerCase())
    if (i < 0) return undefined
    const ps = this.keys.postings(i)
    // A dotted path is nested, an undotted one is not (Flag.nested): "kernel" skips the dozens of
    // linuxPackages_*.kernel without reading their paths.
    const nested = attrPath.includes(".") ? Flag.nested : 0
    for (let k = 0; k < ps.length; k++) {
      if (!(ps[k]! & KeyKind.last)) continue
      const id = ps[k]! >>> POSTING_SHIFT
      if ((this.flags[id]! & Flag.nested) !== nested) continue
      // (compared in place, without decoding: "python3Packages.kernel" passes dozens of linuxPackages_*.kernel)
      if (this.strEquals("attrPath", id, attrPath)) return id
    }
    return undefined
  }

  /** Ids whose attribute path equals `attrPath` ignoring case (found through the last segment). */
  findAttrPathIgnoringCase(attrPath: string): Array<number> {
    const lower = attrPath.toLowerCase()
    const leaf = lower.slice(lower.lastIndexOf(".") + 1)
    const nested = lower.includes(".") ? Flag.nested : 0
    return this.keyPostings(leaf)
      .filter((h) => h.kind & KeyKind.last && (this.flags[h.id]! & Flag.nested) === nested && this.str("attrPath", h.id).toLowerCase() === lower)
      .map((h) => h.id)
  }

  /** Id of this attribute path: exact, else the only case-insensitive match. */
  findAttrPath(attrPath: string): number | undefined {
    const exact = this.findExactAttrPath(attrPath)
    if (exact !== undefined) return exact
    const hits = this.findAttrPathIgnoringCase(attrPath)
    return hits.length === 1 ? hits[0] : undefined
  }

  /**
   * The one top-level package with this pname (aliases of one derivation count as one), else undefined.
   * Never guesses between different packages.
   */
  findTopLevelPname(pname: string): number | undefined {
    const hits = this.keyPostings(pname.toLowerCase())
      .filter((h) => h.kind & KeyKind.pname && !(this.flags[h.id]! & Flag.nested))
    if (hits.length === 0) return undefined
    const drvs = new Set(hits.map((h) => `${this.str("name", h.id)}\u0000${this.str("position", h.id)}`))
    if (drvs.size !== 1) return undefined
    return hits.map((h) => h.id).sort((a, b) => this.str("attrPath", a).length - this.str("attrPath", b).length)[0]
  }

  lookup(name: string): PackageDetails | undefined {
    const id = this.findAttrPath(name) ?? this.findTopLevelPname(name)
    return id === undefined ? undefined : this.details(id)
  }

  /** `asWritten`: without reading other systems' programs as what they are (searchIndex). */
  search(query: string, limit = 20, asWritten = false): { hits: ReadonlyArray<SearchHit>; total: number } {
    const { ranked, total } = searchIndex(this, query, limit, undefined, asWritten)
    return { hits: ranked.map((r) => ({ ...this.summary(r.id), score: Math.round(r.score) })), total }
  }

  suggest(name: string, limit = 5, maxEdits?: number): ReadonlyArray<string> {
    return suggestNames(this, name, limit, maxEdits)
  }

  provides(command: string): ReadonlyArray<ProvidesHit> {
    return providesIn(this, command)
  }

  /** Checks every byte of the file against its checksums (IndexFile.verify); throws IndexCorrupt. */
  verify(): void {
    this.file.verify()
  }

  status(): IndexStatus {
    const h = this.file.header
    return {
      path: this.file.path, source: h.source, revision: h.revision, packages: h.packages, builtAt: h.builtAt,
      sizeBytes: this.file.sizeBytes, formatVersion: FORMAT_VERSION, programs: h.programs
    }
  }

  close(): void {
    this.blocks.summary = []
    this.blocks.details = []
    this.file.close()
  }
}

/** Per-reader work arrays reused across queries (reset after each one). */
export class Scratch {
  /** Ids hit by the current query word. */
  readonly ids: Int32Array
  readonly name: Float32Array
  readonly words: Float32Array
  readonly matched: Uint8Array
  readonly best: Float32Array
  readonly seen: Uint8Array
  constructor(n: number) {
    this.ids = new Int32Array(n)
    this.name = new Float32Array(n)
    this.words = new Float32Array(n)
    this.matched = new Uint8Array(n)
    this.best = new Float32Array(n)
    this.seen = new Uint8Array(n)
  }
}

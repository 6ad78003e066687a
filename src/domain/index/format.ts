/**
 * The index file: one file, a small header, then sections the reader loads only when a query needs them.
 *
 *   bytes 0..8    magic "ASKNIXIX"
 *   bytes 8..12   format version (u32 LE)
 *   bytes 12..16  header JSON length (u32 LE)
 *   bytes 16..20  CRC-32 of the header JSON
 *   bytes 20..    header JSON: IndexHeader (metadata and the section table)
 *   then          sections, each 8-byte aligned, each with its own CRC-32 (checked when loaded)
 *
 * Sections a query reads a few bytes of (a term table's postings and their offsets) also have a CRC-32
 * per PAGE_BYTES page, in the section `NAME.pageCrc`: a query reads and checks only the pages it needs.
 *
 * Numbers are little-endian. Change FORMAT_VERSION whenever the layout or the meaning of a section changes.
 */
import { Schema } from "effect"

export const MAGIC = "ASKNIXIX"
export const FORMAT_VERSION = 8
export const PREAMBLE_BYTES = 20
/** The page of a paged section (`NAME.pageCrc`: a u32 CRC-32 per page, the last page may be shorter). */
export const PAGE_BYTES = 4096

export const SectionEntry = Schema.Struct({ offset: Schema.Number, length: Schema.Number, crc: Schema.Number })
export type SectionEntry = typeof SectionEntry.Type

export const IndexHeader = Schema.Struct({
  source: Schema.String,
  revision: Schema.NullOr(Schema.String),
  packages: Schema.Number,
  builtAt: Schema.String,
  buildMs: Schema.Number,
  skipped: Schema.Number,
  /** The programs database commands came from (certain), or null when they are guesses (commands.ts). */
  programs: Schema.NullOr(Schema.String),
  /** The NixOS options JSON the index was built with (search shows matching options from it), or null. */
  options: Schema.NullOr(Schema.String),
  sections: Schema.Record({ key: Schema.String, value: SectionEntry })
})
export type IndexHeader = typeof IndexHeader.Type

/** The header without its section table, which the reader checks by hand (isSectionTable). */
export const IndexHeaderMeta = IndexHeader.pipe(Schema.omit("sections"))

/**
 * Is this the header's section table: entries of whole byte offsets and lengths and a CRC-32 each? A loop
 * instead of the Schema, whose decoding of ~80 entries cost every search 0.28 ms of its start.
 */
export const isSectionTable = (v: unknown): v is Record<string, SectionEntry> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false
  for (const e of Object.values(v)) {
    if (typeof e !== "object" || e === null || !("offset" in e && "length" in e && "crc" in e)) return false
    if (!isCount(e.offset) || !isCount(e.length) || !isCount(e.crc) || e.crc > 0xffffffff) return false
  }
  return true
}
const isCount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0

/** The `sets` section: id ranges of each package set, by its lowercased prefix ("python3packages."). */
export const SetRanges = Schema.Record({ key: Schema.String, value: Schema.Array(Schema.Tuple(Schema.Number, Schema.Number)) })

/**
 * Text stored per package, in two groups so that a search reads only the summary of its results.
 * Each group is stored in blocks of RECORDS_PER_BLOCK packages (`NAME.blocks`, with byte offsets in
 * `NAME.blockOff` and a CRC-32 per block in `NAME.blockCrc`): a query reads and checks only the
 * blocks of the packages it shows. A block is u32 byte lengths of its records, then the records;
 * a record is its fields in UTF-8, joined by NUL.
 */
export const RECORD_GROUPS = {
  summary: ["attrPath", "pname", "version", "description"],
  details: ["name", "longDescription", "homepage", "license", "mainProgram", "position"]
} as const
export type RecordGroup = keyof typeof RECORD_GROUPS
export type StringColumn = (typeof RECORD_GROUPS)[RecordGroup][number]
export const RECORDS_PER_BLOCK = 64

/** Bits of the `flags` section (one byte per package). */
export const Flag = {
  broken: 1,
  insecure: 2,
  unfree: 4,
  /** Inside a package set (attribute path has a dot). */
  nested: 8,
  /** A versioned variant of another package (postgresql_11 of postgresql). */
  versioned: 16,
  /** The same derivation as a better-placed attribute path (libsForQt5.vlc of vlc): hidden in search. */
  duplicate: 32,
  /** In a set of add-ons to something else (python3Packages, emacsPackages, vimPlugins, terraform-providers). */
  addon: 64,
  /** A library for programs rather than a program for people (pkgs/development/libraries, lib*, "A ... library", "A ... plugin"). */
  library: 128
} as const

/** Bits stored with each posting of the `keys` table (whole names). */
/**
 * Bits stored with each posting of the `keys` table (whole names). `mainProgram`: the package certainly has
 * this command (meta.mainProgram, a programs database); `command`: it probably has it (commands.ts).
 */
export const KeyKind = { attrPath: 1, pname: 2, last: 4, mainProgram: 8, command: 16 } as const
/**
 * Bits stored with each posting of the `words` table: words of names and descriptions, and what the package
 * is from elsewhere: `category` from the folders nixpkgs keeps it in, `module` from its NixOS module.
 */
export const WordField = { name: 1, description: 2, longDescription: 4, category: 8, module: 16 } as const

/** Postings are u32: package id << 5 | kind/field bits. */
export const POSTING_SHIFT = 5

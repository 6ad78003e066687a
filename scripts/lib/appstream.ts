// Development-time reader of Debian's AppStream catalogue (DEP-11 Components YAML), for scripts/gen-debian-words.ts:
// per Debian package, the words its applications' upstreams write for software centres (English summary, keywords,
// freedesktop menu categories) and the desktops their IDs name. Only applications (desktop or console), not add-ons,
// fonts, codecs or drivers. A small line reader for the few fields used, not a YAML parser.
import { textWords } from "../../src/domain/index/text.js"

export interface AppStreamFacts {
  /** Words of the summaries, keywords and categories (as text.ts stems them). */
  readonly words: ReadonlyArray<string>
  /** Desktops named by the applications' IDs (org.kde.okular, org.gnome.Evince): kde, gnome. */
  readonly desktops: ReadonlySet<string>
  /** Words of the English long descriptions. */
  readonly about: ReadonlyArray<string>
  /** Into how many languages its most translated application's summary is translated (a sign of how widely used). */
  readonly languages: number
}

const APPLICATIONS = new Set(["desktop-application", "console-application"])
/** Menu categories that name a toolkit, a desktop or a menu's bookkeeping, not what the program is for. */
const NOT_WHAT = new Set(["qt", "gtk", "kde", "gnome", "xfce", "lxqt", "motif", "java", "consoleonly", "core", "settings", "utility"])
/** Menu categories said as people search for them (the rest are split where the case changes: TextEditor). */
const CATEGORY_WORDS: Readonly<Record<string, string>> = {
  audiovideo: "audio video", audiovideoediting: "audio video editor", "2dgraphics": "graphics", "3dgraphics": "3d graphics",
  rastergraphics: "image graphics", vectorgraphics: "vector drawing graphics", photography: "photo", email: "email mail",
  ircclient: "irc chat client", instantmessaging: "chat messenger", filetransfer: "file transfer", p2p: "p2p peer",
  revisioncontrol: "version control", terminalemulator: "terminal emulator", filemanager: "file manager",
  wordprocessor: "word processor", webbrowser: "web browser", packagemanager: "package manager", archiving: "archive",
  compression: "compression compress", discburning: "disc burning cd dvd", tv: "tv television", hamradio: "ham radio",
  ide: "ide", guidesigner: "gui designer", filetools: "file", texttools: "text", monitor: "monitor", viewer: "viewer"
}
/** Desktops whose projects name their applications' IDs (org.kde.okular, org.gnome.Evince, org.xfce.ristretto). */
const DESKTOPS = new Set(["kde", "gnome", "xfce", "lxqt", "mate"])

const categoryWords = (c: string): string => {
  const lower = c.toLowerCase()
  if (NOT_WHAT.has(lower) || lower.startsWith("x-")) return ""
  return CATEGORY_WORDS[lower] ?? c.replace(/(?<=[a-z])(?=[A-Z])/g, " ")
}

/** Debian package -> what AppStream says of its applications (merged when a package ships several). */
export const appStreamByPackage = (yml: string): Map<string, AppStreamFacts> => {
  const words = new Map<string, Array<string>>()
  const desktops = new Map<string, Set<string>>()
  const about = new Map<string, Array<string>>()
  const languages = new Map<string, number>()
  for (const doc of yml.split("\n---\n")) {
    let type: string | undefined
    let pkg: string | undefined
    let id: string | undefined
    const said: Array<string> = []
    let translated = 0
    const long: Array<string> = []
    let key = ""
    let sub = ""
    for (const line of doc.split("\n")) {
      const top = /^([A-Za-z]+):(?: (.*))?$/.exec(line)
      if (top !== null) {
        key = top[1]!
        sub = ""
        const value = top[2]?.trim()
        if (key === "Type") type = value
        else if (key === "Package") pkg = value
        else if (key === "ID") id = value
        continue
      }
      const child = /^ {2}([A-Za-z_@-]+):(?: (.*))?$/.exec(line)
      if (child !== null) {
        sub = child[1]!
        if (key === "Summary" && sub === "C" && child[2] !== undefined) said.push(child[2].replace(/^'|'$/g, ""))
        if (key === "Summary" && sub !== "C") translated++
        if (key === "Description" && sub === "C" && child[2] !== undefined) long.push(child[2])
        continue
      }
      if (key === "Description" && sub === "C" && line.startsWith("    ")) {
        long.push(line)
        continue
      }
      const item = /^(?: {2})?- (.*)$/.exec(line)
      if (item === null) continue
      if (key === "Categories") said.push(categoryWords(item[1]!.trim()))
      else if (key === "Keywords" && sub === "C") said.push(item[1]!.trim().replace(/^'|'$/g, ""))
    }
    if (type === undefined || !APPLICATIONS.has(type) || pkg === undefined) continue
    languages.set(pkg, Math.max(languages.get(pkg) ?? 0, translated))
    const w = words.get(pkg) ?? []
    w.push(...textWords(said.join(" ")))
    words.set(pkg, w)
    const d = desktops.get(pkg) ?? new Set<string>()
    for (const p of (id ?? "").toLowerCase().split(".").slice(0, -1)) if (DESKTOPS.has(p)) d.add(p)
    desktops.set(pkg, d)
    const a = about.get(pkg) ?? []
    a.push(...textWords(long.join(" ").replace(/\\n/g, " ").replace(/<[^>]*>/g, " ")))
    about.set(pkg, a)
  }
  const out = new Map<string, AppStreamFacts>()
  for (const [pkg, w] of words) out.set(pkg, { words: [...new Set(w)], desktops: desktops.get(pkg) ?? new Set(), about: [...new Set(about.get(pkg) ?? [])], languages: languages.get(pkg) ?? 0 })
  return out
}

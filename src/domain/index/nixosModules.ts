/**
 * What NixOS says a package is: for each module with an `enable` option (services.nginx, programs.wireshark,
 * services.xserver.windowManager.i3), the package it runs and the words of its enable option ("Nginx Web
 * Server") and of its module's folders (services/web-servers). Pure: the caller reads the options JSON
 * (the shape of the NixOS manual's options.json: option name -> { description, default, declarations }).
 */
import { foldersWords } from "./categoryWords.js"
import type { IndexRecord } from "./IndexRecord.js"
import { docText, firstDeclaration, type NixosOptions } from "./nixosOptionsJson.js"
import { lastSegment, stem, textWords } from "./text.js"

/** What a package is, from its NixOS module: the words to index, and whether it runs as a system service. */
export interface ModuleFacts {
  readonly words: ReadonlyArray<string>
  readonly service: boolean
}

/** "apache-kafka", "apacheKafka", "apache_kafka" -> "apachekafka" */
const squash = (s: string) => s.toLowerCase().replace(/[-_]/g, "")

/** The words a module adds, beyond the package's own name: "Whether to enable Nginx Web Server." -> web, server. */
const enableWords = (description: string | undefined, own: ReadonlySet<string>): Array<string> =>
  description === undefined ? [] : textWords(description.replace(/<[^>]*>/g, " ").replace(/^\s*whether to (?:enable|run|start|use)\b/i, ""))
    .filter((w) => !own.has(w))

/** Words that every system service gets: people ask for "an ssh server", "a backup daemon". */
const SERVICE_WORDS = ["service", "daemon", "server"]

/** Module facts per attribute path of `records`. Modules whose package cannot be told are left out. */
export const moduleFacts = (options: NixosOptions, records: ReadonlyArray<IndexRecord>): Map<string, ModuleFacts> => {
  const out = new Map<string, { words: Set<string>; service: boolean }>()
  const byAttr = new Map<string, string>()
  const bySquashed = new Map<string, string>()
  const byName = new Map<string, string>()
  const byPname = new Map<string, string>()
  for (const r of records) {
    if (r.attrPath.includes(".")) continue
    byAttr.set(r.attrPath, r.attrPath)
    if (!bySquashed.has(squash(r.attrPath))) bySquashed.set(squash(r.attrPath), r.attrPath)
    if (!byName.has(r.name)) byName.set(r.name, r.attrPath)
    if (!byPname.has(r.pname.toLowerCase())) byPname.set(r.pname.toLowerCase(), r.attrPath)
  }
  for (const [name, opt] of Object.entries(options)) {
    const m = /^((?:services|programs|hardware)\.(?:[^.]+\.)*([^.]+))\.enable$/.exec(name)
    const path = m?.[1]
    const mod = m?.[2]
    if (path === undefined || mod === undefined) continue
    const pkgDefault = docText(options[`${path}.package`]?.default)
    const fromDefault = pkgDefault === undefined ? undefined
      : /^pkgs\.([A-Za-z0-9_-]+)$/.exec(pkgDefault.trim())?.[1] ?? /^<derivation (.+)>$/.exec(pkgDefault.trim())?.[1]
    const attrPath = (fromDefault !== undefined ? byAttr.get(fromDefault) ?? byName.get(fromDefault) : undefined) ??
      byAttr.get(mod) ?? bySquashed.get(squash(mod)) ?? byPname.get(mod.toLowerCase())
    if (attrPath === undefined) continue
    const own = new Set([stem(mod.toLowerCase()), stem(lastSegment(attrPath).toLowerCase())])
    const dirs = firstDeclaration(opt).split("/").slice(0, -1).filter((d) => d !== mod)
    const service = path.startsWith("services.") && !path.startsWith("services.xserver.")
    const entry = out.get(attrPath) ?? { words: new Set<string>(), service: false }
    for (const w of [...enableWords(docText(opt.description), own), ...foldersWords(dirs), ...(service ? SERVICE_WORDS : [])]) {
      entry.words.add(w)
    }
    out.set(attrPath, { words: entry.words, service: entry.service || service })
  }
  return new Map([...out].map(([k, v]) => [k, { words: [...v.words], service: v.service }]))
}

/**
 * Corpus files: tab-separated `text`, `intent` (alternatives with '|'), `expect`, and in our own corpus
 * an optional `flags` column. See the header of ../corpus/nl-own.tsv for the format.
 */
import * as fs from "node:fs"
import { actsWithoutAsking, CONFIDENCE_THRESHOLD } from "../../src/domain/parse/parseRequest.js"
import { isMutating, type Understood } from "../../src/domain/Intent.js"

export interface Row {
  readonly line: number
  readonly text: string
  readonly intents: ReadonlyArray<string>
  readonly expect: string
  readonly flags: ReadonlySet<string>
}

export const readCorpus = (file: string): ReadonlyArray<Row> =>
  fs.readFileSync(file, "utf8").split("\n").flatMap((l, i) => {
    if (l.trim() === "" || l.startsWith("#")) return []
    const [text, intent, expect, flags] = l.split("\t")
    if (text === undefined || intent === undefined || expect === undefined) throw new Error(`${file}:${i + 1}: needs 3 columns: ${l}`)
    return [{
      line: i + 1, text, intents: intent.split("|"), expect: expect.trim(),
      flags: new Set((flags ?? "").split(",").map((f) => f.trim()).filter((f) => f !== ""))
    }]
  })

const flagValue = (flags: ReadonlySet<string>, key: string): string | undefined => {
  for (const f of flags) if (f.startsWith(`${key}:`)) return f.slice(key.length + 1)
  return undefined
}

/**
 * Why the packages or query of an understood request do not match an `expect` column ('none', '-',
 * 'q:words', or package slots), or undefined when they do.
 */
export const expectMismatch = (expect: string, u: Understood, opts: { readonly plurals?: boolean } = {}): string | undefined => {
  const i = u.intent as unknown as Record<string, unknown> & { _tag: string }
  const packages = Array.isArray(i["packages"]) ? (i["packages"] as ReadonlyArray<string>) : []
  const query = typeof i["query"] === "string" ? (i["query"] as string) : ""
  if (expect === "none" && packages.length > 0) return `packages ${packages.join(",")}, expected none`
  if (expect.startsWith("q:")) {
    const words = expect.slice(2).trim().split(/\s+/)
    // (real requests: an option path or "a/b" names its parts too: "hardware.nvidia.package" names nvidia)
    // (and a dotted name as a whole: `q:home.packages` is named by "home.packages")
    const have = opts.plurals === true ? [...query.toLowerCase().split(/[\s./]+/), ...query.toLowerCase().split(/[\s/]+/)] : query.toLowerCase().split(/\s+/)
    // plurals: "flakes" is as good as "flake" (real requests are labelled with the word as written)
    const same = (a: string, b: string) => a === b || (opts.plurals === true && (a === `${b}s` || b === `${a}s`))
    const missing = words.filter((w) => !have.some((h) => same(h, w.toLowerCase())))
    if (missing.length > 0) return `query "${query}" lacks ${missing.join(", ")}`
  } else if (expect !== "-" && expect !== "none") {
    const slots = expect.split(",").map((s) => s.trim().split("|"))
    if (packages.length !== slots.length) return `packages [${packages.join(", ")}], expected ${expect}`
    for (const alts of slots) {
      if (!packages.some((p) => alts.includes(p))) return `packages [${packages.join(", ")}] lack ${alts.join("|")}`
    }
  }
  return undefined
}

/** Why an understood request does not match its row, or undefined when it does. */
export const mismatch = (row: Row, u: Understood): string | undefined => {
  const i = u.intent as unknown as Record<string, unknown> & { _tag: string }
  if (!row.intents.includes(i._tag)) return `intent ${i._tag}, expected ${row.intents.join("|")}`
  const e = expectMismatch(row.expect, u)
  if (e !== undefined) return e
  const f = row.flags
  if (f.has("system") && u.scope !== "system") return `scope ${u.scope ?? "none"}, expected system`
  if (f.has("user") && u.scope !== undefined) return `scope ${u.scope}, expected none`
  if (f.has("category") && u.category === undefined) return "no category, expected one"
  if (f.has("nocategory") && u.category !== undefined) return `category "${u.category}", expected none`
  const mode = flagValue(f, "mode")
  if (mode !== undefined && i["mode"] !== mode) return `mode ${String(i["mode"])}, expected ${mode}`
  const gen = flagValue(f, "gen")
  if (gen !== undefined && i["generation"] !== Number(gen)) return `generation ${String(i["generation"])}, expected ${gen}`
  const back = flagValue(f, "back")
  if (back !== undefined && (i["steps"] !== Number(back) || i["generation"] !== undefined)) {
    return `steps ${String(i["steps"])} (generation ${String(i["generation"])}), expected ${back} steps back`
  }
  const keep = flagValue(f, "keep")
  if (keep !== undefined && i["keep"] !== Number(keep)) return `keep ${String(i["keep"])}, expected ${keep}`
  const cmd = flagValue(f, "cmd")
  if (cmd !== undefined && i["command"] !== cmd) return `command ${String(i["command"])}, expected ${cmd}`
  const fix = flagValue(f, "fix")
  if (fix !== undefined && !u.corrections.some((c) => `${c.from}>${c.to}` === fix)) {
    return `corrections ${JSON.stringify(u.corrections)}, expected ${fix}`
  }
  if (f.has("nofix") && u.corrections.length > 0) return `corrections ${JSON.stringify(u.corrections)}, expected none`
  if (f.has("question") && u.question !== true) return "not marked as a question, expected one (the plan as the answer)"
  if (!f.has("question") && u.question === true) return "marked as a question, expected an order"
  if (f.has("lowconf") && actsWithoutAsking(u.confidence)) return `confidence ${u.confidence}, expected at most ${CONFIDENCE_THRESHOLD}`
  if (!f.has("lowconf") && isMutating(u.intent) && u.question !== true && !actsWithoutAsking(u.confidence)) {
    return `confidence ${u.confidence} is not above ${CONFIDENCE_THRESHOLD} for a plain request`
  }
  const note = flagValue(f, "note")
  if (note !== undefined && !u.notes.some((n) => n.toLowerCase().includes(note.toLowerCase()))) return `notes ${JSON.stringify(u.notes)} lack "${note}"`
  return undefined
}

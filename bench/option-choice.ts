/**
 * Which option the real configure requests end up setting (issue 13): for every `dev` line of
 * test/corpus/real that expects a configure with `opt:` names, the option resolveSetting chooses, two ways:
 * - parsed: the parser's configure reading (its words, as the handler hands them to resolveSetting; an
 *   option path the person wrote is taken as written), what ask-nix really does;
 * - whole text: the request as written straight into resolveSetting (test/options/realCorpusOptions.test.ts).
 * Counted: the option meant chosen first, among the choices of an "ambiguous" answer, no option found,
 * another option chosen. Lines are printed for dev only (held and unseen are never tuned to: counts only).
 *   node bench/bundled.mjs bench/option-choice.ts                  counts, dev
 *   node bench/bundled.mjs bench/option-choice.ts --lines          and every dev line whose option is not chosen first
 *   node bench/bundled.mjs bench/option-choice.ts --split=held     counts of held lines (or --split=unseen)
 */
import { findName } from "../src/domain/options/OptionsTable.js"
import { configureWords, type Resolution, resolveSetting } from "../src/domain/options/resolveSetting.js"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames } from "../test/parser/channelNames.js"
import { readAllReal, readReal } from "../test/parser/realCorpus.js"
import * as path from "node:path"
import { realOptions } from "../test/support/optionsData.js"

const names = await channelNames()
const tables = { nixos: realOptions("nixos"), home: realOptions("home") }
const split = process.argv.find((a) => a.startsWith("--split="))?.slice("--split=".length) ?? "dev"
const all = split === "unseen" ? readReal(path.resolve(process.cwd(), "test/corpus/real/unseen.tsv")) : readAllReal().filter((r) => r.split === split)
const rows = all.filter((r) => r.intents.includes("configure") && r.expect.startsWith("opt:"))
const showLines = split === "dev" && process.argv.includes("--lines")

type Outcome = "chosen" | "asked" | "none" | "other"
const outcome = (r: Resolution, is: (name: string) => boolean): Outcome =>
  r.ok ? (r.settings.some((s) => is(s.option)) ? "chosen" : "other")
    : r.reason === "ambiguous" ? (r.choices.some(is) ? "asked" : "other")
    : r.reason === "no-option" ? "none"
    : is(r.option) ? "chosen" : "other"
const said = (r: Resolution): string =>
  r.ok ? r.settings.map((s) => s.option).join(", ") : r.reason === "ambiguous" ? `ambiguous: ${r.choices.slice(0, 3).join(", ")}` : r.reason === "no-option" ? "no option" : `${r.reason}: ${r.option}`

const counts = { parsed: { chosen: 0, asked: 0, none: 0, other: 0, notConfigure: 0 }, text: { chosen: 0, asked: 0, none: 0, other: 0 } }
const t0 = performance.now()
let resolveMs = 0
for (const row of rows) {
  const wanted = row.expect.slice(4).split(";").map((s) => s.split("=")[0]!)
  const is = (name: string) => wanted.some((w) => name === w || name.startsWith(`${w}.`))
  // the scope the option lives in (a line's scope column is often "-"): what the person's own target would be
  const inHome = wanted.every((w) => findName(tables.nixos, w) < 0 && findName(tables.home, w) >= 0)
  const table = row.scope === "home" || inHome ? tables.home : tables.nixos
  const u = parseRequest(row.text, { names })
  let parsedSays = `not configure (${u.intent._tag})`
  let o1: Outcome | "notConfigure" = "notConfigure"
  if (u.intent._tag === "configure") {
    const i = u.intent
    const words = configureWords({ text: i.text, action: i.action ?? "set", value: i.value })
    const t = performance.now()
    const r: Resolution = i.option !== undefined
      ? (is(i.option) ? { ok: true, settings: [{ option: i.option, type: "", value: { type: "bool", value: true } }], alternatives: [] } : { ok: false, reason: "no-option", words: i.option })
      : resolveSetting(table, words)
    resolveMs += performance.now() - t
    o1 = outcome(r, is)
    parsedSays = `"${i.option ?? words}" -> ${o1}: ${said(r)}`
  }
  counts.parsed[o1]++
  const whole = resolveSetting(table, row.text)
  const o2 = outcome(whole, is)
  counts.text[o2]++
  if (showLines && o1 !== "chosen") {
    console.log(`${row.file}:${row.line} ${row.text}\n    want ${wanted.join(" | ")}; parsed ${parsedSays}; whole text -> ${o2}: ${said(whole)}`)
  }
}
const p = counts.parsed
console.log(`${split} configure lines with opt: ${rows.length}`)
console.log(`  parsed:     chosen ${p.chosen}, asked among choices ${p.asked}, no option ${p.none}, another option ${p.other}, not read as configure ${p.notConfigure}`)
const w = counts.text
console.log(`  whole text: chosen ${w.chosen}, asked among choices ${w.asked}, no option ${w.none}, another option ${w.other}`)
console.log(`  (${(performance.now() - t0).toFixed(0)} ms in all; resolveSetting on parsed words ${resolveMs.toFixed(0)} ms)`)

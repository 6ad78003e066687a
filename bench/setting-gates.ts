/**
 * What a gate on setting orders would cost and save (issue 13): each candidate shape of a text, when a
 * configure reading would be carried out, asks first instead (marked as a question). Printed per split, as
 * differences from today's parse: do/ask/info lines right (an order asked first is wrong) and must-not-act
 * lines not carried out. Choose on dev only; held and unseen are counts.
 *   node bench/bundled.mjs bench/setting-gates.ts                  every candidate
 *   node bench/bundled.mjs bench/setting-gates.ts --only=a,b       some of them
 *   node bench/bundled.mjs bench/setting-gates.ts --dev-lines      and the dev lines each one would ask first
 * The gates kept are in src/domain/parse/settingAskedFirst.ts (already in today's parse); these are the
 * wider ones that were measured and left out, and what was tried next to them.
 */
import { isCarriedOut, type Understood } from "../src/domain/Intent.js"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames } from "../test/parser/channelNames.js"
import { readAllReal, readReal, type RealRow, scoreReal } from "../test/parser/realCorpus.js"
import * as path from "node:path"

const names = await channelNames()
const rows = readAllReal()
const sets: Record<string, ReadonlyArray<RealRow>> = {
  dev: rows.filter((r) => r.split === "dev"),
  held: rows.filter((r) => r.split === "held"),
  unseen: readReal(path.resolve(process.cwd(), "test/corpus/real/unseen.tsv"))
}

/** An issue or commit title's prefix: "feat(host): ", "modules/darwin/common: ", "[READY] - ", ":wrench: ". */
const PREFIX = /^\s*(?:\[[^\]]{1,40}\]\s*-?\s*|:[a-z0-9_+-]{1,30}:\s*|[A-Za-z][\w./@ -]{0,40}(?:\([^)\s]{0,40}\))?!?:\s+(?=\S))+/i
const COMMIT = /^\s*(?:feat|fix|chore|refactor|docs|build|ci|perf|style|test|feature|cve|revert)(?:\([^)]*\))?!?:\s/i
const THIRD_PERSON = /^(?:adds|enables|sets|uses|makes|configures|disables|switches|changes|installs|removes|runs|turns|allows)\b/i
/** An order's verb first, after polite words or a stated want. */
const VERB_FIRST = /^(?:please |pls |plz |kindly |(?:i )?(?:want|need|would like|'d like) to |let'?s |go |now )?(?:enable|disable|set|setup|set up|add|use|switch|change|configure|turn|make|install|remove|drop|rm|run|allow|activate|deactivate|start|get|fix|re-enable|keep|limit|restrict|create|mount|replace|integrate|standardize|manage|retry|explicitly|fully|i need|i would|dissable)\b/i
const untitled = (t: string) => t.replace(PREFIX, "")

const candidates: Record<string, (t: string) => boolean> = {
  commitPrefix: (t) => COMMIT.test(t),
  anyTitlePrefix: (t) => PREFIX.test(t),
  thirdPerson: (t) => THIRD_PERSON.test(untitled(t)),
  noVerbFirst: (t) => !VERB_FIRST.test(untitled(t)),
  pastTenseFirst: (t) => /^(?:enabled|disabled|added|switched|configured|removed|changed|made|turned|used|installed|moved|replaced|dropped)\b/i.test(untitled(t)),
  gerundFirst: (t) => /^\w+ing\b/i.test(untitled(t)),
  severalSentences: (t) => /[.!?]\s+\S/.test(t.trim()),
  over12Words: (t) => t.split(/\s+/).length > 12,
  // a plain imperative only: every shape above at once
  plainImperativeOnly: (t) => PREFIX.test(t) || !VERB_FIRST.test(untitled(t)) || THIRD_PERSON.test(untitled(t)) ||
    t.split(/\s+/).length > 12 || /[.!?]\s+\S/.test(t.trim()),
  // words rather than shapes, for comparison
  automatically: (t) => /\bautomatically\b/i.test(t),
  features: (t) => /\bfeatures?\b/i.test(t),
  support: (t) => /\bsupport\b/i.test(t),
  defaultWord: (t) => /\bdefaults?\b/i.test(t)
}

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",")
const gated = (gate: (t: string) => boolean) => (t: string): Understood => {
  const u = parseRequest(t, { names })
  return u.intent._tag === "configure" && isCarriedOut(u) && gate(t) ? { ...u, question: true } : u
}
const today = Object.fromEntries(Object.entries(sets).map(([split, these]) => {
  const s = scoreReal(these, (t) => parseRequest(t, { names }), names)
  return [split, s]
}))
console.log(Object.entries(today).map(([split, s]) => `${split}: right ${s.actingRight}/${s.acting}, none not carried out ${s.noneNonMutating}/${s.none}`).join(" | "))
const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`)
for (const [name, gate] of Object.entries(candidates)) {
  if (only !== undefined && !only.includes(name)) continue
  const out = Object.entries(sets).map(([split, these]) => {
    const s = scoreReal(these, gated(gate), names)
    return `${split} right ${signed(s.actingRight - today[split]!.actingRight)} none ${signed(s.noneNonMutating - today[split]!.noneNonMutating)}`
  })
  console.log(`${name.padEnd(20)} ${out.join(" | ")}`)
  if (!process.argv.includes("--dev-lines")) continue
  for (const r of sets["dev"]!) {
    const u = parseRequest(r.text, { names })
    if (u.intent._tag === "configure" && isCarriedOut(u) && gate(r.text)) console.log(`    [${r.mode}] ${r.text}`)
  }
}

/**
 * Pure checks shared by the registry generator (build time) and the loader (start time):
 * is a default export a well-formed plugin, and do two plugins claim the same id, phrase or command?
 */
import { Effect } from "effect"
import { reservedCommands } from "../commandNames.js"

const NAME = /^[a-z][a-z0-9-]*$/


/** The form the parser matches: lower case, single spaces, no trailing punctuation. */
export const normalizePattern = (p: string): string =>
  p.toLowerCase().replace(/\s+/g, " ").trim().replace(/[?!.,;:]+$/, "").trim()

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null
const isPosition = (p: unknown): boolean =>
  p === "first" || p === "last" ||
  (isRecord(p) && (typeof p["before"] === "string" || typeof p["after"] === "string"))

/** Problems with one default export; empty = a well-formed plugin. */
export const problemsOf = (value: unknown): ReadonlyArray<string> => {
  if (!isRecord(value)) return ["its default export is not a plugin (use `export default definePlugin({...})`)"]
  const problems: Array<string> = []
  const id = value["id"]
  if (typeof id !== "string" || !NAME.test(id)) problems.push(`id must be lower-case letters, digits and dashes (got ${JSON.stringify(id)})`)
  if (typeof value["description"] !== "string" || value["description"].trim() === "") problems.push("description is missing")
  const handlers = value["handlers"] ?? {}
  if (!isRecord(handlers)) problems.push("handlers must be an object of kind -> function")
  else for (const [k, h] of Object.entries(handlers)) if (typeof h !== "function") problems.push(`handler "${k}" is not a function`)
  const rules = value["rules"] ?? []
  if (!Array.isArray(rules)) problems.push("rules must be an array")
  else rules.forEach((r: unknown, i) => {
    if (!isRecord(r) || typeof r["kind"] !== "string" || r["kind"] === "") return void problems.push(`rule ${i} has no kind`)
    const kind = r["kind"]
    const patterns = r["patterns"]
    if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((p) => typeof p !== "string" || normalizePattern(p) === ""))
      problems.push(`rule "${kind}" needs a non-empty list of patterns`)
    if (r["plugin"] !== undefined && r["plugin"] !== id) problems.push(`rule "${kind}" names another plugin (${String(r["plugin"])})`)
    if (isRecord(handlers) && typeof handlers[kind] !== "function") problems.push(`rule "${kind}" has no handler (add handlers["${kind}"])`)
  })
  const backends = value["backends"] ?? []
  if (!Array.isArray(backends)) problems.push("backends must be an array")
  else backends.forEach((b: unknown, i) => {
    if (!isRecord(b) || !isPosition(b["position"])) problems.push(`backend ${i} needs a position ("first", "last", {before} or {after})`)
    else if (!Effect.isEffect(b["make"])) problems.push(`backend ${i}: make must be an Effect that builds a Backend`)
  })
  const commands = value["commands"] ?? []
  if (!Array.isArray(commands)) problems.push("commands must be an array")
  else commands.forEach((c: unknown, i) => {
    if (!isRecord(c) || typeof c["name"] !== "string" || !NAME.test(c["name"])) return void problems.push(`command ${i} needs a lower-case name`)
    if (typeof c["run"] !== "function") problems.push(`command "${c["name"]}" has no run function`)
    if (typeof c["description"] !== "string") problems.push(`command "${c["name"]}" has no description`)
  })
  if (value["onExecuted"] !== undefined && typeof value["onExecuted"] !== "function") problems.push("onExecuted must be a function")
  return problems
}

/** What the conflict check reads of a plugin definition (src/services/Plugin.ts has the whole contract). */
export interface PluginClaims {
  readonly id: string
  readonly rules?: ReadonlyArray<{ readonly patterns: ReadonlyArray<string> }> | undefined
  readonly commands?: ReadonlyArray<{ readonly name: string }> | undefined
}

export interface Candidate<D extends PluginClaims = PluginClaims> {
  /** Where it lives, e.g. "src/plugins/doctor/index.ts". */
  readonly source: string
  readonly definition: D
}

export interface Conflict {
  /** The plugin that loses (the later one in source order); it is left out. */
  readonly source: string
  readonly plugin: string
  readonly detail: string
}

/** Id, phrase and command clashes. Candidates are taken in order: the first claim wins. */
export const findConflicts = (candidates: ReadonlyArray<Candidate>): ReadonlyArray<Conflict> => {
  const ids = new Map<string, string>()
  const phrases = new Map<string, string>()
  const commands = new Map<string, string>(reservedCommands.map((c) => [c, "ask-nix itself"]))
  const conflicts: Array<Conflict> = []
  for (const { source, definition: d } of candidates) {
    const clash = (detail: string) => conflicts.push({ source, plugin: d.id, detail })
    const before = conflicts.length
    const owner = ids.get(d.id)
    if (owner !== undefined) clash(`plugin id "${d.id}" is already claimed by ${owner}`)
    const mine = new Set<string>()
    for (const rule of d.rules ?? []) for (const p of rule.patterns.map(normalizePattern)) {
      const other = phrases.get(p)
      if (other !== undefined && !mine.has(p)) clash(`phrase "${p}" is already claimed by ${other}`)
      mine.add(p)
    }
    const cmds = (d.commands ?? []).map((c) => c.name)
    for (const c of cmds) {
      const other = commands.get(c)
      if (other !== undefined) clash(`command "${c}" is already claimed by ${other}`)
    }
    if (conflicts.length > before) continue
    ids.set(d.id, source)
    for (const p of mine) phrases.set(p, `${source} (plugin "${d.id}")`)
    for (const c of cmds) commands.set(c, `${source} (plugin "${d.id}")`)
  }
  return conflicts
}

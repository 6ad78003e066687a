/**
 * How options read for people (`ask-nix option QUERY`) and in `--json`: name, type, default,
 * description, and the value the configuration gives it when that was evaluated.
 */
import type { OptionRecord, OptionScope } from "./OptionRecord.js"

/** An evaluated value (JSON from `nix-instantiate --eval --json`) written the way Nix writes it. */
export const showValue = (v: unknown, depth = 0): string => {
  if (v === null) return "null"
  if (typeof v === "string") return JSON.stringify(v)
  if (typeof v === "number" || typeof v === "boolean") return String(v)
  if (Array.isArray(v)) {
    if (v.length === 0) return "[ ]"
    const items = v.slice(0, 12).map((x) => showValue(x, depth + 1))
    return `[ ${items.join(" ")}${v.length > 12 ? ` …(${v.length - 12} more)` : ""} ]`
  }
  if (typeof v === "object") {
    if ("__drv" in v && typeof v.__drv === "string") return `<package ${v.__drv}>`
    const entries = Object.entries(v)
    if (entries.length === 0) return "{ }"
    if (depth > 1) return `{ … ${entries.length} attributes }`
    return `{ ${entries.slice(0, 8).map(([k, x]) => `${k} = ${showValue(x, depth + 1)};`).join(" ")}${entries.length > 8 ? " …" : ""} }`
  }
  return String(v)
}

/** An option description's first sentence, on one line, cut to `max` characters. */
export const firstSentence = (text: string, max = 160): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  const m = /^(.+?[.!?])(\s|$)/.exec(flat)
  const s = m ? m[1]! : flat
  return s.length > max ? `${s.slice(0, max - 3)}…` : s
}

export interface ShownOption {
  readonly record: OptionRecord
  /** The configuration's value, when it was evaluated. */
  readonly current?: { readonly value: unknown } | undefined
}

const scopeName = (scope: OptionScope) => (scope === "nixos" ? "NixOS" : "home-manager")

/** One option in full. */
export const optionLines = (o: ShownOption, scope: OptionScope): ReadonlyArray<string> => {
  const r = o.record
  const lines = [
    `${r.name} (${scopeName(scope)} option${r.readOnly ? ", read-only" : ""})`,
    `  type:    ${r.type}`,
    `  default: ${r.default === null ? "(none)" : r.default.trim().replace(/\n\s*/g, " ")}`
  ]
  if (o.current !== undefined) lines.push(`  current: ${showValue(o.current.value)}`)
  if (r.example !== null) lines.push(`  example: ${r.example.trim().replace(/\n\s*/g, " ")}`)
  if (r.keyOf !== undefined) lines.push(`  (a setting inside ${r.keyOf}, named in its example; NixOS does not check it)`)
  lines.push("", ...r.description.split("\n").map((l) => `  ${l}`))
  if (r.declarations.length > 0) lines.push("", `  declared in ${r.declarations.join(", ")}`)
  return lines
}

/** A ranked list of options, one entry of two lines each. */
export const optionListLines = (query: string, scope: OptionScope, options: ReadonlyArray<ShownOption>): ReadonlyArray<string> => {
  if (options.length === 0) return [`No ${scopeName(scope)} option matches "${query}".`]
  return [
    `${scopeName(scope)} options for "${query}":`,
    ...options.flatMap((o) => [
      `  ${o.record.name}  (${o.record.type}${o.record.default !== null && o.record.default.length < 30 ? `, default ${o.record.default.trim()}` : ""}` +
        `${o.current !== undefined ? `, now ${showValue(o.current.value)}` : ""})`,
      `      ${firstSentence(o.record.description) || "(no description)"}`
    ]),
    "Show one in full: ask-nix option NAME"
  ]
}

/** The `options` array of `--json`. */
export const optionJson = (o: ShownOption): Readonly<Record<string, unknown>> => ({
  name: o.record.name,
  type: o.record.type,
  default: o.record.default,
  example: o.record.example,
  description: o.record.description,
  readOnly: o.record.readOnly,
  declarations: o.record.declarations,
  ...(o.record.keyOf !== undefined ? { keyOf: o.record.keyOf } : {}),
  ...(o.current !== undefined ? { current: o.current.value } : {})
})

/**
 * Option types as the module system describes them (`boolean`, `null or string`, `one of "yes", "no"`,
 * `16 bit unsigned integer; between 0 and 65535 (both inclusive)`, `list of strings`), and whether a
 * value typed by a person fits one: "set the time zone to 42" is refused, 42 being a number and
 * time.timeZone "null or string without spaces".
 */
import { type NixValue, nixBool, nixInt, nixString } from "../nixfile/nixValue.js"
import { ownEntry } from "../ownEntry.js"

export type OptionType =
  | { readonly kind: "bool" }
  | { readonly kind: "int"; readonly min?: number; readonly max?: number }
  | { readonly kind: "float" }
  | { readonly kind: "string"; readonly noSpaces?: boolean; readonly nonEmpty?: boolean }
  | { readonly kind: "path" }
  | { readonly kind: "enum"; readonly values: ReadonlyArray<string | number | boolean> }
  | { readonly kind: "nullable"; readonly inner: OptionType }
  | { readonly kind: "either"; readonly options: ReadonlyArray<OptionType> }
  | { readonly kind: "list"; readonly of: OptionType }
  /** Packages, submodules, attribute sets, functions: not something typed as a word. */
  | { readonly kind: "other"; readonly text: string }

const intRange = /between (-?\d+) and (-?\d+) \(both inclusive\)/

/** Splits at " or " outside quotes and parentheses. */
const splitOr = (s: string): ReadonlyArray<string> => {
  const parts: Array<string> = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === "\"" && s[i - 1] !== "\\") quoted = !quoted
    else if (!quoted && c === "(") depth++
    else if (!quoted && c === ")") depth--
    else if (!quoted && depth === 0 && s.startsWith(" or ", i)) {
      parts.push(s.slice(start, i))
      start = i + 4
      i += 3
    }
  }
  parts.push(s.slice(start))
  return parts
}

const singular = (s: string): string => (s.endsWith("ss") ? s.slice(0, -1) : s.endsWith("s") ? s.slice(0, -1) : s)

export const parseOptionType = (text: string): OptionType => {
  const t = text.trim()
  if (t.startsWith("null or ")) return { kind: "nullable", inner: parseOptionType(t.slice(8)) }
  if (t.startsWith("one of ")) {
    const values: Array<string | number | boolean> = []
    for (const m of t.slice(7).matchAll(/"((?:[^"\\]|\\.)*)"|(-?\d+)|\b(true|false)\b/g)) {
      values.push(m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : m[3] === "true")
    }
    return { kind: "enum", values }
  }
  if (t.startsWith("list of ")) return { kind: "list", of: parseOptionType(singular(t.slice(8))) }
  const alternatives = splitOr(t)
  if (alternatives.length > 1) return { kind: "either", options: alternatives.map(parseOptionType) }
  if (t === "boolean") return { kind: "bool" }
  if (/integer/.test(t)) {
    const range = intRange.exec(t)
    if (range) return { kind: "int", min: Number(range[1]), max: Number(range[2]) }
    if (/meaning >=0/.test(t) || /^unsigned/.test(t)) return { kind: "int", min: 0 }
    if (/meaning >0/.test(t) || /^positive/.test(t)) return { kind: "int", min: 1 }
    return { kind: "int" }
  }
  if (/^float/.test(t)) return { kind: "float" }
  if (t === "path") return { kind: "path" }
  if (/^string/.test(t) || /^strings concatenated with/.test(t)) {
    return { kind: "string", ...(/without spaces/.test(t) ? { noSpaces: true } : {}), ...(/non-empty|pattern \.\+/.test(t) ? { nonEmpty: true } : {}) }
  }
  return { kind: "other", text: t }
}

export type Coerced = { readonly ok: true; readonly value: NixValue } | { readonly ok: false; readonly reason: string }

const trueWords = new Set(["true", "yes", "on", "enable", "enabled", "1"])
const falseWords = new Set(["false", "no", "off", "disable", "disabled", "0"])
const numberWords: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100
}

const unquote = (raw: string): string | undefined => {
  const m = /^"(.*)"$|^'(.*)'$/.exec(raw.trim())
  return m ? (m[1] ?? m[2]) : undefined
}

const fail = (reason: string): Coerced => ({ ok: false, reason })

/** What a person wrote as a value, checked against the type and written as a Nix value. */
export const coerceValue = (type: OptionType, raw: string): Coerced => {
  const text = raw.trim()
  const quoted = unquote(text)
  switch (type.kind) {
    case "bool": {
      const w = text.toLowerCase()
      if (trueWords.has(w)) return { ok: true, value: nixBool(true) }
      if (falseWords.has(w)) return { ok: true, value: nixBool(false) }
      return fail("it takes true or false")
    }
    case "int": {
      const n = /^-?\d+$/.test(text) ? Number(text) : ownEntry(numberWords, text.toLowerCase())
      if (n === undefined) return fail("it takes a whole number")
      if (type.min !== undefined && n < type.min) return fail(`it takes a number of at least ${type.min}`)
      if (type.max !== undefined && n > type.max) return fail(`it takes a number of at most ${type.max}`)
      return { ok: true, value: nixInt(n) }
    }
    case "float": {
      const n = Number(text)
      return Number.isFinite(n) && text !== "" ? { ok: true, value: { type: "float", value: n } } : fail("it takes a number")
    }
    case "string": {
      const s = quoted ?? text
      if (quoted === undefined && /^-?\d+(\.\d+)?$/.test(text)) return fail(`${text} is a number, and it takes text`)
      if (quoted === undefined && /^(true|false)$/i.test(text)) return fail(`${text} is a yes/no value, and it takes text`)
      if (type.noSpaces && /\s/.test(s)) return fail("it takes text without spaces")
      if (type.nonEmpty && s === "") return fail("it takes text that is not empty")
      return { ok: true, value: nixString(s) }
    }
    case "path": {
      const s = quoted ?? text
      return s.startsWith("/") ? { ok: true, value: nixString(s) } : fail("it takes an absolute path (starting with /)")
    }
    case "enum": {
      const s = quoted ?? text
      const hit = type.values.find((v) => String(v) === s) ?? type.values.find((v) => String(v).toLowerCase() === s.toLowerCase())
      if (hit === undefined) return fail(`it takes one of ${type.values.map((v) => JSON.stringify(v)).join(", ")}`)
      return { ok: true, value: typeof hit === "string" ? nixString(hit) : typeof hit === "number" ? nixInt(hit) : nixBool(hit) }
    }
    case "nullable":
      return text === "null" ? { ok: true, value: { type: "null" } } : coerceValue(type.inner, raw)
    case "either": {
      const reasons: Array<string> = []
      for (const option of type.options) {
        const r = coerceValue(option, raw)
        if (r.ok) return r
        reasons.push(r.reason)
      }
      return fail(reasons.join("; "))
    }
    case "list": {
      const items = (quoted ?? text).split(/\s*,\s*|\s+and\s+|\s+/).filter((i) => i !== "")
      const values: Array<NixValue> = []
      for (const item of items) {
        const r = coerceValue(type.of, item)
        if (!r.ok) return fail(`${item}: ${r.reason}`)
        values.push(r.value)
      }
      return { ok: true, value: { type: "list", items: values } }
    }
    case "other":
      return fail(`ask-nix cannot write a ${type.text} from words; edit the file for this one`)
  }
}

/** Does the type take this kind of value at all (for choosing among options)? */
export const acceptsKind = (type: OptionType, kind: NixValue["type"]): boolean => {
  switch (type.kind) {
    case "bool": return kind === "bool"
    case "int": return kind === "int"
    case "float": return kind === "float" || kind === "int"
    case "string": case "path": return kind === "string"
    case "enum": return type.values.some((v) => (typeof v === "string" ? kind === "string" : typeof v === "number" ? kind === "int" : kind === "bool"))
    case "nullable": return kind === "null" || acceptsKind(type.inner, kind)
    case "either": return type.options.some((o) => acceptsKind(o, kind))
    case "list": return kind === "list"
    case "other": return false
  }
}

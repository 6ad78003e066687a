/**
 * Values ask-nix writes into configuration files, how they are written in Nix, and reading a literal
 * already in a file back (to tell "already set" from "changed").
 */
import { isToken, type Node } from "./syntax.js"

export type NixValue =
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "int"; readonly value: number }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "null" }
  | { readonly type: "list"; readonly items: ReadonlyArray<NixValue> }

export const nixBool = (value: boolean): NixValue => ({ type: "bool", value })
export const nixString = (value: string): NixValue => ({ type: "string", value })
export const nixInt = (value: number): NixValue => ({ type: "int", value })

/** A "…" string literal: backslash, quote, `${` and control characters escaped. */
export const quoteNixString = (s: string): string =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\$\{/g, "\\${").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`

export const renderNixValue = (v: NixValue): string => {
  switch (v.type) {
    case "bool": return v.value ? "true" : "false"
    case "int": return String(v.value)
    case "float": return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value)
    case "string": return quoteNixString(v.value)
    case "null": return "null"
    case "list": return v.items.length === 0 ? "[ ]" : `[ ${v.items.map(renderNixValue).join(" ")} ]`
  }
}

/** The value as JSON (what `nix-instantiate --eval --json` prints for it). */
export const nixValueToJson = (v: NixValue): unknown => {
  switch (v.type) {
    case "bool": case "int": case "float": case "string": return v.value
    case "null": return null
    case "list": return v.items.map(nixValueToJson)
  }
}

export const sameNixValue = (a: NixValue, b: NixValue): boolean => renderNixValue(a) === renderNixValue(b)

const unescapeString = (parts: string): string =>
  parts.replace(/\\(.)/gs, (_, c: string) => (c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : c))

/** The value of a literal expression (true, 3, "text" without interpolation, null, lists of those); else undefined. */
export const readLiteral = (node: Node): NixValue | undefined => {
  switch (node.kind) {
    case "Paren": {
      const inner = node.children[1]
      return inner !== undefined && inner.type === "node" ? readLiteral(inner) : undefined
    }
    case "Ident": {
      const t = node.children[0]
      const text = isToken(t) ? t.text : ""
      return text === "true" ? nixBool(true) : text === "false" ? nixBool(false) : text === "null" ? { type: "null" } : undefined
    }
    case "Literal": {
      const t = node.children[0]
      if (!isToken(t)) return undefined
      if (t.kind === "int") return nixInt(Number(t.text))
      if (t.kind === "float") return { type: "float", value: Number(t.text) }
      return undefined
    }
    case "String": {
      const [open, ...rest] = node.children
      if (!isToken(open) || open.kind !== "strOpen") return undefined
      const body = rest.slice(0, -1)
      if (!body.every((c) => isToken(c) && c.kind === "strPart")) return undefined
      return nixString(unescapeString(body.map((c) => (isToken(c) ? c.text : "")).join("")))
    }
    case "List": {
      const items: Array<NixValue> = []
      for (const c of node.children.slice(1, -1)) {
        if (c.type !== "node") return undefined
        const v = readLiteral(c)
        if (v === undefined) return undefined
        items.push(v)
      }
      return { type: "list", items }
    }
    default:
      return undefined
  }
}

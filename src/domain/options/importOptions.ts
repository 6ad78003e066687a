/**
 * Options data -> records. Reads the format of ../shared/data/*-options-2020.json (values already Nix
 * text) and NixOS's own options.json (`share/doc/nixos/options.json`: values as JSON or
 * `{ _type: "literalExpression", text }`, descriptions maybe `{ _type: "mdDoc", text }`).
 *
 * Keys of free-form settings sets are added from their option's example when they are plain flags or
 * values: `nixpkgs.config`'s example `{ allowBroken = true; allowUnfree = true; }` gives
 * `nixpkgs.config.allowUnfree` (boolean), which NixOS declares nowhere as an option of its own.
 */
import { attrPathNames, bindingPathNode, bindingsOf, unparen } from "../nixfile/attrs.js"
import { quoteNixString, readLiteral } from "../nixfile/nixValue.js"
import { parseNix } from "../nixfile/parseNix.js"
import type { Node } from "../nixfile/syntax.js"
import { declarationPath, docText } from "../index/nixosOptionsJson.js"
import { docbookToText } from "./docbook.js"
import type { OptionRecord } from "./OptionRecord.js"

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** A JSON value as Nix text (options.json stores plain defaults as JSON). */
const jsonToNix = (v: unknown): string => {
  if (v === null) return "null"
  if (typeof v === "string") return quoteNixString(v)
  if (typeof v === "number" || typeof v === "boolean") return String(v)
  if (Array.isArray(v)) return v.length === 0 ? "[ ]" : `[ ${v.map(jsonToNix).join(" ")} ]`
  if (isObject(v)) {
    const keys = Object.keys(v)
    return keys.length === 0 ? "{ }" : `{ ${keys.map((k) => `${/^[a-zA-Z_][a-zA-Z0-9_'-]*$/.test(k) ? k : quoteNixString(k)} = ${jsonToNix(v[k])};`).join(" ")} }`
  }
  return String(v)
}

/** Our data files: already text (or null). options.json: literal texts or JSON values. */
const valueText = (v: unknown, textual: boolean): string | null => {
  if (v === undefined) return null
  if (isObject(v) && typeof v["_type"] === "string" && typeof v["text"] === "string") return v["text"]
  if (textual) return typeof v === "string" ? v : v === null ? null : jsonToNix(v)
  return jsonToNix(v)
}

const descriptionText = (v: unknown): string => docbookToText(docText(v) ?? "")

/** Settings sets whose keys are settings (not names people choose, like users or aliases). */
const freeformTypes = new Set(["nixpkgs config", "attribute set", "attribute set of unspecifieds"])

const keysFromExample = (r: OptionRecord, known: ReadonlySet<string>): ReadonlyArray<OptionRecord> => {
  if (!freeformTypes.has(r.type) || r.example === null || r.name.includes("<")) return []
  const parsed = parseNix(r.example)
  if (!parsed.ok) return []
  const set = unparen(parsed.root.children[0] as Node)
  if (set.kind !== "AttrSet") return []
  return bindingsOf(set).flatMap((b) => {
    if (b.kind !== "Binding") return []
    const names = attrPathNames(bindingPathNode(b))
    const value = readLiteral(b.children[2] as Node)
    if (names === undefined || names.length !== 1 || !/^[a-z][a-zA-Z0-9]*$/.test(names[0]!) || value === undefined) return []
    const type = value.type === "bool" ? "boolean" : value.type === "int" ? "signed integer" : value.type === "string" ? "string" : undefined
    const name = `${r.name}.${names[0]}`
    if (type === undefined || known.has(name)) return []
    return [{
      name,
      type,
      default: null,
      example: null,
      description: `A setting inside ${r.name}, named in its example. ${r.description}`,
      readOnly: false,
      declarations: r.declarations,
      keyOf: r.name
    }]
  })
}

/**
 * The option a deprecated one points to ("Whether to enable touchpad support. Deprecated: Consider
 * services.xserver.libinput.enable."): found in its place, as an alias is.
 */
const replacedBy = (description: string): string | undefined =>
  /\b(?:deprecated|obsolete)\b[:;,.]?\s*(?:please\s+)?(?:consider|use|set)\s+(?:the\s+)?([a-z][\w-]*(?:\.[\w-]+)+)/i.exec(description)?.[1]

/** Records of an options file (either format); unreadable entries are skipped and counted. */
export const importOptions = (json: unknown): { readonly records: ReadonlyArray<OptionRecord>; readonly skipped: number } => {
  if (!isObject(json)) return { records: [], skipped: 0 }
  const records: Array<OptionRecord> = []
  let skipped = 0
  for (const [name, raw] of Object.entries(json)) {
    if (!isObject(raw) || typeof raw["type"] !== "string" && raw["type"] !== null) {
      skipped++
      continue
    }
    const textual = !("loc" in raw)
    const description = descriptionText(raw["description"])
    const alias = /^Alias of ([\w.<>?*'-]+?)\.?$/.exec(description)?.[1]
    records.push({
      name,
      type: typeof raw["type"] === "string" ? raw["type"] : "unspecified",
      default: valueText(raw["default"], textual),
      example: valueText(raw["example"], textual),
      description,
      ...(alias !== undefined ? { aliasOf: alias } : {}),
      readOnly: raw["readOnly"] === true,
      declarations: Array.isArray(raw["declarations"])
        ? raw["declarations"].map(declarationPath).filter((d) => d !== "")
        : []
    })
  }
  const known = new Set(records.map((r) => r.name))
  const current = records.map((r) => {
    if (r.aliasOf !== undefined) return r
    const by = replacedBy(r.description)
    return by !== undefined && known.has(by) && by !== r.name ? { ...r, aliasOf: by } : r
  })
  return { records: [...current, ...records.flatMap((r) => keysFromExample(r, known))], skipped }
}

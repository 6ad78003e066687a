/**
 * The NixOS options JSON (the manual's options.json, or nixos-options-*.json): option name -> what the manual
 * says of it. Only the fields the index and search read; the rest is kept as it comes.
 */
import { Schema } from "effect"

/** Text as the manual writes it: a string, or `{ _type: "mdDoc" | "literalExpression", text }`. */
const DocText = Schema.Union(Schema.String, Schema.Struct({ text: Schema.String }))

export const NixosOption = Schema.Struct({
  description: Schema.optional(Schema.NullOr(DocText)),
  type: Schema.optional(Schema.NullOr(Schema.String)),
  /** Rendered text, `{ _type, text }`, or (older manuals) a JSON value. */
  default: Schema.optional(Schema.Unknown),
  /** Files that declare it: paths, or `{ name, url }` in newer manuals. */
  declarations: Schema.optional(Schema.Array(Schema.Unknown))
})
export type NixosOption = typeof NixosOption.Type

export const NixosOptions = Schema.Record({ key: Schema.String, value: NixosOption })
export type NixosOptions = typeof NixosOptions.Type

/** A description or default as text: the string, or the text of the `{ _type, text }` form; else undefined. */
export const docText = (u: unknown): string | undefined => {
  if (typeof u === "string") return u
  if (typeof u === "object" && u !== null && "text" in u && typeof u.text === "string") return u.text
  return undefined
}

/** A declaring file as a path: a string, or the `name` of `{ name, url }` (newer manuals); else "". */
export const declarationPath = (d: unknown): string => {
  if (typeof d === "string") return d
  if (typeof d === "object" && d !== null && "name" in d && typeof d.name === "string") return d.name
  return ""
}

/** The first declaring file, as a path ("nixos/modules/services/web-servers/nginx/default.nix"), or "". */
export const firstDeclaration = (o: NixosOption): string => declarationPath(o.declarations?.[0])

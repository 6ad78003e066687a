/**
 * A parser for the subset of the Nix language that Nix itself writes when it prints a value
 * (nix-env's manifest.nix): strings, numbers, booleans, null, lists and attribute sets.
 * Anything else (functions, `«repeated»`, `<LAMBDA>`, interpolation, paths) is an error, never a guess.
 */
import { Either } from "effect"

export type NixValue =
  | string
  | number
  | boolean
  | null
  | ReadonlyArray<NixValue>
  | { readonly [key: string]: NixValue }

class Unexpected extends Error {}

const isSpace = (c: string) => c === " " || c === "\n" || c === "\t" || c === "\r"
const isIdStart = (c: string) => /[A-Za-z_]/.test(c)
const isId = (c: string) => /[A-Za-z0-9_'-]/.test(c)

class Cursor {
  i = 0
  constructor(readonly s: string) {}
  skip(): void {
    for (;;) {
      while (this.i < this.s.length && isSpace(this.s[this.i]!)) this.i++
      if (this.s[this.i] === "#") {
        while (this.i < this.s.length && this.s[this.i] !== "\n") this.i++
      } else if (this.s.startsWith("/*", this.i)) {
        const end = this.s.indexOf("*/", this.i + 2)
        if (end < 0) this.fail("unterminated comment")
        this.i = end + 2
      } else return
    }
  }
  peek(): string {
    this.skip()
    return this.s[this.i] ?? ""
  }
  expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}"`)
    this.i++
  }
  fail(what: string): never {
    const near = this.s.slice(this.i, this.i + 20).replace(/\s+/g, " ")
    throw new Unexpected(`${what} at offset ${this.i} (near "${near}")`)
  }
}

const parseString = (c: Cursor): string => {
  c.expect('"')
  let out = ""
  for (;;) {
    const ch = c.s[c.i]
    if (ch === undefined) c.fail("unterminated string")
    c.i++
    if (ch === '"') return out
    if (ch === "\\") {
      const e = c.s[c.i++]
      if (e === undefined) c.fail("unterminated string")
      out += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e
    } else if (ch === "$" && c.s[c.i] === "{") {
      c.fail("string interpolation is not data")
    } else out += ch
  }
}

const parseIdent = (c: Cursor): string => {
  c.skip()
  const start = c.i
  if (!isIdStart(c.s[c.i] ?? "")) c.fail("expected a name")
  while (c.i < c.s.length && isId(c.s[c.i]!)) c.i++
  return c.s.slice(start, c.i)
}

const parseAttrs = (c: Cursor): Record<string, NixValue> => {
  c.expect("{")
  const out: Record<string, NixValue> = Object.create(null)
  while (c.peek() !== "}") {
    const key = c.peek() === '"' ? parseString(c) : parseIdent(c)
    if (key === "rec" || key === "inherit") c.fail(`"${key}" is not data`)
    c.expect("=")
    const v = parseValue(c)
    c.expect(";")
    if (Object.prototype.hasOwnProperty.call(out, key)) c.fail(`attribute "${key}" repeated`)
    out[key] = v
  }
  c.i++
  return out
}

const parseList = (c: Cursor): ReadonlyArray<NixValue> => {
  c.expect("[")
  const out: Array<NixValue> = []
  while (c.peek() !== "]") {
    if (c.peek() === "") c.fail("unterminated list")
    out.push(parseValue(c))
  }
  c.i++
  return out
}

const parseValue = (c: Cursor): NixValue => {
  const ch = c.peek()
  if (ch === '"') return parseString(c)
  if (ch === "{") return parseAttrs(c)
  if (ch === "[") return parseList(c)
  if (/[-0-9]/.test(ch)) {
    const m = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(c.s.slice(c.i, c.i + 40))
    if (!m || isId(c.s[c.i + m[0].length] ?? " ") || c.s[c.i + m[0].length] === "/") c.fail("not a number")
    c.i += m[0].length
    return Number(m[0])
  }
  if (isIdStart(ch)) {
    const id = parseIdent(c)
    if (id === "true") return true
    if (id === "false") return false
    if (id === "null") return null
    c.fail(`"${id}" is not data`)
  }
  return c.fail(ch === "" ? "unexpected end" : `unexpected "${ch}"`)
}

/** Parse one Nix value that is plain data; Left = why it is not. */
export const parseNixValue = (text: string): Either.Either<NixValue, string> => {
  const c = new Cursor(text)
  try {
    const v = parseValue(c)
    if (c.peek() !== "") c.fail("trailing text")
    return Either.right(v)
  } catch (e) {
    if (e instanceof Unexpected) return Either.left(e.message)
    throw e
  }
}

/**
 * Nix's lexical rules (src/libexpr/lexer.l of Nix 2.3-2.26), scanned on demand at an offset: the parser
 * asks for the next token in the mode it is in (code, "string", ''indented string'', path), because
 * `}` ends an attribute set in code and an interpolation in a string. Like flex, code mode takes the
 * longest match, and keywords win over identifiers of the same length (`a/b` is a path, `x:x` a URI).
 */
import type { TokenKind, Trivia } from "./syntax.js"

export class LexError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message)
  }
}

const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
const isDigit = (c: number) => c >= 48 && c <= 57
/** [a-zA-Z0-9._\-+] */
const isPathChar = (c: number) => isAlpha(c) || isDigit(c) || c === 46 || c === 95 || c === 45 || c === 43
/** [a-zA-Z0-9_'\-] */
const isIdChar = (c: number) => isAlpha(c) || isDigit(c) || c === 95 || c === 39 || c === 45
/** [a-zA-Z0-9%/?:@&=+$,\-_.!~*'] */
const isUriChar = (c: number) =>
  isAlpha(c) || isDigit(c) || c === 37 || c === 47 || c === 63 || c === 58 || c === 64 || c === 38 || c === 61 ||
  c === 43 || c === 36 || c === 44 || c === 45 || c === 95 || c === 46 || c === 33 || c === 126 || c === 42 || c === 39

const keywords: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ["if", "if"], ["then", "then"], ["else", "else"], ["assert", "assert"], ["with", "with"], ["let", "let"],
  ["in", "in"], ["rec", "rec"], ["inherit", "inherit"], ["or", "or"]
])

/** Whitespace and comments from `pos`; returns them and where the next token starts. */
export const scanTrivia = (src: string, pos: number): { readonly trivia: ReadonlyArray<Trivia>; readonly end: number } => {
  let trivia: Array<Trivia> | undefined
  let i = pos
  const n = src.length
  for (;;) {
    const start = i
    let c = src.charCodeAt(i)
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      do {
        i++
        c = src.charCodeAt(i)
      } while (c === 32 || c === 9 || c === 10 || c === 13)
      ;(trivia ??= []).push({ kind: "ws", text: src.slice(start, i), start })
    } else if (c === 35) { // #
      while (i < n && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++
      ;(trivia ??= []).push({ kind: "comment", text: src.slice(start, i), start })
    } else if (c === 47 && src.charCodeAt(i + 1) === 42) { // /*
      const close = src.indexOf("*/", i + 2)
      if (close < 0) throw new LexError(start, "unterminated comment")
      i = close + 2
      ;(trivia ??= []).push({ kind: "comment", text: src.slice(start, i), start })
    } else break
  }
  return { trivia: trivia ?? [], end: i }
}

/** Length of {PATH_CHAR}*(\/{PATH_CHAR}+)+\/? at pos (0 when none). */
const pathLength = (src: string, pos: number): number => {
  let i = pos
  while (isPathChar(src.charCodeAt(i))) i++
  let segments = 0
  for (;;) {
    if (src.charCodeAt(i) !== 47 || !isPathChar(src.charCodeAt(i + 1))) break
    i += 2
    while (isPathChar(src.charCodeAt(i))) i++
    segments++
  }
  if (segments === 0) {
    // {PATH_SEG}\$\{ : "./" or "a/" directly followed by an interpolation
    return src.charCodeAt(i) === 47 && src.startsWith("${", i + 1) ? i + 1 - pos : 0
  }
  if (src.charCodeAt(i) === 47) i++ // a trailing slash (Nix reports it as an error; so does the parser)
  return i - pos
}

/** \~(\/{PATH_CHAR}+)+\/? or ~/ followed by ${ */
const homePathLength = (src: string, pos: number): number => {
  if (src.charCodeAt(pos) !== 126) return 0
  const rest = pathLength(src, pos + 1)
  return rest > 0 && src.charCodeAt(pos + 1) === 47 ? rest + 1 : 0
}

/** \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\> */
const searchPathLength = (src: string, pos: number): number => {
  let i = pos + 1
  if (!isPathChar(src.charCodeAt(i))) return 0
  while (isPathChar(src.charCodeAt(i))) i++
  while (src.charCodeAt(i) === 47 && isPathChar(src.charCodeAt(i + 1))) {
    i += 2
    while (isPathChar(src.charCodeAt(i))) i++
  }
  return src.charCodeAt(i) === 62 ? i + 1 - pos : 0
}

/** [a-zA-Z][a-zA-Z0-9\+\-\.]*\:{URI_CHAR}+ */
const uriLength = (src: string, pos: number): number => {
  if (!isAlpha(src.charCodeAt(pos))) return 0
  let i = pos + 1
  for (;;) {
    const c = src.charCodeAt(i)
    if (isAlpha(c) || isDigit(c) || c === 43 || c === 45 || c === 46) i++
    else break
  }
  if (src.charCodeAt(i) !== 58) return 0
  i++
  const body = i
  while (isUriChar(src.charCodeAt(i))) i++
  return i > body ? i - pos : 0
}

const idLength = (src: string, pos: number): number => {
  const c = src.charCodeAt(pos)
  if (!isAlpha(c) && c !== 95) return 0
  let i = pos + 1
  while (isIdChar(src.charCodeAt(i))) i++
  return i - pos
}

const digitsFrom = (src: string, pos: number): number => {
  let i = pos
  while (isDigit(src.charCodeAt(i))) i++
  return i
}

/** INT [0-9]+ and FLOAT (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)? */
const numberAt = (src: string, pos: number): { readonly kind: "int" | "float"; readonly length: number } | undefined => {
  const c = src.charCodeAt(pos)
  let floatEnd = 0
  if (c >= 49 && c <= 57) {
    const intEnd = digitsFrom(src, pos)
    if (src.charCodeAt(intEnd) === 46) floatEnd = digitsFrom(src, intEnd + 1)
  } else if (c === 48 && src.charCodeAt(pos + 1) === 46 && isDigit(src.charCodeAt(pos + 2))) {
    floatEnd = digitsFrom(src, pos + 2)
  } else if (c === 46 && isDigit(src.charCodeAt(pos + 1))) {
    floatEnd = digitsFrom(src, pos + 1)
  }
  if (floatEnd > 0) {
    const e = src.charCodeAt(floatEnd)
    if (e === 69 || e === 101) {
      let j = floatEnd + 1
      const s = src.charCodeAt(j)
      if (s === 43 || s === 45) j++
      if (isDigit(src.charCodeAt(j))) floatEnd = digitsFrom(src, j)
    }
  }
  const intLen = isDigit(c) ? digitsFrom(src, pos) - pos : 0
  const floatLen = floatEnd > 0 ? floatEnd - pos : 0
  if (floatLen > intLen) return { kind: "float", length: floatLen }
  return intLen > 0 ? { kind: "int", length: intLen } : undefined
}

const twoCharOps: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ["++", "++"], ["//", "//"], ["==", "=="], ["!=", "!="], ["<=", "<="], [">=", ">="], ["&&", "&&"], ["||", "||"],
  ["->", "->"], ["|>", "|>"], ["<|", "<|"], ["${", "interpOpen"], ["''", "indOpen"]
])
const oneCharOps = "{}[]();:=,@.?+-*/<>!\""
const oneCharKinds: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>(
  [...oneCharOps].map((ch) => [ch, ch === "\"" ? "strOpen" : (ch as TokenKind)])
)

export interface Scanned {
  readonly kind: TokenKind
  readonly end: number
}

/** The token of code mode starting at `pos` (after trivia). */
export const scanCode = (src: string, pos: number): Scanned => {
  if (pos >= src.length) return { kind: "eof", end: pos }
  // Longest match among the regular-expression tokens, as flex does.
  let best: TokenKind | undefined
  let bestLen = 0
  const take = (kind: TokenKind, len: number) => {
    if (len > bestLen) {
      best = kind
      bestLen = len
    }
  }
  const c = src.charCodeAt(pos)
  const id = idLength(src, pos)
  if (id > 0) {
    const kw = keywords.get(src.slice(pos, pos + id))
    take(kw ?? "id", id)
  }
  const num = numberAt(src, pos)
  if (num !== undefined) take(num.kind, num.length)
  if (isPathChar(c) || c === 47) take("path", pathLength(src, pos))
  if (c === 126) take("hpath", homePathLength(src, pos))
  if (c === 60) take("spath", searchPathLength(src, pos))
  take("uri", uriLength(src, pos))
  if (src.startsWith("...", pos)) take("...", 3)
  const two = twoCharOps.get(src.slice(pos, pos + 2))
  if (two !== undefined) take(two, 2)
  const one = oneCharKinds.get(src[pos]!)
  if (one !== undefined) take(one, 1)
  if (best === undefined) throw new LexError(pos, `unexpected character ${JSON.stringify(src[pos])}`)
  return { kind: best, end: pos + bestLen }
}

/**
 * Inside "…" (from just after the quote or an interpolation's `}`): a run of text, `${`, or the
 * closing quote. Escapes (`\x`) and a `$` not followed by `{` are text, as Nix's lexer has them.
 */
export const scanStringPart = (src: string, pos: number): Scanned => {
  const n = src.length
  if (pos >= n) throw new LexError(pos, "unterminated string")
  const c = src.charCodeAt(pos)
  if (c === 34) return { kind: "strClose", end: pos + 1 }
  if (c === 36 && src.charCodeAt(pos + 1) === 123) return { kind: "interpOpen", end: pos + 2 }
  let i = pos
  while (i < n) {
    const ch = src.charCodeAt(i)
    if (ch === 34) break
    if (ch === 92) i += 2
    else if (ch === 36) {
      const next = src.charCodeAt(i + 1)
      if (next === 123) break
      i += next === 34 ? 1 : next === 92 ? 3 : 2
    } else i++
  }
  if (i >= n) throw new LexError(pos, "unterminated string")
  return { kind: "strPart", end: i }
}

/** Inside ''…'': text (with its escapes ''$ ''' ''\x), `${`, or the closing ''. */
export const scanIndStringPart = (src: string, pos: number): Scanned => {
  const n = src.length
  if (pos >= n) throw new LexError(pos, "unterminated indented string")
  const isClose = (at: number) => {
    if (src.charCodeAt(at) !== 39 || src.charCodeAt(at + 1) !== 39) return false
    const third = src.charCodeAt(at + 2)
    return third !== 36 && third !== 39 && third !== 92
  }
  if (isClose(pos)) return { kind: "indClose", end: pos + 2 }
  if (src.charCodeAt(pos) === 36 && src.charCodeAt(pos + 1) === 123) return { kind: "interpOpen", end: pos + 2 }
  let i = pos
  while (i < n) {
    const ch = src.charCodeAt(i)
    if (ch === 39 && src.charCodeAt(i + 1) === 39) {
      if (isClose(i)) break
      const third = src.charCodeAt(i + 2)
      i += third === 92 ? 4 : 3
    } else if (ch === 36) {
      const next = src.charCodeAt(i + 1)
      if (next === 123) break
      i += next === 39 ? 1 : 2
    } else i++
  }
  if (i >= n) throw new LexError(pos, "unterminated indented string")
  return { kind: "strPart", end: i }
}

/**
 * After a path's first piece: the next piece when it is directly attached (`${`, or more path
 * characters after an interpolation), else undefined (the path ends).
 */
export const scanPathPart = (src: string, pos: number): Scanned | undefined => {
  if (src.charCodeAt(pos) === 36 && src.charCodeAt(pos + 1) === 123) return { kind: "interpOpen", end: pos + 2 }
  let i = pos
  for (;;) {
    const c = src.charCodeAt(i)
    if (isPathChar(c) || c === 47) i++
    else break
  }
  return i > pos ? { kind: "pathPart", end: i } : undefined
}

/** 1-based line and column of an offset. */
export const lineColumn = (src: string, offset: number): { readonly line: number; readonly column: number } => {
  let line = 1
  let lineStart = 0
  for (let i = src.indexOf("\n"); i >= 0 && i < offset; i = src.indexOf("\n", i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

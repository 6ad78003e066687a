/**
 * A lossless parser of the Nix language (the grammar of src/libexpr/parser.y, Nix 2.3-2.26): recursive
 * descent for the expression forms, precedence climbing for the operators, with the same precedences
 * and associativity as Nix's yacc grammar. It keeps every byte (see syntax.ts) and stops at the first
 * syntax error with its line and column. It checks syntax only: duplicate attributes, unbound
 * variables and the like are left to Nix itself (`nix-instantiate --parse` runs before any write).
 */
import { LexError, lineColumn, scanCode, scanIndStringPart, scanPathPart, scanStringPart, scanTrivia } from "./lexer.js"
import { type Element, makeNode, type Node, type NodeKind, noTrivia, type Token, type TokenKind, type Trivia } from "./syntax.js"

export interface NixSyntaxError {
  readonly message: string
  readonly offset: number
  /** 1-based */
  readonly line: number
  readonly column: number
}

export type ParseResult =
  | { readonly ok: true; readonly root: Node }
  | { readonly ok: false; readonly error: NixSyntaxError }

interface Peeked {
  readonly kind: TokenKind
  readonly start: number
  readonly end: number
  readonly leading: ReadonlyArray<Trivia>
}

class ParseFail extends Error {
  constructor(readonly offset: number, message: string) {
    super(message)
  }
}

type Assoc = "left" | "right" | "none"
/** Binary operators: precedence (higher binds tighter) and associativity, as in Nix's parser.y. */
const binary: Partial<Record<TokenKind, { readonly prec: number; readonly assoc: Assoc }>> = {
  "|>": { prec: 0, assoc: "left" },
  "<|": { prec: 0, assoc: "right" },
  "->": { prec: 1, assoc: "right" },
  "||": { prec: 2, assoc: "left" },
  "&&": { prec: 3, assoc: "left" },
  "==": { prec: 4, assoc: "none" },
  "!=": { prec: 4, assoc: "none" },
  "<": { prec: 5, assoc: "none" },
  ">": { prec: 5, assoc: "none" },
  "<=": { prec: 5, assoc: "none" },
  ">=": { prec: 5, assoc: "none" },
  "//": { prec: 6, assoc: "right" },
  "+": { prec: 8, assoc: "left" },
  "-": { prec: 8, assoc: "left" },
  "*": { prec: 9, assoc: "left" },
  "/": { prec: 9, assoc: "left" },
  "++": { prec: 10, assoc: "right" },
  "?": { prec: 11, assoc: "none" }
}
/** `!e` takes in operators tighter than NOT (between // and +); `-e` only application and select. */
const notOperandPrec = 8
const negateOperandPrec = 13

const startsSimple: ReadonlySet<TokenKind> = new Set<TokenKind>([
  "id", "int", "float", "uri", "spath", "hpath", "path", "strOpen", "indOpen", "(", "[", "{", "rec"
])

const describe = (p: Peeked, src: string): string =>
  p.kind === "eof" ? "end of file" : `'${src.slice(p.start, Math.min(p.end, p.start + 40))}'`

class Parser {
  private pos = 0
  private cached: Peeked | undefined

  constructor(private readonly src: string) {}

  private lexAt(pos: number): Peeked {
    const { trivia, end } = scanTrivia(this.src, pos)
    const t = scanCode(this.src, end)
    return { kind: t.kind, start: end, end: t.end, leading: trivia }
  }

  peek(): Peeked {
    if (this.cached === undefined) this.cached = this.lexAt(this.pos)
    return this.cached
  }

  private peekAfter(p: Peeked): Peeked {
    return this.lexAt(p.end)
  }

  private bump(): Token {
    const p = this.peek()
    this.cached = undefined
    this.pos = p.end
    return { type: "token", kind: p.kind, text: this.src.slice(p.start, p.end), start: p.start, end: p.end, leading: p.leading }
  }

  /** A token of string or path mode (no trivia before it). */
  private raw(kind: TokenKind, end: number): Token {
    const start = this.pos
    this.cached = undefined
    this.pos = end
    return { type: "token", kind, text: this.src.slice(start, end), start, end, leading: noTrivia }
  }

  private fail(p: Peeked, expecting?: string): never {
    throw new ParseFail(p.start, `syntax error, unexpected ${describe(p, this.src)}${expecting ? `, expecting ${expecting}` : ""}`)
  }

  private expect(kind: TokenKind, what: string = `'${kind}'`): Token {
    const p = this.peek()
    if (p.kind !== kind) this.fail(p, what)
    return this.bump()
  }

  private node(kind: NodeKind, children: ReadonlyArray<Element>): Node {
    return makeNode(kind, children)
  }

  root(): Node {
    const body = this.expr()
    const eof = this.peek()
    if (eof.kind !== "eof") this.fail(eof, "end of file")
    return this.node("Root", [body, this.bump()])
  }

  expr(): Node {
    const t = this.peek()
    switch (t.kind) {
      case "id": {
        const next = this.peekAfter(t)
        if (next.kind === ":") {
          const param = this.node("Ident", [this.bump()])
          return this.node("Lambda", [param, this.bump(), this.expr()])
        }
        if (next.kind === "@") {
          const name = this.node("Ident", [this.bump()])
          const at = this.bump()
          const pattern = this.node("Pattern", [name, at, this.formals()])
          return this.node("Lambda", [pattern, this.expect(":"), this.expr()])
        }
        break
      }
      case "{": {
        if (!this.looksLikeFormals(t)) break
        const formals = this.formals()
        const param = this.peek().kind === "@"
          ? this.node("Pattern", [formals, this.bump(), this.node("Ident", [this.expect("id", "an identifier")])])
          : formals
        return this.node("Lambda", [param, this.expect(":"), this.expr()])
      }
      case "assert":
        return this.node("Assert", [this.bump(), this.expr(), this.expect(";"), this.expr()])
      case "with":
        return this.node("With", [this.bump(), this.expr(), this.expect(";"), this.expr()])
      case "let": {
        if (this.peekAfter(t).kind === "{") break
        const children: Array<Element> = [this.bump()]
        this.bindings("in", children)
        children.push(this.expect("in"), this.expr())
        return this.node("LetIn", children)
      }
      case "if":
        return this.node("If", [
          this.bump(), this.expr(), this.expect("then"), this.expr(), this.expect("else"), this.expr()
        ])
      default:
        break
    }
    return this.operators(0)
  }

  /** After `{`: `{ }:`, `{ }@`, `{ ...`, `{ a,`, `{ a ?`, `{ a }` start a function's formals. */
  private looksLikeFormals(open: Peeked): boolean {
    const a = this.peekAfter(open)
    if (a.kind === "...") return true
    if (a.kind === "}") {
      const b = this.peekAfter(a)
      return b.kind === ":" || b.kind === "@"
    }
    if (a.kind !== "id") return false
    const b = this.peekAfter(a)
    return b.kind === "," || b.kind === "?" || b.kind === "}"
  }

  private formals(): Node {
    const children: Array<Element> = [this.expect("{")]
    for (;;) {
      const t = this.peek()
      if (t.kind === "}") break
      if (t.kind === "...") {
        children.push(this.bump())
        break
      }
      if (t.kind !== "id") this.fail(t, "a function argument")
      const name = this.node("Ident", [this.bump()])
      children.push(this.peek().kind === "?" ? this.node("Formal", [name, this.bump(), this.expr()]) : this.node("Formal", [name]))
      if (this.peek().kind !== ",") break
      children.push(this.bump())
    }
    children.push(this.expect("}"))
    return this.node("Formals", children)
  }

  private operators(minPrec: number): Node {
    let lhs: Node
    const t = this.peek()
    if (t.kind === "!") {
      const op = this.bump()
      lhs = this.node("Unary", [op, this.operators(notOperandPrec)])
    } else if (t.kind === "-") {
      const op = this.bump()
      lhs = this.node("Unary", [op, this.operators(negateOperandPrec)])
    } else lhs = this.application()
    for (;;) {
      const p = this.peek()
      const info = binary[p.kind]
      if (info === undefined || info.prec < minPrec) return lhs
      const op = this.bump()
      if (p.kind === "?") lhs = this.node("HasAttr", [lhs, op, this.attrPath()])
      else lhs = this.node("BinOp", [lhs, op, this.operators(info.assoc === "right" ? info.prec : info.prec + 1)])
      if (info.assoc === "none") {
        const next = this.peek()
        if (binary[next.kind]?.prec === info.prec) this.fail(next)
      }
    }
  }

  private application(): Node {
    let fn = this.select()
    for (;;) {
      const t = this.peek()
      if (!startsSimple.has(t.kind) && !(t.kind === "let" && this.peekAfter(t).kind === "{")) return fn
      fn = this.node("Apply", [fn, this.select()])
    }
  }

  private select(): Node {
    const base = this.simple()
    const t = this.peek()
    if (t.kind === ".") {
      const dot = this.bump()
      const path = this.attrPath()
      if (this.peek().kind === "or") {
        const or = this.bump()
        return this.node("Select", [base, dot, path, or, this.select()])
      }
      return this.node("Select", [base, dot, path])
    }
    // `f or`: nixpkgs once had a function called `or`; Nix still reads this as applying f to it.
    if (t.kind === "or") return this.node("Apply", [base, this.node("Ident", [this.bump()])])
    return base
  }

  private simple(): Node {
    const t = this.peek()
    switch (t.kind) {
      case "id":
        return this.node("Ident", [this.bump()])
      case "int": case "float": case "uri": case "spath":
        return this.node("Literal", [this.bump()])
      case "path": case "hpath":
        return this.path()
      case "strOpen":
        return this.string(false)
      case "indOpen":
        return this.string(true)
      case "(":
        return this.node("Paren", [this.bump(), this.expr(), this.expect(")")])
      case "[": {
        const children: Array<Element> = [this.bump()]
        while (this.peek().kind !== "]") {
          if (!startsSimple.has(this.peek().kind) && this.peek().kind !== "let") this.fail(this.peek(), "']'")
          children.push(this.select())
        }
        children.push(this.bump())
        return this.node("List", children)
      }
      case "{":
        return this.braced("AttrSet", [])
      case "rec":
        return this.braced("AttrSet", [this.bump()])
      case "let":
        return this.braced("LegacyLet", [this.bump()])
      default:
        return this.fail(t)
    }
  }

  /** `{ bindings }` after the tokens already taken (`rec`, the old `let`). */
  private braced(kind: NodeKind, before: ReadonlyArray<Element>): Node {
    const children: Array<Element> = [...before, this.expect("{")]
    this.bindings("}", children)
    children.push(this.expect("}"))
    return this.node(kind, children)
  }

  private path(): Node {
    const head = this.bump()
    const parts: Array<Element> = [head]
    for (;;) {
      const next = scanPathPart(this.src, this.pos)
      if (next === undefined) break
      if (next.kind === "interpOpen") {
        const open = this.raw("interpOpen", next.end)
        parts.push(this.node("Interp", [open, this.expr(), this.expect("}")]))
      } else parts.push(this.raw("pathPart", next.end))
    }
    const last = parts[parts.length - 1]!
    if (last.type === "token" && last.text.endsWith("/")) throw new ParseFail(last.start, "path has a trailing slash")
    return parts.length === 1 ? this.node("Literal", parts) : this.node("Path", parts)
  }

  private string(indented: boolean): Node {
    const children: Array<Element> = [this.bump()]
    for (;;) {
      const part = indented ? scanIndStringPart(this.src, this.pos) : scanStringPart(this.src, this.pos)
      if (part.kind === "interpOpen") {
        const open = this.raw("interpOpen", part.end)
        children.push(this.node("Interp", [open, this.expr(), this.expect("}")]))
        continue
      }
      children.push(this.raw(part.kind, part.end))
      if (part.kind !== "strPart") return this.node("String", children)
    }
  }

  private attr(): Node {
    const t = this.peek()
    switch (t.kind) {
      case "id": case "or":
        return this.node("Ident", [this.bump()])
      case "strOpen":
        return this.string(false)
      case "interpOpen":
        return this.node("DynAttr", [this.bump(), this.expr(), this.expect("}")])
      default:
        return this.fail(t, "an attribute name")
    }
  }

  private attrPath(): Node {
    const children: Array<Element> = [this.attr()]
    while (this.peek().kind === ".") children.push(this.bump(), this.attr())
    return this.node("AttrPath", children)
  }

  private bindings(end: TokenKind, into: Array<Element>): void {
    for (;;) {
      const t = this.peek()
      if (t.kind === end) return
      if (t.kind === "eof") this.fail(t, `'${end}'`)
      if (t.kind === "inherit") {
        const children: Array<Element> = [this.bump()]
        if (this.peek().kind === "(") children.push(this.node("Paren", [this.bump(), this.expr(), this.expect(")")]))
        while (this.peek().kind !== ";") children.push(this.attr())
        children.push(this.bump())
        into.push(this.node("Inherit", children))
      } else {
        const path = this.attrPath()
        into.push(this.node("Binding", [path, this.expect("="), this.expr(), this.expect(";")]))
      }
    }
  }
}

/** Parse a whole Nix file (or expression). */
export const parseNix = (src: string): ParseResult => {
  try {
    return { ok: true, root: new Parser(src).root() }
  } catch (e) {
    if (e instanceof ParseFail || e instanceof LexError) {
      const { line, column } = lineColumn(src, e.offset)
      return { ok: false, error: { message: e.message, offset: e.offset, line, column } }
    }
    throw e
  }
}

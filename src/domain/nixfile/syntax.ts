/**
 * The concrete syntax tree of a Nix file: every byte of the file belongs to exactly one token or to the
 * trivia (whitespace, comments) in front of a token, so printing the tree gives the file back byte for
 * byte. Edits are splices of the original text at the offsets the tree gives (see edit/), never a
 * re-print, so whatever a person wrote outside the edited spot stays exactly as it was.
 */

export type TokenKind =
  | "id" | "int" | "float" | "uri" | "spath" | "hpath" | "path"
  | "pathPart" | "strOpen" | "strPart" | "strClose" | "indOpen" | "indClose" | "interpOpen"
  | "if" | "then" | "else" | "assert" | "with" | "let" | "in" | "rec" | "inherit" | "or"
  | "{" | "}" | "[" | "]" | "(" | ")" | ";" | ":" | "=" | "," | "@" | "..." | "." | "?"
  | "+" | "-" | "*" | "/" | "++" | "//" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||" | "->" | "!"
  | "|>" | "<|"
  | "eof"

export type NodeKind =
  | "Root"
  | "Lambda" // [param, ":", body]; param: Ident | Formals | Pattern
  | "Pattern" // [Ident, "@", Formals] | [Formals, "@", Ident]
  | "Formals" // ["{", (Formal | "," | "...")*, "}"]
  | "Formal" // [Ident] | [Ident, "?", expr]
  | "Assert" // ["assert", cond, ";", body]
  | "With" // ["with", env, ";", body]
  | "LetIn" // ["let", (Binding | Inherit)*, "in", body]
  | "LegacyLet" // ["let", "{", (Binding | Inherit)*, "}"]
  | "If" // ["if", cond, "then", a, "else", b]
  | "BinOp" // [lhs, op, rhs]
  | "Unary" // [op, operand]  (op is "!" or "-")
  | "HasAttr" // [expr, "?", AttrPath]
  | "Select" // [expr, ".", AttrPath] | [expr, ".", AttrPath, "or", default]
  | "Apply" // [fn, arg]
  | "Paren" // ["(", expr, ")"]
  | "List" // ["[", expr*, "]"]
  | "AttrSet" // ["rec"?, "{", (Binding | Inherit)*, "}"]
  | "Binding" // [AttrPath, "=", expr, ";"]
  | "Inherit" // ["inherit", Paren?, (Ident | String | DynAttr)*, ";"]
  | "AttrPath" // (Ident | String | DynAttr) ("." (Ident | String | DynAttr))*
  | "DynAttr" // ["interpOpen", expr, "}"]
  | "Ident" // [id | "or"]
  | "Literal" // [int | float | uri | spath | hpath | path]
  | "String" // [strOpen | indOpen, (strPart | Interp)*, strClose | indClose]
  | "Path" // [path | hpath, (pathPart | Interp)*]  (a path with ${…} in it)
  | "Interp" // ["interpOpen", expr, "}"]

export interface Trivia {
  readonly kind: "ws" | "comment"
  readonly text: string
  readonly start: number
}

export interface Token {
  readonly type: "token"
  readonly kind: TokenKind
  readonly text: string
  /** Offset of the token's first character (after its leading trivia). */
  readonly start: number
  readonly end: number
  /** Whitespace and comments between the previous token and this one. */
  readonly leading: ReadonlyArray<Trivia>
}

export interface Node {
  readonly type: "node"
  readonly kind: NodeKind
  readonly children: ReadonlyArray<Element>
  /** Offset of the node's first token (not counting that token's leading trivia). */
  readonly start: number
  readonly end: number
}

export type Element = Node | Token

export const noTrivia: ReadonlyArray<Trivia> = []

export const isNode = (e: Element | undefined): e is Node => e !== undefined && e.type === "node"
export const isToken = (e: Element | undefined): e is Token => e !== undefined && e.type === "token"

export const makeNode = (kind: NodeKind, children: ReadonlyArray<Element>): Node => {
  const first = children[0]
  const last = children[children.length - 1]
  return { type: "node", kind, children, start: first === undefined ? 0 : first.start, end: last === undefined ? 0 : last.end }
}

/** The node's children that are nodes. */
export const childNodes = (node: Node): ReadonlyArray<Node> => node.children.filter(isNode)

/** The first token of an element (where its leading trivia is). */
export const firstToken = (e: Element): Token => {
  let cur: Element = e
  while (cur.type === "node") {
    const next = cur.children[0]
    if (next === undefined) throw new Error(`empty ${cur.kind} node`)
    cur = next
  }
  return cur
}

export const lastToken = (e: Element): Token => {
  let cur: Element = e
  while (cur.type === "node") {
    const next = cur.children[cur.children.length - 1]
    if (next === undefined) throw new Error(`empty ${cur.kind} node`)
    cur = next
  }
  return cur
}

/** Every token of an element, in order. */
export const tokensOf = (e: Element, out: Array<Token> = []): Array<Token> => {
  if (e.type === "token") out.push(e)
  else for (const c of e.children) tokensOf(c, out)
  return out
}

/** The text of the tree: trivia and tokens in order. For a Root node this is the whole file. */
export const printTree = (e: Element): string => {
  const parts: Array<string> = []
  const visit = (el: Element): void => {
    if (el.type === "token") {
      for (const t of el.leading) parts.push(t.text)
      parts.push(el.text)
    } else for (const c of el.children) visit(c)
  }
  visit(e)
  return parts.join("")
}

/** Reading names, bindings and well-known wrappers out of the syntax tree. */
import { quoteNixString } from "./nixValue.js"
import { isNode, isToken, type Node } from "./syntax.js"

/** The name of an Ident node. */
export const identName = (node: Node): string | undefined => {
  const t = node.children[0]
  return node.kind === "Ident" && isToken(t) ? t.text : undefined
}

const plainString = (node: Node): string | undefined => {
  const body = node.children.slice(1, -1)
  if (!isToken(node.children[0]) || node.children[0].kind !== "strOpen") return undefined
  if (!body.every((c) => isToken(c) && c.kind === "strPart")) return undefined
  return body.map((c) => (isToken(c) ? c.text : "")).join("").replace(/\\(.)/gs, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c))
}

/** A static attribute name (`a`, `"a b"`, `${"a"}`); undefined when it is computed. */
export const attrName = (node: Node): string | undefined => {
  switch (node.kind) {
    case "Ident": return identName(node)
    case "String": return plainString(node)
    case "DynAttr": {
      const inner = node.children[1]
      return isNode(inner) && inner.kind === "String" ? plainString(inner) : undefined
    }
    default: return undefined
  }
}

/** The names of an AttrPath node; undefined when one of them is computed. */
export const attrPathNames = (path: Node): ReadonlyArray<string> | undefined => {
  const names: Array<string> = []
  for (const c of path.children) {
    if (!isNode(c)) continue
    const n = attrName(c)
    if (n === undefined) return undefined
    names.push(n)
  }
  return names
}

const identRe = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/
const reserved = new Set(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"])

/** An attribute name as written in an attribute path: bare when it can be, else quoted. */
export const renderAttrName = (name: string): string =>
  identRe.test(name) && !reserved.has(name) ? name : quoteNixString(name)

export const renderAttrPath = (names: ReadonlyArray<string>): string => names.map(renderAttrName).join(".")

/** Bindings (Binding and Inherit nodes) of an AttrSet, LetIn or LegacyLet node. */
export const bindingsOf = (node: Node): ReadonlyArray<Node> =>
  node.children.filter((c): c is Node => isNode(c) && (c.kind === "Binding" || c.kind === "Inherit"))

export const bindingPathNode = (binding: Node): Node => binding.children[0] as Node
export const bindingValue = (binding: Node): Node => binding.children[2] as Node

export const unparen = (node: Node): Node => {
  let cur = node
  while (cur.kind === "Paren" && isNode(cur.children[1])) cur = cur.children[1]
  return cur
}

/** `a.b.c` (an Ident or a Select without `or`, all names static) as its names. */
export const dottedName = (node: Node): ReadonlyArray<string> | undefined => {
  const n = unparen(node)
  if (n.kind === "Ident") {
    const name = identName(n)
    return name === undefined ? undefined : [name]
  }
  if (n.kind === "Select" && n.children.length === 3 && isNode(n.children[0]) && isNode(n.children[2])) {
    const base = dottedName(n.children[0])
    const rest = attrPathNames(n.children[2])
    return base === undefined || rest === undefined ? undefined : [...base, ...rest]
  }
  return undefined
}

export type WrapperName = "mkIf" | "mkForce" | "mkDefault" | "mkOverride" | "mkBefore" | "mkAfter" | "mkOrder" | "mkMerge"

export interface Wrapper {
  readonly name: WrapperName
  /** The whole wrapped expression (`mkForce x`). */
  readonly node: Node
  /** What it wraps (`x`). */
  readonly inner: Node
}

const wrapperArity: Readonly<Record<WrapperName, number>> = {
  mkIf: 2, mkForce: 1, mkDefault: 1, mkOverride: 2, mkBefore: 1, mkAfter: 1, mkOrder: 2, mkMerge: 1
}

/** `mkIf c x`, `lib.mkForce x`, … : the module system's wrappers around a definition. */
export const wrapperOf = (node: Node): Wrapper | undefined => {
  const n = unparen(node)
  const args: Array<Node> = []
  let fn: Node = n
  while (fn.kind === "Apply" && isNode(fn.children[0]) && isNode(fn.children[1])) {
    args.unshift(fn.children[1])
    fn = unparen(fn.children[0])
  }
  const name = dottedName(fn)
  const last = name?.[name.length - 1]
  if (last === undefined || !(last in wrapperArity) || (name!.length > 1 && name![0] !== "lib")) return undefined
  const wrapper = last as WrapperName
  if (args.length !== wrapperArity[wrapper]) return undefined
  return { name: wrapper, node: n, inner: args[args.length - 1]! }
}

/** Peels wrappers off a definition (keeping them, outermost first), except mkMerge. */
export const unwrapDefinition = (node: Node): { readonly wrappers: ReadonlyArray<Wrapper>; readonly value: Node } => {
  const wrappers: Array<Wrapper> = []
  let cur = unparen(node)
  for (;;) {
    const w = wrapperOf(cur)
    if (w === undefined || w.name === "mkMerge") return { wrappers, value: cur }
    wrappers.push(w)
    cur = unparen(w.inner)
  }
}

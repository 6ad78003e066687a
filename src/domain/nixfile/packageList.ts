/**
 * Package lists as people write them: `with pkgs; [ firefox git ]`, `[ pkgs.firefox ]`, lists joined
 * with `++`, lists bound in a `let`, `lib.optionals cond [ … ]` (conditional: read, never added to).
 * Adding keeps the list's layout (one a line or inline, alphabetical when it is), removing takes the
 * element's line when it had one to itself.
 */
import { dottedName, identName, renderAttrName, unparen, unwrapDefinition } from "./attrs.js"
import {
  indentOfLine, indentUnit, lineEndOf, lineStartOf, newlineOf, restOfLineIsTrivia, sameLine, type Splice, startsLine
} from "./layout.js"
import { enter, resolveLet, type Scope, withPkgs } from "./scope.js"
import { isNode, type Node } from "./syntax.js"

export interface ListSite {
  readonly list: Node
  readonly scope: Scope
  /** Inside `optional`/`optionals`: only there when a condition holds. */
  readonly conditional: boolean
}

export interface PackageLists {
  readonly lists: ReadonlyArray<ListSite>
  /** Parts of the value ask-nix cannot see into (`import ./pkgs.nix`, `config.x`). */
  readonly opaque: ReadonlyArray<Node>
}

/** The lists an option's value is made of. */
export const packageLists = (value: Node, scope: Scope): PackageLists => {
  const lists: Array<ListSite> = []
  const opaque: Array<Node> = []
  const seenLets = new Set<Node>()
  const visit = (expr: Node, sc: Scope, conditional: boolean): void => {
    const entered = enter(unwrapDefinition(expr).value, sc)
    const node = entered.node
    const s = entered.scope
    if (node.kind === "List") {
      lists.push({ list: node, scope: s, conditional })
      return
    }
    if (node.kind === "BinOp" && !isNode(node.children[1]) && node.children[1]!.kind === "++") {
      visit(node.children[0] as Node, s, conditional)
      visit(node.children[2] as Node, s, conditional)
      return
    }
    if (node.kind === "Ident") {
      const bound = resolveLet(s, identName(node) ?? "")
      if (bound !== undefined && !seenLets.has(bound.value)) {
        seenLets.add(bound.value)
        visit(bound.value, bound.scope, conditional)
        return
      }
    }
    if (node.kind === "Apply") {
      const fn = unparen(node.children[0] as Node)
      const name = fn.kind === "Apply" ? dottedName(fn.children[0] as Node) : undefined
      const last = name?.[name.length - 1]
      if (last === "optionals" || last === "optional") {
        const arg = unparen(node.children[1] as Node)
        if (last === "optionals") visit(arg, s, true)
        else opaque.push(arg)
        return
      }
    }
    opaque.push(node)
  }
  visit(value, scope, false)
  return { lists, opaque }
}

/** The package an element names (`firefox` under `with pkgs;`, `pkgs.firefox`), as its attribute path. */
export const elementPackage = (element: Node, scope: Scope): ReadonlyArray<string> | undefined => {
  const names = dottedName(element)
  if (names === undefined) return undefined
  if (names[0] === "pkgs" && names.length > 1) return names.slice(1)
  if (withPkgs(scope) && resolveLet(scope, names[0]!) === undefined) return names
  return undefined
}

export const listElements = (list: Node): ReadonlyArray<Node> => list.children.filter(isNode)

const identRe = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/

/** How a new element is written in this list: bare under `with pkgs;` unless the list says `pkgs.x`. */
export const renderElement = (site: ListSite, path: ReadonlyArray<string>): string => {
  const elements = listElements(site.list).map((e) => dottedName(e))
  const qualified = elements.filter((n) => n?.[0] === "pkgs").length
  const bare = elements.length - qualified
  const useBare = withPkgs(site.scope) && (bare >= qualified || elements.length === 0) && identRe.test(path[0]!)
  return useBare ? path.map(renderAttrName).join(".") : ["pkgs", ...path].map(renderAttrName).join(".")
}

const sortKey = (site: ListSite, el: Node): string | undefined => elementPackage(el, site.scope)?.join(".").toLowerCase()

/** Adds one element to a list, where the list's own order and layout put it. */
export const addToList = (text: string, site: ListSite, path: ReadonlyArray<string>): Splice => {
  const list = site.list
  const elementText = renderElement(site, path)
  const open = list.children[0]!
  const close = list.children[list.children.length - 1]!
  const elements = listElements(list)
  const multiLine = !sameLine(text, open.start, close.start)
  const nl = newlineOf(text)
  if (elements.length === 0) {
    if (!multiLine) return { start: open.end, end: close.start, text: ` ${elementText} ` }
    const indent = indentOfLine(text, close.start) + indentUnit(text)
    const at = lineStartOf(text, close.start)
    return startsLine(text, close.start)
      ? { start: at, end: at, text: `${indent}${elementText}${nl}` }
      : { start: open.end, end: open.end, text: `${nl}${indent}${elementText}` }
  }
  const keys = elements.map((e) => sortKey(site, e))
  const newKey = path.join(".").toLowerCase()
  const sorted = keys.length >= 2 && keys.every((k, i) => k !== undefined && (i === 0 || keys[i - 1]! <= k))
  const nextIndex = sorted ? keys.findIndex((k) => k! > newKey) : -1
  if (nextIndex >= 0) {
    const next = elements[nextIndex]!
    if (multiLine && startsLine(text, next.start)) {
      const at = lineStartOf(text, next.start)
      return { start: at, end: at, text: `${indentOfLine(text, next.start)}${elementText}${nl}` }
    }
    return { start: next.start, end: next.start, text: `${elementText} ` }
  }
  const last = elements[elements.length - 1]!
  const lineEnd = lineEndOf(text, last.end)
  const end = lineEnd > 0 && text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd
  if (multiLine && startsLine(text, last.start) && restOfLineIsTrivia(text, last.end) && close.start > lineEnd) {
    return { start: end, end, text: `${nl}${indentOfLine(text, last.start)}${elementText}` }
  }
  return { start: last.end, end: last.end, text: ` ${elementText}` }
}

/** Removes one element: its whole line when it had the line to itself (with its comment), else just it. */
export const removeFromList = (text: string, element: Node): Splice => {
  if (startsLine(text, element.start) && restOfLineIsTrivia(text, element.end)) {
    const start = lineStartOf(text, element.start)
    const lineEnd = lineEndOf(text, element.end)
    return { start, end: Math.min(text.length, lineEnd + 1), text: "" }
  }
  if (startsLine(text, element.start)) {
    let end = element.end
    while (text[end] === " " || text[end] === "\t") end++
    return { start: element.start, end, text: "" }
  }
  let start = element.start
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--
  return { start, end: element.end, text: "" }
}

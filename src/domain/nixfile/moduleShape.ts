/**
 * The shape of a NixOS or home-manager module file: an optional function of `{ config, pkgs, ... }`,
 * `let`/`with` around the body, and the attribute set that holds the definitions. A module written in
 * the long form (with `options` or `config` keys) keeps its definitions under `config`.
 */
import { attrPathNames, bindingPathNode, bindingsOf, identName, unparen } from "./attrs.js"
import { type Frame, type Scope } from "./scope.js"
import { isNode, type Node } from "./syntax.js"

export interface ModuleShape {
  /** The function's `{ … }` argument pattern, when the module is a function with one. */
  readonly formals: Node | undefined
  /** The module's attribute set. */
  readonly body: Node
  /** The lets and withs around the body. */
  readonly scope: Scope
  /** ["config"] when definitions live under `config` (long form), else []. */
  readonly configPrefix: ReadonlyArray<string>
}

export type ModuleShapeResult = { readonly ok: true; readonly shape: ModuleShape } | { readonly ok: false; readonly reason: string }

const formalsOf = (param: Node): Node | undefined => {
  if (param.kind === "Formals") return param
  if (param.kind === "Pattern") return param.children.find((c): c is Node => isNode(c) && c.kind === "Formals")
  return undefined
}

/** Names the module function takes (`config`, `pkgs`, …) and whether it accepts more (`...`). */
export const formalNames = (formals: Node): { readonly names: ReadonlyArray<string>; readonly ellipsis: boolean } => ({
  names: formals.children.flatMap((c) => (isNode(c) && c.kind === "Formal" && isNode(c.children[0]) ? [identName(c.children[0]) ?? ""] : [])),
  ellipsis: formals.children.some((c) => !isNode(c) && c.kind === "...")
})

export const moduleShape = (root: Node): ModuleShapeResult => {
  let cur = root.children[0] as Node
  let formals: Node | undefined
  const scope: Array<Frame> = []
  for (;;) {
    cur = unparen(cur)
    switch (cur.kind) {
      case "Lambda":
        formals ??= formalsOf(cur.children[0] as Node)
        cur = cur.children[2] as Node
        continue
      case "With":
        scope.push({ kind: "with", env: cur.children[1] as Node })
        cur = cur.children[3] as Node
        continue
      case "LetIn":
        scope.push({ kind: "let", node: cur })
        cur = cur.children[cur.children.length - 1] as Node
        continue
      case "Assert":
        cur = cur.children[3] as Node
        continue
      case "AttrSet": {
        const longForm = bindingsOf(cur).some((b) => {
          const names = b.kind === "Binding" ? attrPathNames(bindingPathNode(b)) : undefined
          return names !== undefined && (names[0] === "config" || names[0] === "options")
        })
        return { ok: true, shape: { formals, body: cur, scope, configPrefix: longForm ? ["config"] : [] } }
      }
      default:
        return {
          ok: false,
          reason: `the file's value is ${describeKind(cur)}, not an attribute set of settings ({ … }) that ask-nix can edit`
        }
    }
  }
}

const describeKind = (n: Node): string => {
  switch (n.kind) {
    case "Apply": return "a function call"
    case "List": return "a list"
    case "BinOp": return "an operator expression"
    case "If": return "an if-then-else"
    default: return `a ${n.kind} expression`
  }
}

/**
 * The module's static imports (`imports = [ ./hardware-configuration.nix ../common ];`), as paths
 * relative to the file's folder or absolute; `<…>` and computed entries are left out.
 */
export const importPaths = (shape: ModuleShape): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const b of bindingsOf(shape.body)) {
    if (b.kind !== "Binding") continue
    const names = attrPathNames(bindingPathNode(b))
    if (names === undefined || names.length !== 1 || names[0] !== "imports") continue
    const list = unparen(b.children[2] as Node)
    if (list.kind !== "List") continue
    for (const el of list.children) {
      if (!isNode(el)) continue
      const item = unparen(el)
      const t = item.kind === "Literal" ? item.children[0] : undefined
      if (t !== undefined && !isNode(t) && t.kind === "path") out.push(t.text)
    }
  }
  return out
}

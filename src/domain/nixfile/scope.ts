/**
 * What is in scope at a spot of a module: the `let` blocks around it (their names win over any
 * `with`, as in Nix) and the `with` environments (`with pkgs;` makes `firefox` mean pkgs.firefox).
 */
import { attrPathNames, bindingPathNode, bindingsOf, bindingValue, identName, unparen } from "./attrs.js"
import type { Node } from "./syntax.js"

export type Frame =
  | { readonly kind: "let"; readonly node: Node }
  | { readonly kind: "with"; readonly env: Node }

export type Scope = ReadonlyArray<Frame>

export const emptyScope: Scope = []

/** Is `with pkgs;` around this spot? */
export const withPkgs = (scope: Scope): boolean =>
  scope.some((f) => f.kind === "with" && unparen(f.env).kind === "Ident" && identName(unparen(f.env)) === "pkgs")

/** The value a `let` around this spot binds to `name` (innermost first), with the scope that value sees. */
export const resolveLet = (scope: Scope, name: string): { readonly value: Node; readonly scope: Scope } | undefined => {
  for (let i = scope.length - 1; i >= 0; i--) {
    const frame = scope[i]!
    if (frame.kind !== "let") continue
    for (const b of bindingsOf(frame.node)) {
      if (b.kind !== "Binding") continue
      const names = attrPathNames(bindingPathNode(b))
      if (names !== undefined && names.length === 1 && names[0] === name) {
        // a let's values see the let itself (it is recursive) and what was around it
        return { value: bindingValue(b), scope: scope.slice(0, i + 1) }
      }
    }
  }
  return undefined
}

/** Steps through parentheses, `with` and `let … in` around an expression, collecting them in the scope. */
export const enter = (node: Node, scope: Scope): { readonly node: Node; readonly scope: Scope } => {
  let cur = node
  let frames = scope
  for (;;) {
    cur = unparen(cur)
    if (cur.kind === "With") {
      frames = [...frames, { kind: "with", env: cur.children[1] as Node }]
      cur = cur.children[3] as Node
    } else if (cur.kind === "LetIn") {
      frames = [...frames, { kind: "let", node: cur }]
      cur = cur.children[cur.children.length - 1] as Node
    } else return { node: cur, scope: frames }
  }
}

/**
 * Finding an option in a module's attribute set, whichever way it is written: `a.b.c = v;`,
 * `a = { b.c = v; };`, `a.b = { c = v; };`, under `with`/`let` or inside `mkIf`/`mkMerge`-free
 * wrappers. Also says where a new definition would go (the deepest plain attribute set on the way)
 * and what blocks adding one (a prefix bound to something that is not an attribute set).
 */
import { attrPathNames, bindingPathNode, bindingsOf, bindingValue, unwrapDefinition, type Wrapper } from "./attrs.js"
import { enter, type Scope } from "./scope.js"
import type { Node } from "./syntax.js"

export interface Definition {
  readonly binding: Node
  /** The definition as written (maybe `mkForce x`). */
  readonly value: Node
  readonly scope: Scope
  /** Wrappers on the way down (`hardware = mkIf c { … }`), outermost first; the value's own are in `value`. */
  readonly conditions: ReadonlyArray<Wrapper>
}

/** A binding inside the option's value: `nixpkgs.config.allowUnfree = true;` for nixpkgs.config. */
export interface PartDefinition {
  readonly binding: Node
  readonly names: ReadonlyArray<string>
}

export interface InsertionSite {
  /** The attribute set a new binding goes in. */
  readonly set: Node
  /** How many of the path's names the enclosing bindings already say (the rest are written). */
  readonly consumed: number
  readonly scope: Scope
}

export interface Blocker {
  readonly binding: Node
  readonly names: ReadonlyArray<string>
  readonly why: string
}

export interface Located {
  readonly definitions: ReadonlyArray<Definition>
  readonly parts: ReadonlyArray<PartDefinition>
  /** The deepest unconditional attribute set on the path. */
  readonly site: InsertionSite
  readonly blockers: ReadonlyArray<Blocker>
}

/** How many leading names two attribute paths share. */
export const commonPrefix = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): number => {
  let k = 0
  while (k < a.length && k < b.length && a[k] === b[k]) k++
  return k
}

/** Looks for `path` in `set` (whose bindings see `scope`). */
export const locate = (set: Node, path: ReadonlyArray<string>, scope: Scope): Located => {
  const definitions: Array<Definition> = []
  const parts: Array<PartDefinition> = []
  const blockers: Array<Blocker> = []
  let site: InsertionSite = { set, consumed: 0, scope }

  const walk = (cur: Node, consumed: number, curScope: Scope, conditions: ReadonlyArray<Wrapper>): void => {
    const rest = path.slice(consumed)
    if (conditions.length === 0 && consumed > site.consumed) site = { set: cur, consumed, scope: curScope }
    for (const b of bindingsOf(cur)) {
      if (b.kind === "Inherit") continue
      const names = attrPathNames(bindingPathNode(b))
      if (names === undefined) continue
      const k = commonPrefix(names, rest)
      if (k === 0) continue
      const full = [...path.slice(0, consumed), ...names]
      if (k === rest.length && k === names.length) {
        definitions.push({ binding: b, value: bindingValue(b), scope: curScope, conditions })
      } else if (k === rest.length) {
        parts.push({ binding: b, names: full })
      } else if (k === names.length) {
        const { wrappers, value } = unwrapDefinition(bindingValue(b))
        const inner = enter(value, curScope)
        if (inner.node.kind === "AttrSet") {
          // definitions inside a wrapped set are found (and can be updated), but a new one cannot go
          // next to the wrapped binding (Nix would see the attribute defined twice)
          if (wrappers.length > 0) blockers.push({ binding: b, names: full, why: `it is wrapped in ${wrappers[0]!.name}` })
          walk(inner.node, consumed + k, inner.scope, [...conditions, ...wrappers])
        } else blockers.push({ binding: b, names: full, why: whyOpaque(inner.node) })
      }
    }
  }
  walk(set, 0, scope, [])
  return { definitions, parts, site, blockers }
}

const whyOpaque = (value: Node): string =>
  value.kind === "Apply"
    ? "it is computed by a function call"
    : value.kind === "Ident" || value.kind === "Select"
    ? "it is set to a variable"
    : value.kind === "BinOp"
    ? "it is computed by an operator (such as //)"
    : "it is not an attribute set"

/**
 * The option paths a module's attribute set defines, as far as plain attribute sets go
 * (`boot.loader.grub.device`, `services.openssh.enable`): what the configuration already sets.
 */
export const definedPaths = (set: Node, prefix: ReadonlyArray<string> = [], depth = 0): ReadonlyArray<string> =>
  bindingsOf(set).flatMap((b) => {
    if (b.kind !== "Binding") return []
    const names = attrPathNames(bindingPathNode(b))
    if (names === undefined) return []
    const full = [...prefix, ...names]
    const inner = enter(unwrapDefinition(bindingValue(b)).value, []).node
    return inner.kind === "AttrSet" && depth < 6 ? definedPaths(inner, full, depth + 1) : [full.join(".")]
  })

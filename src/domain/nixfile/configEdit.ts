/**
 * Planning edits of a configuration (configuration.nix or home.nix and the modules it imports): add or
 * remove a package in a package-list option, set an option. The option is looked for in the main file,
 * then in its imports in order, and edited where it is already written; a new definition goes into the
 * main file, or into the imported module that already sets its siblings (`services.xserver.*`). Each change is a few splices of the original text, so the rest of every file stays as
 * written. Pure: the caller reads the files and writes the result.
 */
import { Either } from "effect"
import { ConfigEditRefused, type ConfigEditError, ConfigSyntaxError, NotInConfig } from "../configErrors.js"
import { attrPathNames, bindingPathNode, bindingsOf, renderAttrPath, unparen, unwrapDefinition, type Wrapper } from "./attrs.js"
import { insertBinding } from "./insertBinding.js"
import { applySplices, indentOfLine, lineNumberAt, lineStartOf, newlineOf, type Splice, startsLine } from "./layout.js"
import { commonPrefix, type Definition, definedPaths, type Located, locate } from "./locate.js"
import { formalNames, type ModuleShape, moduleShape } from "./moduleShape.js"
import { type NixValue, readLiteral, renderNixValue, sameNixValue } from "./nixValue.js"
import {
  addToList, elementPackage, listElements, type ListSite, packageLists, removeFromList, renderElement
} from "./packageList.js"
import { parseNix } from "./parseNix.js"
import { withPkgs } from "./scope.js"
import { isToken, type Node } from "./syntax.js"

export interface ConfigFiles {
  readonly main: string
  /** The main file first, then the modules it imports, in the order they are read. */
  readonly order: ReadonlyArray<string>
  readonly texts: ReadonlyMap<string, string>
}

export type ConfigChange =
  | {
    readonly kind: "addPackage"
    /** e.g. ["environment", "systemPackages"], ["users", "users", "alice", "packages"], ["home", "packages"] */
    readonly option: ReadonlyArray<string>
    /** attribute path in pkgs, e.g. ["firefox"], ["python3Packages", "requests"] */
    readonly pkg: ReadonlyArray<string>
    /** A prefix that must already be defined (["users", "users", "alice"]: ask-nix does not create users). */
    readonly owner?: ReadonlyArray<string>
  }
  | { readonly kind: "removePackage"; readonly option: ReadonlyArray<string>; readonly pkg: ReadonlyArray<string> }
  | { readonly kind: "setOption"; readonly option: ReadonlyArray<string>; readonly value: NixValue }

export interface FileEdit {
  readonly path: string
  readonly before: string
  readonly after: string
}

export interface EditPlan {
  readonly edits: ReadonlyArray<FileEdit>
  /** What a person should know: kept wrappers, conditions, other definitions, nothing to do. */
  readonly notes: ReadonlyArray<string>
}

interface Surveyed {
  readonly path: string
  readonly text: string
  readonly shape: ModuleShape
  readonly located: Located
}

type Result<A> = Either.Either<A, ConfigEditError>

const wrapperNote = (w: Wrapper, where: string): string =>
  w.name === "mkIf"
    ? `the definition at ${where} is inside mkIf: it applies only when that condition holds (ask-nix left the condition as it was)`
    : `the definition at ${where} uses ${w.name}: ask-nix changed the value inside it and kept ${w.name}`

class Planner {
  readonly texts: Map<string, string>
  readonly notes: Array<string> = []

  constructor(readonly files: ConfigFiles) {
    this.texts = new Map(files.texts)
  }

  private text(path: string): string {
    const t = this.texts.get(path)
    if (t === undefined) throw new Error(`configEdit: ${path} was not read`)
    return t
  }

  private where(path: string, offset: number): string {
    return `${path}:${lineNumberAt(this.text(path), offset)}`
  }

  private parse(path: string): Result<Node> {
    const r = parseNix(this.text(path))
    return r.ok
      ? Either.right(r.root)
      : Either.left(new ConfigSyntaxError({ path, line: r.error.line, column: r.error.column, message: r.error.message }))
  }

  /** Every file's view of one option path. The main file must be an editable module; imports may not be. */
  private survey(option: ReadonlyArray<string>): Result<ReadonlyArray<Surveyed>> {
    const out: Array<Surveyed> = []
    for (const path of this.files.order) {
      const root = this.parse(path)
      if (Either.isLeft(root)) return Either.left(root.left)
      const shape = moduleShape(root.right)
      if (!shape.ok) {
        if (path === this.files.main) return Either.left(new ConfigEditRefused({ path, reason: shape.reason }))
        continue
      }
      const full = [...shape.shape.configPrefix, ...option]
      out.push({ path, text: this.text(path), shape: shape.shape, located: locate(shape.shape.body, full, shape.shape.scope) })
    }
    return Either.right(out)
  }

  private apply(path: string, splices: ReadonlyArray<Splice>): void {
    this.texts.set(path, applySplices(this.text(path), splices))
  }

  /** `pkgs` must be an argument of the module for `pkgs.x` or `with pkgs;` to mean anything. */
  private pkgsSplice(f: Surveyed): Result<ReadonlyArray<Splice>> {
    const formals = f.shape.formals
    if (formals === undefined) {
      return Either.left(new ConfigEditRefused({
        path: f.path,
        reason: "the file is a plain attribute set, not a function of { pkgs, ... }, so packages cannot be named in it",
        hint: "Start it with { pkgs, ... }: or add the package to the file that imports it."
      }))
    }
    const { names } = formalNames(formals)
    if (names.includes("pkgs")) return Either.right([])
    const at = formals.children.findIndex((c) => isToken(c) && c.kind === "...")
    const ellipsis = formals.children[at]
    if (ellipsis !== undefined) {
      const comma = formals.children[at - 1]
      const nl = newlineOf(f.text)
      if (comma !== undefined && isToken(comma) && comma.kind === "," && startsLine(f.text, comma.start)) {
        // leading commas, one argument a line: `, pkgs` on a line of its own
        const lineStart = lineStartOf(f.text, comma.start)
        return Either.right([{ start: lineStart, end: lineStart, text: `${indentOfLine(f.text, comma.start)}, pkgs${nl}` }])
      }
      const text = startsLine(f.text, ellipsis.start) ? `pkgs,${nl}${indentOfLine(f.text, ellipsis.start)}` : "pkgs, "
      return Either.right([{ start: ellipsis.start, end: ellipsis.start, text }])
    }
    const close = formals.children[formals.children.length - 1]!
    const prev = formals.children[formals.children.length - 2]!
    if (prev.type === "token" && prev.kind === "{") return Either.right([{ start: close.start, end: close.start, text: "pkgs " }])
    return Either.right([{ start: prev.end, end: prev.end, text: prev.type === "token" ? " pkgs" : ", pkgs" }])
  }

  /** A new definition in the main file, where its siblings are. */
  private insertNew(
    main: Surveyed,
    option: ReadonlyArray<string>,
    value: (indent: string, unit: string, nl: string) => string
  ): Result<Splice> {
    const blocker = main.located.blockers[0]
    if (blocker !== undefined) {
      return Either.left(new ConfigEditRefused({
        path: main.path,
        line: lineNumberAt(main.text, blocker.binding.start),
        reason: `${renderAttrPath(blocker.names)} is already set there and ${blocker.why}, so ${renderAttrPath(option)} cannot be added next to it`,
        hint: `Add ${renderAttrPath(option.slice(blocker.names.length))} inside that definition yourself.`
      }))
    }
    const site = main.located.site
    const full = [...main.shape.configPrefix, ...option]
    const top = site.set === main.shape.body
    return Either.right(insertBinding(main.text, site.set, { names: full.slice(site.consumed), value }, {
      nested: top && nestedStyle(main.shape.body),
      expandEmpty: top
    }))
  }

  setOption(option: ReadonlyArray<string>, value: NixValue): Result<void> {
    return Either.flatMap(this.survey(option), (files) => {
      const defs = files.flatMap((f) => f.located.definitions.map((d) => ({ f, d })))
      const name = renderAttrPath(option)
      const first = defs[0]
      if (first !== undefined) {
        const { f, d } = first
        const { wrappers, value: inner } = unwrapDefinition(d.value)
        const where = this.where(f.path, d.binding.start)
        for (const w of [...d.conditions, ...wrappers]) this.notes.push(wrapperNote(w, where))
        for (const other of defs.slice(1)) this.notes.push(`${name} is also defined at ${this.where(other.f.path, other.d.binding.start)}`)
        const current = readLiteral(inner)
        if (current !== undefined && sameNixValue(current, value)) {
          this.notes.push(`${name} is already ${renderNixValue(value)} (${where})`)
          return Either.right(undefined)
        }
        this.apply(f.path, [{ start: inner.start, end: inner.end, text: renderNixValue(value) }])
        return Either.right(undefined)
      }
      const part = files.flatMap((f) => f.located.parts.map((p) => ({ f, p })))[0]
      if (part !== undefined) {
        return Either.left(new ConfigEditRefused({
          path: part.f.path,
          line: lineNumberAt(part.f.text, part.p.binding.start),
          reason: `${name} is set piece by piece there (${renderAttrPath(part.p.names)})`,
          hint: `Set the pieces instead, e.g. ask-nix configure ${renderAttrPath(part.p.names)}.`
        }))
      }
      const main = files[0]!
      const home = this.siblingsHome(files, option)
      if (home !== undefined) {
        const there = this.insertNew(home.f, option, () => renderNixValue(value))
        if (Either.isRight(there)) {
          this.notes.push(`${name} is new; it went to ${home.f.path}, where ${renderAttrPath(home.prefix)}.* is already set`)
          this.apply(home.f.path, [there.right])
          return Either.right(undefined)
        }
      }
      return Either.map(this.insertNew(main, option, () => renderNixValue(value)), (s) => this.apply(main.path, [s]))
    })
  }

  /**
   * The imported module a new option belongs in: the one that already sets the longest part of its
   * path (`services.xserver.*` for services.xserver.layout), when that part is longer than what the
   * main file sets and more than a top-level name (`services`, `boot` alone say nothing). Files that
   * say they are generated (hardware-configuration.nix) are never chosen.
   */
  private siblingsHome(files: ReadonlyArray<Surveyed>, option: ReadonlyArray<string>): { readonly f: Surveyed; readonly prefix: ReadonlyArray<string> } | undefined {
    const depth = (f: Surveyed): number => {
      const full = [...f.shape.configPrefix, ...option]
      let best = 0
      for (const p of definedPaths(f.shape.body)) best = Math.max(best, commonPrefix(p.split("."), full.slice(0, -1)))
      return best - f.shape.configPrefix.length
    }
    const mainDepth = depth(files[0]!)
    let chosen: { f: Surveyed; depth: number } | undefined
    for (const f of files.slice(1)) {
      if (generated.test(f.text)) continue
      const d = depth(f)
      if (d >= 2 && d > mainDepth && d > (chosen?.depth ?? 0)) chosen = { f, depth: d }
    }
    return chosen === undefined ? undefined : { f: chosen.f, prefix: option.slice(0, chosen.depth) }
  }

  addPackage(option: ReadonlyArray<string>, pkg: ReadonlyArray<string>, owner: ReadonlyArray<string> | undefined): Result<void> {
    return Either.flatMap(this.survey(option), (files) => {
      const name = renderAttrPath(option)
      const pkgName = pkg.join(".")
      const defs = files.flatMap((f) => f.located.definitions.map((d) => ({ f, d, lists: packageLists(d.value, d.scope) })))
      for (const { f, d, lists } of defs) {
        for (const site of lists.lists) {
          const hit = listElements(site.list).find((el) => sameName(elementPackage(el, site.scope), pkg))
          if (hit === undefined) continue
          if (site.conditional || d.conditions.length > 0) {
            this.notes.push(`${pkgName} is also listed under a condition at ${this.where(f.path, hit.start)}`)
          } else {
            this.notes.push(`${pkgName} is already in ${name} (${this.where(f.path, hit.start)})`)
            return Either.right(undefined)
          }
        }
      }
      const ordered = [...defs].sort((a, b) => Number(a.d.conditions.length > 0) - Number(b.d.conditions.length > 0))
      for (const { f, d, lists } of ordered) {
        const site = lists.lists.find((l) => !l.conditional)
        if (site === undefined) continue
        for (const w of d.conditions) this.notes.push(wrapperNote(w, this.where(f.path, d.binding.start)))
        return this.addToSite(f, site, pkg)
      }
      const first = defs[0]
      if (first !== undefined) return this.appendToValue(first.f, first.d, pkg)
      if (owner !== undefined && !files.some((f) => isDefined(f, owner))) {
        return Either.left(new ConfigEditRefused({
          path: this.files.main,
          reason: `${renderAttrPath(owner)} is not defined in the configuration`,
          hint: `Define it first (for a user: ${renderAttrPath(owner)}.isNormalUser = true;), or add the package to the system.`
        }))
      }
      const main = files[0]!
      const around = withPkgs(main.located.site.scope)
      const element = renderElement({ list: emptyList, scope: [{ kind: "with", env: pkgsIdent }], conditional: false }, pkg)
      const value = (indent: string, unit: string, nl: string) =>
        `${around ? "" : "with pkgs; "}[${nl}${indent}${unit}${element}${nl}${indent}]`
      return Either.flatMap(this.insertNew(main, option, value), (s) =>
        Either.map(this.pkgsSplice(main), (extra) => this.apply(main.path, [s, ...extra])))
    })
  }

  private addToSite(f: Surveyed, site: ListSite, pkg: ReadonlyArray<string>): Result<void> {
    const splice = addToList(f.text, site, pkg)
    if (!splice.text.includes("pkgs.")) {
      this.apply(f.path, [splice])
      return Either.right(undefined)
    }
    return Either.map(this.pkgsSplice(f), (extra) => this.apply(f.path, [splice, ...extra]))
  }

  /** `x = import ./pkgs.nix pkgs;` becomes `x = import ./pkgs.nix pkgs ++ [ pkgs.firefox ];`. */
  private appendToValue(f: Surveyed, d: Definition, pkg: ReadonlyArray<string>): Result<void> {
    const { value } = unwrapDefinition(d.value)
    const element = renderElement({ list: emptyList, scope: d.scope, conditional: false }, pkg)
    const tight = ["Apply", "Ident", "Select", "List", "Paren", "String"].includes(unparen(value).kind)
    this.notes.push(`${this.where(f.path, d.binding.start)} computes the list; ask-nix appended to it with ++`)
    const splices: Array<Splice> = tight
      ? [{ start: value.end, end: value.end, text: ` ++ [ ${element} ]` }]
      : [{ start: value.start, end: value.start, text: "(" }, { start: value.end, end: value.end, text: `) ++ [ ${element} ]` }]
    if (!element.startsWith("pkgs.")) {
      this.apply(f.path, splices)
      return Either.right(undefined)
    }
    return Either.map(this.pkgsSplice(f), (extra) => this.apply(f.path, [...splices, ...extra]))
  }

  removePackage(option: ReadonlyArray<string>, pkg: ReadonlyArray<string>): Result<void> {
    return Either.flatMap(this.survey(option), (files) => {
      const present: Array<string> = []
      const byFile = new Map<string, Array<Splice>>()
      for (const f of files) {
        for (const d of f.located.definitions) {
          for (const site of packageLists(d.value, d.scope).lists) {
            for (const el of listElements(site.list)) {
              const p = elementPackage(el, site.scope)
              if (p !== undefined) present.push(p.join("."))
              if (!sameName(p, pkg)) continue
              const splices = byFile.get(f.path) ?? []
              splices.push(removeFromList(f.text, el))
              byFile.set(f.path, splices)
              if (site.conditional) this.notes.push(`${pkg.join(".")} was listed under a condition at ${this.where(f.path, el.start)}`)
            }
          }
        }
      }
      if (byFile.size === 0) {
        return Either.left(new NotInConfig({
          name: pkg.join("."),
          option: renderAttrPath(option),
          files: files.filter((f) => f.located.definitions.length > 0).map((f) => f.path).concat(files.some((f) => f.located.definitions.length > 0) ? [] : [this.files.main]),
          present
        }))
      }
      for (const [path, splices] of byFile) this.apply(path, splices)
      return Either.right(undefined)
    })
  }
}

const emptyList: Node = { type: "node", kind: "List", children: [], start: 0, end: 0 }
const pkgsIdent: Node = {
  type: "node",
  kind: "Ident",
  children: [{ type: "token", kind: "id", text: "pkgs", start: 0, end: 4, leading: [] }],
  start: 0,
  end: 4
}

/** nixos-generate-config's warning: such a file is rewritten by the next run, so nothing new goes there. */
const generated = /Do not modify this file!/

const sameName = (a: ReadonlyArray<string> | undefined, b: ReadonlyArray<string>): boolean =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i])

const isDefined = (f: Surveyed, owner: ReadonlyArray<string>): boolean => {
  const full = [...f.shape.configPrefix, ...owner]
  const l = locate(f.shape.body, full, f.shape.scope)
  return l.definitions.length > 0 || l.parts.length > 0
}

/**
 * Does the file write its settings nested (`services = { openssh = { enable = true; }; };`) rather
 * than dotted (`services.openssh.enable = true;`)? Nested only when no top-level binding is dotted and
 * at least two hold attribute sets.
 */
export const nestedStyle = (body: Node): boolean => {
  let dotted = 0
  let nested = 0
  for (const b of bindingsOf(body)) {
    if (b.kind !== "Binding") continue
    const names = attrPathNames(bindingPathNode(b))
    if (names === undefined || names[0] === "imports") continue
    if (names.length > 1) dotted++
    else if (unparen(b.children[2] as Node).kind === "AttrSet") nested++
  }
  return dotted === 0 && nested >= 2
}

/** Plans all changes in order (each sees the files as the previous left them). */
export const planConfigEdit = (files: ConfigFiles, changes: ReadonlyArray<ConfigChange>): Result<EditPlan> => {
  const planner = new Planner(files)
  for (const change of changes) {
    const r = change.kind === "setOption"
      ? planner.setOption(change.option, change.value)
      : change.kind === "addPackage"
      ? planner.addPackage(change.option, change.pkg, change.owner)
      : planner.removePackage(change.option, change.pkg)
    if (Either.isLeft(r)) return Either.left(r.left)
  }
  const edits = files.order.flatMap((path) => {
    const before = files.texts.get(path)!
    const after = planner.texts.get(path)!
    return before === after ? [] : [{ path, before, after }]
  })
  return Either.right({ edits, notes: planner.notes })
}

/**
 * A structural check of ask-nix's Nix parser against Nix itself: every compound expression the parser
 * found is wrapped in parentheses. Nix's AST has no parentheses, so `nix-instantiate --parse` prints
 * the same thing for the file and for its parenthesized copy exactly when the parser grouped every
 * operator, application, select and body the way Nix does.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { parseNix } from "../../src/domain/nixfile/parseNix.js"
import type { Element, Node, NodeKind } from "../../src/domain/nixfile/syntax.js"

const compound: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "Lambda", "Assert", "With", "LetIn", "If", "BinOp", "Unary", "HasAttr", "Select", "Apply"
])

/** The file's text with `(` … `)` around each compound expression. */
export const parenthesize = (root: Node): string => {
  const out: Array<string> = []
  let pendingOpen = 0
  const token = (e: Element): void => {
    if (e.type !== "token") return
    for (const t of e.leading) out.push(t.text)
    if (pendingOpen > 0) {
      out.push("(".repeat(pendingOpen))
      pendingOpen = 0
    }
    out.push(e.text)
  }
  const visit = (e: Element, asExpr: boolean): void => {
    if (e.type === "token") return token(e)
    const wrap = asExpr && compound.has(e.kind)
    if (wrap) pendingOpen++
    const kids = e.children
    switch (e.kind) {
      case "AttrPath": case "Formals": case "Pattern": case "Ident": case "Literal":
        // names and parameters stay as they are; defaults and interpolations inside are expressions
        for (const c of kids) visit(c, c.type === "node" && c.kind !== "Ident" && c.kind !== "AttrPath")
        break
      case "Formal":
        kids.forEach((c, i) => visit(c, i === 2))
        break
      case "Inherit":
        // inherit (expr) names;  the parenthesized source is already an expression in parentheses
        for (const c of kids) visit(c, c.type === "node" && c.kind === "Paren")
        break
      case "Lambda":
        kids.forEach((c, i) => visit(c, i === 2))
        break
      case "HasAttr": case "Select":
        kids.forEach((c, i) => visit(c, c.type === "node" && c.kind !== "AttrPath" && i !== 2))
        break
      default:
        for (const c of kids) visit(c, c.type === "node" && c.kind !== "AttrPath" && c.kind !== "Binding" && c.kind !== "Inherit")
    }
    if (wrap) out.push(")")
  }
  visit(root, false)
  return out.join("")
}

export interface GroupingReport {
  readonly same: number
  /** Files whose parenthesized copy parses differently (relative to the tree). */
  readonly different: ReadonlyArray<string>
  /** Files Nix itself rejects (an unbound variable is enough for `--parse`). */
  readonly rejected: ReadonlyArray<string>
}

/**
 * Compares `nix-instantiate --parse` of each file and of its parenthesized copy, written under
 * `mirror` at the same path relative to `treeRoot` (so relative paths resolve alike), 300 files per
 * call, one by one for a batch Nix rejects.
 */
export const compareGrouping = (
  files: ReadonlyArray<string>,
  treeRoot: string,
  instantiate: string,
  env: NodeJS.ProcessEnv,
  mirror: string
): GroupingReport => {
  const parse = (paths: ReadonlyArray<string>): Array<string> | undefined => {
    try {
      return execFileSync(instantiate, ["--parse", ...paths], { env, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] })
        .split("\n").filter((l) => l !== "")
    } catch {
      return undefined
    }
  }
  let same = 0
  const different: Array<string> = []
  const rejected: Array<string> = []
  for (let i = 0; i < files.length; i += 300) {
    const batch = files.slice(i, i + 300)
    const copies = batch.map((f) => {
      const r = parseNix(readFileSync(f, "utf8"))
      if (!r.ok) throw new Error(`${f}: ${r.error.message}`)
      const copy = join(mirror, relative(treeRoot, f))
      mkdirSync(dirname(copy), { recursive: true })
      writeFileSync(copy, parenthesize(r.root))
      return copy
    })
    let a = parse(batch)
    let b = parse(copies)
    if (a === undefined || b === undefined || a.length !== batch.length || b.length !== batch.length) {
      a = batch.map((p) => parse([p])?.[0] ?? "<rejected>")
      b = copies.map((p) => parse([p])?.[0] ?? "<rejected>")
    }
    batch.forEach((f, j) => {
      const theirs = a[j]!
      if (theirs === "<rejected>") rejected.push(relative(treeRoot, f))
      else if (theirs === b[j]!.split(mirror).join(treeRoot)) same++
      else different.push(relative(treeRoot, f))
    })
  }
  return { same, different, rejected }
}

/**
 * A structural check of ask-nix's Nix parser against Nix itself: every compound expression the parser
 * found is wrapped in parentheses. Nix's AST has no parentheses, so `nix-instantiate --parse` prints
 * the same thing for the file and for its parenthesized copy exactly when the parser grouped every
 * operator, application, select and body the way Nix does.
 */
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

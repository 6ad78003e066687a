/** A compact s-expression of a syntax tree, so tests can assert how the parser grouped things. */
import { isNode, isToken, type Element, type Node } from "../../src/domain/nixfile/syntax.js"

const kids = (n: Node): ReadonlyArray<Node> => n.children.filter(isNode)
const tok = (n: Node, i: number): string => {
  const t = n.children[i]
  return isToken(t) ? t.text : "?"
}

export const sexpr = (e: Element): string => {
  if (isToken(e)) return e.text
  const k = kids(e)
  switch (e.kind) {
    case "Root": return sexpr(k[0]!)
    case "Ident": case "Literal": return tok(e, 0)
    case "BinOp": return `(${tok(e, 1)} ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "Unary": return `(${tok(e, 0)} ${sexpr(k[0]!)})`
    case "HasAttr": return `(? ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "Select": return k.length === 3 ? `(. ${sexpr(k[0]!)} ${sexpr(k[1]!)} or ${sexpr(k[2]!)})` : `(. ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "AttrPath": return k.map(sexpr).join(".")
    case "Apply": return `(app ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "Paren": return sexpr(k[0]!)
    case "Lambda": return `(fn ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "Formals": return `{${k.map(sexpr).join(" ")}${e.children.some((c) => isToken(c) && c.kind === "...") ? " ..." : ""}}`
    case "Formal": return k.length === 2 ? `${sexpr(k[0]!)}?${sexpr(k[1]!)}` : sexpr(k[0]!)
    case "Pattern": return k.map(sexpr).join("@")
    case "With": return `(with ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "Assert": return `(assert ${sexpr(k[0]!)} ${sexpr(k[1]!)})`
    case "LetIn": return `(let ${k.slice(0, -1).map(sexpr).join(" ")} in ${sexpr(k[k.length - 1]!)})`
    case "If": return `(if ${sexpr(k[0]!)} ${sexpr(k[1]!)} ${sexpr(k[2]!)})`
    case "List": return `[${k.map(sexpr).join(" ")}]`
    case "AttrSet": return `${isToken(e.children[0]) && e.children[0].kind === "rec" ? "rec" : ""}{${k.map(sexpr).join(" ")}}`
    case "LegacyLet": return `(let{} ${k.map(sexpr).join(" ")})`
    case "Binding": return `${sexpr(k[0]!)}=${sexpr(k[1]!)};`
    case "Inherit": return `(inherit ${k.map(sexpr).join(" ")})`
    case "String": return `"${e.children.slice(1, -1).map((c) => (isToken(c) ? c.text : `\${${sexpr(kids(c as Node)[0]!)}}`)).join("")}"`
    case "Path": return `(path ${e.children.map((c) => (isToken(c) ? c.text : `\${${sexpr(kids(c as Node)[0]!)}}`)).join("")})`
    case "Interp": case "DynAttr": return `\${${sexpr(k[0]!)}}`
  }
}

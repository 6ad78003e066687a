/**
 * Evaluating an edit before it is written: the edited files are written to a scratch folder, never next
 * to the person's files. A copy must mean exactly what the file would mean in its own place, so every
 * relative path in it (`./hardware-configuration.nix`, `../common`, `./.`) is rewritten to the absolute
 * path it stands for there, except the imports of other files being copied, which point at their copy.
 */
import { resolveImportPath } from "../nixfile/configFiles.js"
import { parseNix } from "../nixfile/parseNix.js"
import { type Element, isToken, type Token } from "../nixfile/syntax.js"

const relative = (text: string): boolean => !text.startsWith("/") && !text.startsWith("~") && !text.startsWith("<")

const pathHeads = (e: Element, out: Array<Token>): Array<Token> => {
  if (isToken(e)) {
    if (e.kind === "path" && relative(e.text)) out.push(e)
  } else for (const c of e.children) pathHeads(c, out)
  return out
}

/**
 * `text` (the content of `file`, maybe edited) with its relative paths made absolute; a path naming a
 * key of `copies` (absolute original -> absolute copy) names the copy instead. Undefined when the text
 * does not parse.
 */
export const absolutizePaths = (
  file: string,
  text: string,
  copies: ReadonlyMap<string, string>,
  home: string
): string | undefined => {
  const r = parseNix(text)
  if (!r.ok) return undefined
  let out = ""
  let at = 0
  for (const t of pathHeads(r.root, [])) {
    // a path with ${…} after it keeps its trailing slash ("./modules/" + name)
    const slash = t.text.endsWith("/") ? "/" : ""
    const abs = resolveImportPath(file, t.text, home)
    const target = copies.get(abs) ?? copies.get(`${abs}/default.nix`) ?? abs
    out += text.slice(at, t.start) + target + slash
    at = t.end
  }
  return out + text.slice(at)
}

/**
 * The phrase mini-language used by the grammar tables and by plugin PhraseRules:
 *   word            a literal word (or several: "get rid of")
 *   (a|b c)         one of these word sequences
 *   [a|b c]         optionally one of these
 *   {pkgs} {query} {rest} {n} {topic}   a slot: words captured for the engine ({n} is a number)
 *   *               any words, possibly none
 * A pattern must match the whole (normalized) request.
 */
export type Slots = Readonly<Record<string, string>>

export type Matcher = (text: string) => Slots | undefined

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

const alternatives = (body: string) =>
  body.split("|").map((a) => a.trim().split(/\s+/).filter((w) => w.length > 0).map((w) => `${escape(w)} `).join(""))

/** Compile once at module load; matching is one anchored regex test. */
export const compilePattern = (pattern: string): Matcher => {
  let src = "^"
  let i = 0
  const p = pattern.trim()
  while (i < p.length) {
    const c = p[i]!
    if (c === " ") { i++; continue }
    if (c === "(" || c === "[") {
      const close = p.indexOf(c === "(" ? ")" : "]", i)
      if (close < 0) throw new Error(`Unclosed group in pattern "${pattern}"`)
      src += `(?:${alternatives(p.slice(i + 1, close)).join("|")})${c === "[" ? "?" : ""}`
      i = close + 1
    } else if (c === "{") {
      const close = p.indexOf("}", i)
      if (close < 0) throw new Error(`Unclosed slot in pattern "${pattern}"`)
      const name = p.slice(i + 1, close)
      src += name === "n" ? "(?<n>\\d{1,6}) " : `(?<${name}>.+? )`
      i = close + 1
    } else if (c === "*") {
      src += "(?:.+? )?"
      i++
    } else {
      let j = i
      while (j < p.length && !" ([{*".includes(p[j]!)) j++
      src += `${escape(p.slice(i, j))} `
      i = j
    }
  }
  const re = new RegExp(`${src}$`)
  return (text) => {
    const m = re.exec(`${text} `)
    if (m === null) return undefined
    const slots: Record<string, string> = {}
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) slots[k] = v.trim()
    return slots
  }
}

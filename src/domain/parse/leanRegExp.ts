/**
 * The same regular expression, with less machine code. V8's regexp compiler writes the code that follows
 * a choice once for each way into it (up to 10 versions of every node, each specialised on what the
 * alternative just read), so a sentence of word lists in a row ("(?:does|do|did) (?:not|n't) (?:work|start)",
 * "\b(?:fails|...|and now (?:it|i))\b") grows by multiplication: the parser's long expressions came to
 * 10-105 KB of machine code each, some 1.06 MB of the full start-up snapshot's 8.4 MB (which every call
 * checksums, copies and deserialises: about 3-4 ms per MB). An empty lookahead `(?=)` makes the compiler
 * flush what it carries and jump to one shared version of what follows, so placed after each group it keeps
 * one copy of every continuation: with the parser's long expressions wrapped, dist/ask-nix.blob is 8.41 ->
 * 7.85 MB, and their time over every line of the corpora 6.77 -> 7.24 ms (5,378 texts: 0.1 microseconds a parse).
 * Wrap only what is long: a short expression has little code to save and pays the lookaheads all the same.
 *
 * It matches exactly as before: `(?=)` always succeeds, reads nothing, captures nothing and leaves nothing
 * to backtrack into, so every match, index and group is the one the original gives (test/parser/leanRegExp.test.ts
 * compares them). Placed after a group's quantifier, never between (a quantified lookahead would change the meaning).
 */
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/

/**
 * `source` with `(?=)` after every group (and its quantifier) nested at most `depth` groups deep, outside
 * character classes.
 */
export const leanSource = (source: string, depth = Infinity): string => {
  let out = ""
  let inClass = false
  let open = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === "\\") {
      out += source.slice(i, i + 2)
      i++
    } else if (inClass) {
      out += c
      if (c === "]") inClass = false
    } else {
      out += c
      if (c === "[") inClass = true
      else if (c === "(") open++
      else if (c === ")") {
        open--
        const q = QUANTIFIER.exec(source.slice(i + 1))?.[0] ?? ""
        out += open <= depth ? `${q}(?=)` : q
        i += q.length
      }
    }
  }
  return out
}

/**
 * `re` as an expression that matches the same, with less machine code (see above): for long alternations.
 * `depth` 0 cuts after the outermost groups only: in an unanchored search for a list of phrases each with
 * groups of its own (SYMPTOM), a lookahead inside them keeps V8 from skipping ahead to where a phrase can
 * start, and the search took twice as long (NARRATION and OUTCOME, whose lookbehinds put one where a match
 * starts, are left as they are for the same reason).
 */
export const lean = (re: RegExp, depth = Infinity): RegExp => new RegExp(leanSource(re.source, depth), re.flags)

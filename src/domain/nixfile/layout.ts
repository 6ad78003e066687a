/**
 * Line and indentation facts about a file's text, used to place new text the way the file is laid out,
 * and splices: an edit is a replacement of one span of the original text, nothing else is touched.
 */

export interface Splice {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Applies non-overlapping splices (any order) to the text. */
export const applySplices = (text: string, splices: ReadonlyArray<Splice>): string => {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end)
  let out = text
  let limit = Infinity
  for (const s of sorted) {
    if (s.end > limit) throw new Error(`overlapping splices at ${s.start}-${s.end}`)
    out = out.slice(0, s.start) + s.text + out.slice(s.end)
    limit = s.start
  }
  return out
}

export const lineStartOf = (text: string, offset: number): number => text.lastIndexOf("\n", offset - 1) + 1

/** Offset of the line's end (its "\n", or the end of the text). */
export const lineEndOf = (text: string, offset: number): number => {
  const i = text.indexOf("\n", offset)
  return i < 0 ? text.length : i
}

/** The whitespace that starts the line holding `offset`. */
export const indentOfLine = (text: string, offset: number): string => {
  const start = lineStartOf(text, offset)
  let i = start
  while (text[i] === " " || text[i] === "\t") i++
  return text.slice(start, i)
}

/** Only spaces and tabs between the line's start and `offset`. */
export const startsLine = (text: string, offset: number): boolean => /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset))

/** After `offset` the line holds only spaces, tabs and at most a `#` comment. */
export const restOfLineIsTrivia = (text: string, offset: number): boolean =>
  /^[ \t]*(#.*)?$/.test(text.slice(offset, lineEndOf(text, offset)).replace(/\r$/, ""))

export const sameLine = (text: string, a: number, b: number): boolean => !text.slice(Math.min(a, b), Math.max(a, b)).includes("\n")

/** 1-based line number of an offset. */
export const lineNumberAt = (text: string, offset: number): number => {
  let n = 1
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++
  return n
}

/**
 * The file's indentation step: the most common increase of indentation from one non-blank line to
 * the next ("  " when the file does not say).
 */
export const indentUnit = (text: string): string => {
  const counts = new Map<string, number>()
  let prev = ""
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue
    const indent = /^[ \t]*/.exec(line)![0]
    if (indent.length > prev.length && indent.startsWith(prev)) {
      const step = indent.slice(prev.length)
      counts.set(step, (counts.get(step) ?? 0) + 1)
    }
    prev = indent
  }
  let best = "  "
  let bestCount = 0
  for (const [step, n] of counts) {
    if (n > bestCount) {
      best = step
      bestCount = n
    }
  }
  return best
}

/** The line break the file uses. */
export const newlineOf = (text: string): string => (text.includes("\r\n") ? "\r\n" : "\n")

/**
 * Splits a stream of text into lines, keeping at most `maxLine` characters of each: a build that
 * prints a line of 8 MB (or forty of them) must not make ask-nix hold hundreds of megabytes, nor
 * print them back in an error message. What is cut is said: "… (8000000 characters, cut)". Pure.
 */
export interface LineSplitter {
  /** The lines completed by this chunk. */
  readonly feed: (chunk: string) => ReadonlyArray<string>
  /** The last line, when the text did not end with a newline. */
  readonly end: () => ReadonlyArray<string>
}

/** Enough for any internal-json event Nix prints in practice, and for a readable error line. */
export const MAX_LINE = 16 * 1024

export const makeLineSplitter = (maxLine = MAX_LINE): LineSplitter => {
  let kept = ""
  let dropped = 0
  const finish = (): string => {
    const line = dropped === 0 ? kept : `${kept}… (${kept.length + dropped} characters, cut)`
    kept = ""
    dropped = 0
    return line.endsWith("\r") ? line.slice(0, -1) : line
  }
  const take = (part: string) => {
    const room = maxLine - kept.length
    if (part.length <= room) kept += part
    else {
      kept += part.slice(0, Math.max(0, room))
      dropped += part.length - Math.max(0, room)
    }
  }
  return {
    feed: (chunk) => {
      const lines: Array<string> = []
      let from = 0
      for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
        take(chunk.slice(from, nl))
        lines.push(finish())
        from = nl + 1
      }
      take(chunk.slice(from))
      return lines
    },
    end: () => (kept === "" && dropped === 0 ? [] : [finish()])
  }
}

/**
 * The last lines of a text kept within a budget of characters (the oldest go first): what a failed
 * command's stderr keeps for its error and its messages.
 */
export const makeTail = (maxChars: number) => {
  const lines: Array<string> = []
  let size = 0
  let start = 0
  return {
    push: (line: string) => {
      lines.push(line)
      size += line.length + 1
      while (size > maxChars && start < lines.length - 1) size -= lines[start++]!.length + 1
      if (start > 1024 && start * 2 > lines.length) { lines.splice(0, start); start = 0 }
    },
    lines: (): ReadonlyArray<string> => lines.slice(start)
  }
}

/**
 * Reading Nix's error text (the level-0 `@nix` message, or plain stderr) for what a person needs:
 * the innermost error message, the file and line it points at, and the code frame. Not the trace.
 */
import { stripAnsi } from "../nixlog/stripAnsi.js"

export interface EvalErrorInfo {
  /** The innermost message's first lines. */
  readonly message: ReadonlyArray<string>
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined
  /** The numbered source lines Nix printed around the position. */
  readonly snippet: ReadonlyArray<string>
}

const maxMessageLines = 5
const atLine = /^\s*at (.+):(\d+):(\d+):\s*$/
const frameLine = /^\s*\d*\|/
const definedIn = /In `([^']+)'/

const dedent = (lines: ReadonlyArray<string>): ReadonlyArray<string> => {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^\s*/.exec(l)![0].length)
  const cut = indents.length === 0 ? 0 : Math.min(...indents)
  return lines.map((l) => l.slice(cut))
}

/** Parse one error text; undefined when it holds no `error:` line. */
export const parseEvalError = (text: string): EvalErrorInfo | undefined => {
  const lines = stripAnsi(text).split("\n")
  let start = -1
  lines.forEach((l, i) => {
    if (/^\s*error:/.test(l)) start = i
  })
  if (start < 0) return undefined
  // A bare "error:" heading followed by only a trace has its message on the same line or nowhere.
  const first = lines[start]!.replace(/^\s*error:\s*/, "")
  const message: Array<string> = []
  let file: string | undefined
  let line: number | undefined
  let column: number | undefined
  const snippet: Array<string> = []
  for (const l of lines.slice(start + 1)) {
    const at = atLine.exec(l)
    if (at && file === undefined) {
      file = at[1]!
      line = Number(at[2])
      column = Number(at[3])
      continue
    }
    if (file !== undefined) {
      if (frameLine.test(l)) snippet.push(l)
      else if (l.trim() !== "") break
      continue
    }
    if (l.trim().startsWith("…")) break
    message.push(l)
  }
  const trimmed = [first, ...dedent(message)].join("\n").trim().split("\n")
  if (file === undefined) {
    const inFile = definedIn.exec(trimmed.join("\n"))
    if (inFile) file = inFile[1]!
  }
  return {
    message: trimmed.slice(0, maxMessageLines),
    file,
    line,
    column,
    snippet: dedent(snippet)
  }
}

/** A build failure names its derivation; anything else that fails before building is evaluation. */
export const failedDerivation = (text: string): string | undefined =>
  /builder for '([^']+\.drv)' failed/.exec(stripAnsi(text))?.[1] ??
  /Cannot build '([^']+\.drv)'/.exec(stripAnsi(text))?.[1]

export const renderEvalError = (e: EvalErrorInfo): ReadonlyArray<string> => {
  const where = e.file === undefined
    ? ""
    : ` in ${e.file}${e.line === undefined ? "" : `:${e.line}${e.column === undefined ? "" : `:${e.column}`}`}`
  return [
    `Your NixOS configuration has an error${where}:`,
    ...e.message.map((l) => `  ${l}`),
    ...e.snippet.map((l) => `  ${l}`)
  ]
}

/** Whether to print colour (bold headings in help): the `color` setting, and for "auto" the terminal and NO_COLOR. */
import type { Environment } from "../domain/Environment.js"

export type ColorMode = "auto" | "always" | "never"

/** "auto": stdout is a terminal, NO_COLOR is unset or empty (no-color.org), TERM is not "dumb". A setting wins over NO_COLOR. */
export const useColor = (mode: ColorMode, e: Environment): boolean => {
  if (mode !== "auto") return mode === "always"
  const noColor = e.env["NO_COLOR"]
  return e.stdoutIsTerminal === true && (noColor === undefined || noColor === "") && e.env["TERM"] !== "dumb"
}

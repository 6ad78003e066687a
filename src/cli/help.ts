/** `ask-nix help`: everything it understands, with examples (each tested to parse as its group says). */
import { cliCommands } from "../domain/commandNames.js"
import { intentCommands } from "../domain/Intent.js"
import { helpExamples } from "../domain/parse/examples.js"

/** Words joined with ", " into lines of at most `width` characters. */
const wrap = (first: string, items: ReadonlyArray<string>, last: string, width = 120): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let line = first
  items.forEach((item, i) => {
    const piece = `${item}${i === items.length - 1 ? last : ","}`
    if (line.length + 1 + piece.length > width && line !== first) { lines.push(line); line = piece } else line = line === "" ? piece : `${line} ${piece}`
  })
  return [...lines, line]
}

export const helpText = (extra: ReadonlyArray<{ readonly title: string; readonly examples: ReadonlyArray<string> }> = []): string => [
  "ask-nix: say what you want; it shows the plan, and does it with --execute.",
  "",
  ...[...helpExamples, ...extra].flatMap((g) => [`${g.title}:`, ...g.examples.map((e) => e.startsWith("ask-nix ") ? `  ${e}` : `  ask-nix "${e}"`)]),
  "",
  ...wrap("Typed commands:", [...intentCommands.map((c) => c.usage), ...cliCommands.filter((c) => c !== "ask")], " (ask-nix help COMMAND for each)."),
  "Options, settings and shell completions: ask-nix --help."
].join("\n")

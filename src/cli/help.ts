/** `ask-nix help`: everything it understands, with examples (each tested to parse as its group says). */
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
  ...wrap("Typed commands:", [...intentCommands.map((c) => c.usage), "parse", "index build|status"], " (ask-nix COMMAND --help for each)."),
  "Options: --execute, --json, --show-intent, --backend native|profile|nix-env|instructions, --profile PATH,",
  "--file PATH, --flake REF, --index PATH, --system / --user, --root PATH, --yes.",
  "Shell completions: ask-nix --completions bash|zsh|fish (see the README)."
].join("\n")

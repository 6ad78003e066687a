/** `ask-nix help`: everything it understands, with examples (each tested to parse as its group says). */
import { helpExamples } from "../domain/parse/examples.js"

export const helpText = (extra: ReadonlyArray<{ readonly title: string; readonly examples: ReadonlyArray<string> }> = []): string => [
  "ask-nix: say what you want; it shows the plan, and does it with --execute.",
  "",
  ...[...helpExamples, ...extra].flatMap((g) => [`${g.title}:`, ...g.examples.map((e) => e.startsWith("ask-nix ") ? `  ${e}` : `  ask-nix "${e}"`)]),
  "",
  "Typed commands: install, remove, update, search, list, rollback [--to N | --back N], generations, clean [--keep N],",
  "info, try, provides, explain, help, parse, index build|status (ask-nix COMMAND --help for each).",
  "Options: --execute, --json, --show-intent, --backend native|profile|nix-env|instructions, --profile PATH,",
  "--file PATH, --flake REF, --index PATH, --system / --user, --root PATH, --yes.",
  "Shell completions: ask-nix --completions bash|zsh|fish (see the README)."
].join("\n")

/** The names that make the first word a typed subcommand (plugins may add more at start). */
export const SUBCOMMANDS: ReadonlySet<string> = new Set([
  "install", "remove", "update", "search", "list", "rollback", "generations", "clean", "info", "try",
  "provides", "explain", "help", "parse", "ask", "index"
])

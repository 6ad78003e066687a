/**
 * Decides the route before @effect/cli sees the words: a typed subcommand only when its name is the
 * first word after the options; anything else is a sentence for the parser (the hidden `ask` command).
 * Left alone, @effect/cli would route "do not install firefox" to `install firefox`.
 * Global options are hoisted in front, so `ask-nix search vim --json` works as users expect.
 */
export const GLOBAL_FLAGS: ReadonlySet<string> = new Set([
  "--execute", "--dry-run", "--show-intent", "--json", "--system", "--user", "--home", "--yes", "-y"
])
export const GLOBAL_VALUED: ReadonlySet<string> = new Set([
  "--backend", "--profile", "--file", "--flake", "--flake-dir", "--index", "--root"
])

export interface Routed {
  /** argv for @effect/cli, without the node and script entries. */
  readonly args: ReadonlyArray<string>
  /** The sentence route was taken (hidden `ask` command). */
  readonly sentence: boolean
}

export const routeArgs = (args: ReadonlyArray<string>, subcommands: ReadonlySet<string>): Routed => {
  const globals: Array<string> = []
  const words: Array<string> = []
  let i = 0
  let rest = false
  while (i < args.length) {
    const a = args[i]!
    if (rest) { words.push(a); i++; continue }
    if (a === "--") { rest = true; i++; continue }
    const eq = a.indexOf("=")
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a
    if (GLOBAL_FLAGS.has(a)) { globals.push(a); i++; continue }
    if (GLOBAL_VALUED.has(name)) {
      if (eq > 0 && name !== a) { globals.push(name, a.slice(eq + 1)); i++; continue }
      globals.push(a)
      if (i + 1 < args.length) globals.push(args[i + 1]!)
      i += 2
      continue
    }
    words.push(a)
    i++
  }
  const first = words[0]
  // A subcommand, a built-in (--help, --version, --completions), or an option we do not know: the
  // CLI library answers (for an unknown option, with its own usage error).
  if (first !== undefined && (subcommands.has(first) || (first.startsWith("-") && !rest && first !== "-"))) {
    return { args: [...globals, ...words], sentence: false }
  }
  // A sentence: everything goes to `ask` after `--`, so nothing in it is read as an option.
  return { args: [...globals, "ask", ...(words.length > 0 ? ["--", ...words] : [])], sentence: true }
}

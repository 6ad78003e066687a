/** Splits a Nix or nix-env argv into options and positional words, the way the mock needs it. */
export interface ParsedArgs {
  readonly words: ReadonlyArray<string>
  readonly options: ReadonlyMap<string, string>
  readonly flags: ReadonlySet<string>
}

const withValue = new Set([
  "--extra-experimental-features", "--log-format", "--profile", "-p", "-f", "--file", "--to", "--older-than",
  "--switch-generation", "-I", "--max-jobs", "-j", "--apply", "--priority", "-S", "--delete-generations", "-G"
])

export const parseArgs = (argv: ReadonlyArray<string>): ParsedArgs => {
  const words: Array<string> = []
  const options = new Map<string, string>()
  const flags = new Set<string>()
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!
    if (a === "--") { words.push(...argv.slice(i + 1)); break }
    if (a === "--option" || a === "--arg" || a === "--argstr") { options.set(`${a}:${argv[i + 1]}`, argv[i + 2] ?? ""); i += 2; continue }
    if (withValue.has(a)) { options.set(a, argv[i + 1] ?? ""); i++; continue }
    if (a.startsWith("--")) { flags.add(a); continue }
    if (/^-[a-zA-Z]+$/.test(a)) { for (const c of a.slice(1)) flags.add(`-${c}`); continue }
    words.push(a)
  }
  return { words, options, flags }
}

/** "nixpkgs#firefox", "path:/x#legacyPackages.x86_64-linux.firefox", "nixpkgs.firefox" (nix-env), "firefox". */
export const attrOf = (word: string, channelPrefix: boolean): string => {
  const afterHash = word.includes("#") ? word.slice(word.indexOf("#") + 1) : word
  const noSystem = afterHash.replace(/^(legacyPackages|packages)\.[^.]+\./, "")
  if (channelPrefix && !word.includes("#")) {
    const dot = noSystem.indexOf(".")
    return dot >= 0 ? noSystem.slice(dot + 1) : noSystem
  }
  return noSystem
}

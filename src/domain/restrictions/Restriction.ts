/**
 * nixpkgs refuses unfree, broken and insecure packages unless they are allowed: by an environment
 * variable (NIXPKGS_ALLOW_UNFREE=1, ...), which a flake only sees in impure evaluation (--impure), or
 * in ~/.config/nixpkgs/config.nix (nix-env, nix-shell, `-f` files). Pure: what is restricted, whether
 * it is allowed, and what to tell a person who wants it.
 */
export type Restriction = "unfree" | "broken" | "insecure"

/** How the package set is evaluated: a flake (pure: the environment needs --impure) or nix-env / a file. */
export type Evaluation = "flake" | "impure"

export const envVar: Readonly<Record<Restriction, string>> = {
  unfree: "NIXPKGS_ALLOW_UNFREE",
  broken: "NIXPKGS_ALLOW_BROKEN",
  insecure: "NIXPKGS_ALLOW_INSECURE"
}

export const whatItIs: Readonly<Record<Restriction, string>> = {
  unfree: "has an unfree license",
  broken: "is marked as broken",
  insecure: "is marked as insecure"
}

export const restrictionsOf = (p: { readonly unfree?: boolean | undefined; readonly broken?: boolean | undefined; readonly insecure?: boolean | undefined }): ReadonlyArray<Restriction> =>
  (["unfree", "broken", "insecure"] as const).filter((r) => p[r] === true)

/** What the user allowed: environment variables set to 1, and what config.nix says (its text). */
export interface Allowance {
  readonly env: ReadonlySet<Restriction>
  /** ~/.config/nixpkgs/config.nix (or $NIXPKGS_CONFIG), if there is one. */
  readonly configText?: string | undefined
  readonly configFile?: string | undefined
}

export const allowanceFromEnv = (env: Readonly<Record<string, string | undefined>>): ReadonlySet<Restriction> =>
  new Set((["unfree", "broken", "insecure"] as const).filter((r) => env[envVar[r]] === "1"))

const configAllows = (text: string, r: Restriction, drvName: string): boolean | "maybe" => {
  const code = text.replace(/#.*$/gm, "")
  switch (r) {
    case "unfree":
      return /\ballowUnfree\s*=\s*true\b/.test(code) ? true : /\ballowUnfreePredicate\s*=/.test(code) ? "maybe" : false
    case "broken":
      return /\ballowBroken\s*=\s*true\b/.test(code)
    case "insecure":
      return /\bpermittedInsecurePackages\s*=/.test(code) && code.includes(`"${drvName}"`)
        ? true
        : /\ballowInsecurePredicate\s*=/.test(code) ? "maybe" : false
  }
}

export type Verdict =
  | { readonly _tag: "allowed"; readonly by: string }
  | { readonly _tag: "maybe"; readonly by: string }
  | { readonly _tag: "refused" }

/** Whether `r` is allowed for the package `drvName` ("steam-1.0") evaluated as `evaluation`. */
export const verdict = (a: Allowance, r: Restriction, drvName: string, evaluation: Evaluation): Verdict => {
  if (a.env.has(r)) return { _tag: "allowed", by: `${envVar[r]}=1${evaluation === "flake" ? " (ask-nix passes --impure so that Nix sees it)" : ""}` }
  // A flake's nixpkgs does not read config.nix in pure evaluation.
  if (evaluation === "impure" && a.configText !== undefined) {
    const c = configAllows(a.configText, r, drvName)
    const file = a.configFile ?? "~/.config/nixpkgs/config.nix"
    if (c === true) return { _tag: "allowed", by: file }
    if (c === "maybe") return { _tag: "maybe", by: `a predicate in ${file}` }
  }
  return { _tag: "refused" }
}

const configLine = (r: Restriction, drvName: string): string =>
  r === "unfree" ? "allowUnfree = true;" : r === "broken" ? "allowBroken = true;" : `permittedInsecurePackages = [ "${drvName}" ];`

/** What it takes to allow it, in a sentence or two. */
export const howToAllow = (r: Restriction, drvName: string, evaluation: Evaluation): string =>
  evaluation === "flake"
    ? `To allow it, run the same ask-nix command with ${envVar[r]}=1 in front (ask-nix then passes --impure to Nix, which a flake needs to see the variable).`
    : `To allow it for one command, put ${envVar[r]}=1 in front of the ask-nix command; to allow it for good, add { ${configLine(r, drvName)} } to ~/.config/nixpkgs/config.nix.`

/** The note in a plan for an allowed package ("steam has an unfree license; allowed by NIXPKGS_ALLOW_UNFREE=1"). */
export const allowedNote = (name: string, r: Restriction, v: Verdict): string =>
  v._tag === "maybe"
    ? `${name} ${whatItIs[r]}; ${v.by} decides whether Nix accepts it.`
    : `${name} ${whatItIs[r]}; allowed by ${v._tag === "allowed" ? v.by : "nothing"}.`

/** nixpkgs' refusal in a Nix error message: "Package ‘steam-1.0’ in ... has an unfree license (...)". */
export const parseRefusal = (message: string): { readonly drvName: string; readonly restriction: Restriction } | undefined => {
  // The message itself, not a source excerpt of the code that throws it ("28|     Package ‘${drv.name}’ ...").
  const m = /(?:^|\n)\s*(?:error:\s*)?Package [‘'`"]([^’'`"$]+)[’'`"] in .*? (has an unfree license|is marked as broken|is marked as insecure)/s.exec(message)
  if (m === null) return undefined
  const restriction: Restriction = m[2]!.includes("unfree") ? "unfree" : m[2]!.includes("broken") ? "broken" : "insecure"
  return { drvName: m[1]!, restriction }
}

/** What a backend intends to do for a mutating intent, and the answers it gives to questions. */
import type { Intent } from "./Intent.js"

/** One command of a plan. `mutating` steps run only when the dry-run policy allows it. */
export interface Step {
  readonly argv: ReadonlyArray<string>
  readonly mutating: boolean
  /** A person-readable summary ("install firefox into ~/.nix-profile"). */
  readonly description?: string | undefined
  /** Run with the terminal attached (sudo password prompts, `nix shell` programs). */
  readonly interactive?: boolean | undefined
  /** Extra environment for this step. */
  readonly env?: Readonly<Record<string, string>> | undefined
  /** Run in this folder (`nix flake update` in the system flake's folder). */
  readonly cwd?: string | undefined
  /**
   * The one switch of a staged change: this step moves `profile` to what `staging` holds, and runs only
   * when the two hold different packages ("already up to date" makes no generation). It is not
   * interrupted once started: a signal then waits for the switch, so the outcome is known.
   */
  readonly commit?: { readonly staging: string; readonly profile: string } | undefined
}

export interface Plan {
  readonly backend: string
  readonly intent: Intent
  readonly steps: ReadonlyArray<Step>
  /** Things the user should know before running it (what would be built, what would be freed). */
  readonly notes: ReadonlyArray<string>
  /** Set by backends that only describe (the instructions backend): ask-nix cannot run this itself. */
  readonly manual?: boolean | undefined
  /**
   * A folder for a throwaway copy of the profile ("staging"): the executor creates it before the steps
   * and removes it after them, whatever happened. Steps change the copy; one `commit` step switches.
   */
  readonly staging?: string | undefined
  /** Free-form preview data for --json (what would be built/downloaded/freed). */
  readonly preview?: Readonly<Record<string, unknown>> | undefined
  /**
   * Why this plan needs a yes before it is carried out ("the last change was in another profile"): a
   * terminal is asked; otherwise nothing is done (exit 2) until the request is repeated with --yes.
   */
  readonly confirm?: string | undefined
  /** Files the plan writes before its steps run (a configuration edit), with a backup each. */
  readonly writes?: ReadonlyArray<string> | undefined
  /** Files put back from their backups before the steps run (undoing a configuration edit). */
  readonly restores?: ReadonlyArray<WrittenConfig> | undefined
}

/** A configuration file ask-nix wrote, and where the old one is kept (for "undo that"). */
export interface WrittenConfig {
  readonly path: string
  readonly backup: string
  /** SHA-256 of what ask-nix wrote: undo checks the file still holds it. */
  readonly sha256: string
}

export interface PackageSummary {
  readonly attrPath: string
  readonly pname: string
  readonly version: string
  readonly description: string | null
  readonly broken?: boolean | undefined
  readonly insecure?: boolean | undefined
  readonly unfree?: boolean | undefined
}

export interface PackageDetails extends PackageSummary {
  readonly homepage: string | null
  readonly license: ReadonlyArray<string>
  readonly longDescription?: string | null | undefined
  readonly installed?: boolean | undefined
  /** The version in the profile, when installed (it may differ from `version`, the package set's). */
  readonly installedVersion?: string | undefined
  readonly storePath?: string | undefined
  readonly narSize?: number | undefined
  readonly closureSize?: number | undefined
}

export interface InstalledPackage {
  readonly name: string
  readonly version: string
  readonly attrPath?: string | undefined
  readonly source?: string | undefined
  readonly storePaths: ReadonlyArray<string>
}

export interface Generation {
  readonly number: number
  /** ISO 8601 */
  readonly date: string
  readonly current: boolean
  readonly label?: string | undefined
}

export interface GenerationDiff {
  readonly from: number
  readonly to: number
  readonly added: ReadonlyArray<{ readonly name: string; readonly version: string }>
  readonly removed: ReadonlyArray<{ readonly name: string; readonly version: string }>
  readonly changed: ReadonlyArray<{ readonly name: string; readonly from: string; readonly to: string }>
}

/** A NixOS option shown by search, apart from the packages (issue 16). */
export interface OptionHit {
  readonly name: string
  readonly type: string | null
  readonly description: string | null
}

/** Answers to questions (read-only intents). */
export type Answer =
  | {
    readonly _tag: "search"; readonly query: string; readonly results: ReadonlyArray<PackageSummary>; readonly total?: number; readonly note?: string
    /** NixOS options that match, apart from the packages ("ssh options", "bluetooth"). */
    readonly options?: ReadonlyArray<OptionHit>
  }
  | { readonly _tag: "list"; readonly profile: string; readonly packages: ReadonlyArray<InstalledPackage> }
  | { readonly _tag: "generations"; readonly profile: string; readonly generations: ReadonlyArray<Generation>; readonly diffs?: ReadonlyArray<GenerationDiff> }
  | { readonly _tag: "info"; readonly packages: ReadonlyArray<PackageDetails> }
  | { readonly _tag: "provides"; readonly query: string; readonly candidates: ReadonlyArray<PackageSummary & { readonly reason: string; readonly certain: boolean }>; readonly note?: string }
  | { readonly _tag: "explain"; readonly topic: string; readonly text: string }
  | { readonly _tag: "help"; readonly text: string }
  /** Plugins and other extensions: JSON fields plus the lines a person reads. */
  | { readonly _tag: "custom"; readonly kind: string; readonly data: Readonly<Record<string, unknown>>; readonly lines: ReadonlyArray<string> }

/** What a backend gives back for an intent. */
export type Outcome =
  | { readonly _tag: "Answer"; readonly answer: Answer }
  | { readonly _tag: "Plan"; readonly plan: Plan }

/** The plan with `notes` added after its own. */
export const withNotes = (plan: Plan, notes: ReadonlyArray<string>): Plan =>
  notes.length === 0 ? plan : { ...plan, notes: [...plan.notes, ...notes] }

export const answer = (a: Answer): Outcome => ({ _tag: "Answer", answer: a })
/** Whether carrying the plan out changes anything: a step to run, or a file to write or put back. */
export const planActs = (p: Plan): boolean =>
  p.steps.length > 0 || (p.writes ?? []).length > 0 || (p.restores ?? []).length > 0

export const planned = (p: Plan): Outcome => ({ _tag: "Plan", plan: p })

/** What carrying out a plan achieved. */
export interface ExecutionResult {
  readonly plan: Plan
  readonly generationBefore?: number | undefined
  readonly generationAfter?: number | undefined
  readonly summary: ReadonlyArray<string>
  readonly data?: Readonly<Record<string, unknown>> | undefined
  /** Configuration files written (plan.writes), with their backups. */
  readonly writes?: ReadonlyArray<WrittenConfig> | undefined
}

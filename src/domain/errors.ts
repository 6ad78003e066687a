/**
 * Every failure ask-nix can report, as a Schema.TaggedError carrying what a person needs to fix it.
 * `userMessage` renders one or two sentences; `exitCode` is the process exit code it maps to.
 */
import { Schema } from "effect"

/** A backend cannot serve this intent (missing command, wrong profile kind, unsupported feature). The chain moves on. */
export class CannotServe extends Schema.TaggedError<CannotServe>()("CannotServe", {
  backend: Schema.String,
  reason: Schema.String
}) {}

/** Every backend declined. */
export class NoBackendCanServe extends Schema.TaggedError<NoBackendCanServe>()("NoBackendCanServe", {
  intent: Schema.String,
  tried: Schema.Array(Schema.Struct({ backend: Schema.String, reason: Schema.String }))
}) {}

export class PackageNotFound extends Schema.TaggedError<PackageNotFound>()("PackageNotFound", {
  name: Schema.String,
  suggestions: Schema.Array(Schema.String),
  where: Schema.optional(Schema.String)
}) {}

export class NotInstalled extends Schema.TaggedError<NotInstalled>()("NotInstalled", {
  name: Schema.String,
  installed: Schema.Array(Schema.String)
}) {}

export class InvalidPackageName extends Schema.TaggedError<InvalidPackageName>()("InvalidPackageName", {
  name: Schema.String,
  reason: Schema.String
}) {}

export class RequestRejected extends Schema.TaggedError<RequestRejected>()("RequestRejected", {
  reason: Schema.String
}) {}

export class NotUnderstood extends Schema.TaggedError<NotUnderstood>()("NotUnderstood", {
  text: Schema.String,
  hint: Schema.optional(Schema.String)
}) {}

/** A mutating request the parser is not sure about, or a category request that needs a choice. */
export class NeedsConfirmation extends Schema.TaggedError<NeedsConfirmation>()("NeedsConfirmation", {
  reason: Schema.String,
  choices: Schema.Array(Schema.String)
}) {}

export class NixNotFound extends Schema.TaggedError<NixNotFound>()("NixNotFound", {
  command: Schema.String
}) {}

/** A Nix command exited non-zero and no more specific error matched. */
export class NixFailed extends Schema.TaggedError<NixFailed>()("NixFailed", {
  argv: Schema.Array(Schema.String),
  exitCode: Schema.Number,
  message: Schema.String,
  stderrTail: Schema.Array(Schema.String)
}) {}

export class BuildFailed extends Schema.TaggedError<BuildFailed>()("BuildFailed", {
  derivation: Schema.String,
  logTail: Schema.Array(Schema.String)
}) {}

export class ProfileLocked extends Schema.TaggedError<ProfileLocked>()("ProfileLocked", {
  profile: Schema.String
}) {}

export class ProfileNotWritable extends Schema.TaggedError<ProfileNotWritable>()("ProfileNotWritable", {
  profile: Schema.String,
  detail: Schema.String
}) {}

export class ExperimentalFeatureDisabled extends Schema.TaggedError<ExperimentalFeatureDisabled>()(
  "ExperimentalFeatureDisabled",
  { feature: Schema.String }
) {}

export class ManifestUnsupported extends Schema.TaggedError<ManifestUnsupported>()("ManifestUnsupported", {
  profile: Schema.String,
  version: Schema.optional(Schema.Number),
  detail: Schema.String
}) {}

/** Nix printed something we could not parse (broken JSON, unexpected shape). */
export class NixOutputInvalid extends Schema.TaggedError<NixOutputInvalid>()("NixOutputInvalid", {
  argv: Schema.Array(Schema.String),
  detail: Schema.String
}) {}

export class NoSuchGeneration extends Schema.TaggedError<NoSuchGeneration>()("NoSuchGeneration", {
  generation: Schema.Number,
  available: Schema.Array(Schema.Number)
}) {}

export class NothingToRollBack extends Schema.TaggedError<NothingToRollBack>()("NothingToRollBack", {
  profile: Schema.String,
  /** For "go back N generations": N, and how many older generations there are. */
  steps: Schema.optional(Schema.Number),
  older: Schema.optional(Schema.Number)
}) {}

export class IndexMissing extends Schema.TaggedError<IndexMissing>()("IndexMissing", {
  path: Schema.String
}) {}

export class IndexCorrupt extends Schema.TaggedError<IndexCorrupt>()("IndexCorrupt", {
  path: Schema.String,
  detail: Schema.String
}) {}

export class ImportFailed extends Schema.TaggedError<ImportFailed>()("ImportFailed", {
  path: Schema.String,
  detail: Schema.String
}) {}

export class NotNixOS extends Schema.TaggedError<NotNixOS>()("NotNixOS", {
  root: Schema.String,
  alternative: Schema.optional(Schema.String)
}) {}

export class PrivilegeRequired extends Schema.TaggedError<PrivilegeRequired>()("PrivilegeRequired", {
  detail: Schema.String
}) {}

export class Interrupted extends Schema.TaggedError<Interrupted>()("Interrupted", {
  detail: Schema.String
}) {}

/** The plan could not be carried out by ask-nix itself (the `instructions` backend). */
export class ManualStepsRequired extends Schema.TaggedError<ManualStepsRequired>()("ManualStepsRequired", {
  steps: Schema.Array(Schema.String)
}) {}

export class PluginFailed extends Schema.TaggedError<PluginFailed>()("PluginFailed", {
  plugin: Schema.String,
  detail: Schema.String
}) {}

/**
 * A plan of several steps failed part way, and switching the profile back to where it was failed too:
 * the profile is not as it was.
 */
export class SwitchBackFailed extends Schema.TaggedError<SwitchBackFailed>()("SwitchBackFailed", {
  /** What failed first, in a few words. */
  failure: Schema.String,
  before: Schema.Number,
  /** The generation the profile is on now, when it could be read. */
  now: Schema.optional(Schema.Number),
  /** Why switching back failed. */
  detail: Schema.String
}) {}

/** A profile's links or manifest could not be read (the native backend passes; others see the profile as new). */
export class ProfileUnreadable extends Schema.TaggedError<ProfileUnreadable>()("ProfileUnreadable", {
  profile: Schema.String,
  detail: Schema.String
}) {}

export class FileError extends Schema.TaggedError<FileError>()("FileError", {
  path: Schema.String,
  detail: Schema.String
}) {}

/** The folder has no flake.nix (or Nix cannot read it as a flake). */
export class NotAFlake extends Schema.TaggedError<NotAFlake>()("NotAFlake", {
  dir: Schema.String,
  detail: Schema.String
}) {}

/** An input named in the request is not an input of the flake. */
export class UnknownFlakeInput extends Schema.TaggedError<UnknownFlakeInput>()("UnknownFlakeInput", {
  dir: Schema.String,
  inputs: Schema.Array(Schema.String),
  available: Schema.Array(Schema.String),
  suggestions: Schema.Array(Schema.String)
}) {}

/** home-manager is not set up for this user: neither standalone nor as a NixOS module. */
export class HomeManagerNotFound extends Schema.TaggedError<HomeManagerNotFound>()("HomeManagerNotFound", {
  user: Schema.String,
  /** What was looked at, each with what was found. */
  looked: Schema.Array(Schema.String),
  detail: Schema.optional(Schema.String)
}) {}

/** Failures a backend may produce while serving (CannotServe lets the chain move on; the rest stop it). */
export type ServeError =
  | CannotServe | PackageNotFound | NotInstalled | InvalidPackageName | NixNotFound | NixFailed
  | BuildFailed | ProfileLocked | ProfileNotWritable | ExperimentalFeatureDisabled | ManifestUnsupported
  | NixOutputInvalid | NoSuchGeneration | NothingToRollBack | IndexMissing | IndexCorrupt | NotNixOS
  | PrivilegeRequired | Interrupted | ManualStepsRequired | PluginFailed | FileError | NeedsConfirmation | ProfileUnreadable
  | SwitchBackFailed | NotAFlake | UnknownFlakeInput | HomeManagerNotFound

export type AppError =
  | ServeError | NoBackendCanServe | RequestRejected | NotUnderstood | ImportFailed

const tail = (lines: ReadonlyArray<string>, n = 8) => lines.slice(-n).map((l) => `  ${l}`).join("\n")

/** One or two sentences that say what happened and what to do next. */
export const userMessage = (e: AppError): string => {
  switch (e._tag) {
    case "CannotServe": return `The ${e.backend} backend cannot do this: ${e.reason}.`
    case "NoBackendCanServe":
      return `Nothing here can serve "${e.intent}". Tried: ${e.tried.map((t) => `${t.backend} (${t.reason})`).join("; ")}.`
    case "PackageNotFound":
      return `There is no package called "${e.name}"${e.where ? ` in ${e.where}` : ""}.` +
        (e.suggestions.length > 0 ? ` Did you mean: ${e.suggestions.join(", ")}?` : ` Try: ask-nix search ${e.name}`)
    case "NotInstalled":
      return `"${e.name}" is not installed in this profile.` +
        (e.installed.length > 0 ? ` Installed: ${e.installed.slice(0, 12).join(", ")}.` : " The profile is empty.")
    case "InvalidPackageName":
      return `"${e.name}" is not a valid package name (${e.reason}). Package names look like firefox or python3Packages.requests.`
    case "RequestRejected": return `${e.reason}`
    case "NotUnderstood":
      return `Sorry, I did not understand "${e.text}".${e.hint ? ` ${e.hint}` : ""} Run "ask-nix help" to see what I can do.`
    case "NeedsConfirmation":
      return `${e.reason}${e.choices.length > 0 ? `\nChoices:\n${e.choices.map((c) => `  ${c}`).join("\n")}` : ""}`
    case "NixNotFound":
      return `Nix is not installed (could not find "${e.command}"). Install it from https://nixos.org/download, then try again.`
    case "NixFailed":
      return `${e.message} (${e.argv.slice(0, 3).join(" ")} exited with code ${e.exitCode})` +
        (e.stderrTail.length > 0 ? `\n${tail(e.stderrTail)}` : "")
    case "BuildFailed":
      return `Building ${e.derivation} failed; nothing was changed. The last lines of its log:\n${tail(e.logTail, 10)}`
    case "ProfileLocked":
      return `The profile ${e.profile} is locked by another Nix operation. Wait for it to finish and try again.`
    case "ProfileNotWritable":
      return `Cannot write to the profile ${e.profile} (${e.detail}). Check its owner and permissions, or pass --profile.`
    case "ExperimentalFeatureDisabled":
      return `This needs the experimental Nix feature "${e.feature}". Add "experimental-features = nix-command flakes" to ~/.config/nix/nix.conf, or use --backend nix-env.`
    case "ManifestUnsupported":
      return `The profile ${e.profile} has a manifest this Nix cannot handle (${e.detail}). Use the Nix that created it, or --backend nix-env for a nix-env profile.`
    case "NixOutputInvalid":
      return `Nix printed something unexpected for "${e.argv.slice(0, 3).join(" ")}" (${e.detail}). Nothing was changed.`
    case "NoSuchGeneration":
      return `There is no generation ${e.generation}. Available: ${e.available.join(", ") || "none"}.`
    case "NothingToRollBack":
      return e.steps !== undefined && e.steps > 1 && e.older !== undefined && e.older > 0
        ? `Cannot go back ${e.steps} generations: ${e.profile} has only ${e.older} generation${e.older === 1 ? "" : "s"} older than the current one. See them with: ask-nix generations`
        : `The profile ${e.profile} has no earlier generation to roll back to.`
    case "IndexMissing":
      return `There is no package index at ${e.path} yet. Build it with: ask-nix index build`
    case "IndexCorrupt":
      return `The package index at ${e.path} is unreadable (${e.detail}). Rebuild it with: ask-nix index build`
    case "ImportFailed":
      return `Could not import ${e.path}: ${e.detail}. The existing index was left as it was.`
    case "NotNixOS":
      return `This is not a NixOS system (no etc/NIXOS under ${e.root}).${e.alternative ? ` For your user profile, try: ${e.alternative}` : ""}`
    case "PrivilegeRequired": return `${e.detail}`
    case "Interrupted": return `Interrupted: ${e.detail}`
    case "ManualStepsRequired":
      return `ask-nix cannot do this itself here. Run these commands yourself:\n${e.steps.map((s) => `  ${s}`).join("\n")}`
    case "PluginFailed": return `The plugin "${e.plugin}" failed: ${e.detail}`
    case "FileError": return `${e.path}: ${e.detail}`
    case "SwitchBackFailed":
      return `${e.failure}. Switching the profile back to generation ${e.before} failed too (${e.detail}): ` +
        `it is now on ${e.now === undefined ? "a generation ask-nix could not read" : `generation ${e.now}`}, not where it was. ` +
        `Go back with: ask-nix rollback --to ${e.before}`
    case "ProfileUnreadable":
      return `Cannot read the profile ${e.profile} (${e.detail}). Check that it exists and that you may read it, or pass --profile.`
    case "NotAFlake":
      return `${e.dir} is not a flake (${e.detail}). Run this in your flake's folder, or name it with --flake-dir PATH (--system: /etc/nixos). Nothing was changed.`
    case "UnknownFlakeInput":
      return `The flake in ${e.dir} has no input ${e.inputs.map((i) => `"${i}"`).join(", ")}.` +
        (e.suggestions.length > 0 ? ` Did you mean: ${e.suggestions.join(", ")}?` : "") +
        (e.available.length > 0 ? ` Its inputs: ${e.available.join(", ")}.` : " It has no inputs.") + " Nothing was changed."
    case "HomeManagerNotFound":
      return `home-manager is not set up for ${e.user || "this user"}${e.detail ? `: ${e.detail}` : ""}. Looked at: ${e.looked.join("; ")}. ` +
        "Install it standalone (https://nix-community.github.io/home-manager/), or set home-manager.users." +
        `${e.user || "<name>"} in your NixOS configuration.`
  }
}

/** 0 done, 1 the operation failed, 2 not understood / usage, 130 interrupted. */
export const exitCode = (e: AppError): number => {
  switch (e._tag) {
    case "NotUnderstood": case "RequestRejected": case "InvalidPackageName": case "NeedsConfirmation":
    case "NotAFlake": case "UnknownFlakeInput":
      return 2
    case "Interrupted": return 130
    default: return 1
  }
}

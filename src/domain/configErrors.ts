/**
 * Failures of editing configuration.nix / home.nix and of option lookups, each carrying what a person
 * needs to fix it (rendered by configErrorMessage.ts); every one leaves the files untouched.
 */
import { Schema } from "effect"

/** The file does not parse (ours or Nix's parser): nothing is edited. */
export class ConfigSyntaxError extends Schema.TaggedError<ConfigSyntaxError>()("ConfigSyntaxError", {
  path: Schema.String,
  line: Schema.Number,
  column: Schema.Number,
  message: Schema.String
}) {}

/** The edit cannot be made safely where the option is written (computed value, mkIf block, no pkgs). */
export class ConfigEditRefused extends Schema.TaggedError<ConfigEditRefused>()("ConfigEditRefused", {
  path: Schema.String,
  line: Schema.optional(Schema.Number),
  reason: Schema.String,
  hint: Schema.optional(Schema.String)
}) {}

/** A package to remove is not in the option's lists. */
export class NotInConfig extends Schema.TaggedError<NotInConfig>()("NotInConfig", {
  name: Schema.String,
  option: Schema.String,
  files: Schema.Array(Schema.String),
  present: Schema.Array(Schema.String)
}) {}

/** No option of that name. */
export class UnknownOption extends Schema.TaggedError<UnknownOption>()("UnknownOption", {
  name: Schema.String,
  suggestions: Schema.Array(Schema.String),
  scope: Schema.String
}) {}

/** The value does not fit the option's type ("set the time zone to 42"). */
export class OptionValueInvalid extends Schema.TaggedError<OptionValueInvalid>()("OptionValueInvalid", {
  option: Schema.String,
  type: Schema.String,
  value: Schema.String,
  reason: Schema.String
}) {}

/** The edited configuration does not evaluate, or the option does not end up with the value asked for. */
export class ConfigEvalFailed extends Schema.TaggedError<ConfigEvalFailed>()("ConfigEvalFailed", {
  path: Schema.String,
  message: Schema.String,
  file: Schema.optional(Schema.String),
  line: Schema.optional(Schema.Number)
}) {}

/** A file changed between reading and writing it (another editor, another ask-nix): nothing is written. */
export class ConfigChanged extends Schema.TaggedError<ConfigChanged>()("ConfigChanged", {
  path: Schema.String
}) {}

/** The configuration file cannot be read or written (missing, permissions, disk). */
export class ConfigFileError extends Schema.TaggedError<ConfigFileError>()("ConfigFileError", {
  path: Schema.String,
  detail: Schema.String,
  hint: Schema.optional(Schema.String)
}) {}

/** No options data on this machine yet. */
export class OptionsMissing extends Schema.TaggedError<OptionsMissing>()("OptionsMissing", {
  path: Schema.String,
  scope: Schema.String
}) {}

/** The options data file is damaged or from another format version. */
export class OptionsCorrupt extends Schema.TaggedError<OptionsCorrupt>()("OptionsCorrupt", {
  path: Schema.String,
  detail: Schema.String
}) {}

export type ConfigEditError = ConfigSyntaxError | ConfigEditRefused | NotInConfig

export type OptionsError = OptionsMissing | OptionsCorrupt

export type ConfigError =
  | ConfigEditError | UnknownOption | OptionValueInvalid | ConfigEvalFailed | OptionsError | ConfigChanged | ConfigFileError

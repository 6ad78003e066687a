/**
 * Typed progress events, parsed from Nix's `--log-format internal-json` lines (`@nix {...}` on stderr).
 * See Nix's src/libutil/logging.hh for the activity and result type numbers.
 */
import { Schema } from "effect"

export class ActivityStarted extends Schema.TaggedClass<ActivityStarted>()("ActivityStarted", {
  id: Schema.Number,
  activity: Schema.String, // "build" | "substitute" | "copyPath" | "fileTransfer" | "builds" | "copyPaths" | ...
  text: Schema.String,
  parent: Schema.Number,
  fields: Schema.Array(Schema.Unknown)
}) {}

export class ActivityStopped extends Schema.TaggedClass<ActivityStopped>()("ActivityStopped", {
  id: Schema.Number
}) {}

/** done/expected in the activity's unit (builds, paths or bytes). */
export class ActivityProgress extends Schema.TaggedClass<ActivityProgress>()("ActivityProgress", {
  id: Schema.Number,
  activity: Schema.String,
  done: Schema.Number,
  expected: Schema.Number,
  running: Schema.Number,
  failed: Schema.Number
}) {}

export class PhaseChanged extends Schema.TaggedClass<PhaseChanged>()("PhaseChanged", {
  id: Schema.Number,
  phase: Schema.String
}) {}

export class BuildLogLine extends Schema.TaggedClass<BuildLogLine>()("BuildLogLine", {
  id: Schema.Number,
  line: Schema.String
}) {}

export class Message extends Schema.TaggedClass<Message>()("Message", {
  level: Schema.Number, // 0 error .. 7 vomit
  text: Schema.String
}) {}

export class NixError extends Schema.TaggedClass<NixError>()("NixError", {
  text: Schema.String
}) {}

/** A plain stderr line that was not an `@nix` line. */
export class RawLine extends Schema.TaggedClass<RawLine>()("RawLine", {
  line: Schema.String
}) {}

/** ask-nix's own step markers ("running step 2 of 3"). */
export class StepStarted extends Schema.TaggedClass<StepStarted>()("StepStarted", {
  index: Schema.Number,
  total: Schema.Number,
  argv: Schema.Array(Schema.String),
  description: Schema.optional(Schema.String)
}) {}

export const ProgressEvent = Schema.Union(
  ActivityStarted, ActivityStopped, ActivityProgress, PhaseChanged, BuildLogLine, Message, NixError, RawLine, StepStarted
)
export type ProgressEvent = typeof ProgressEvent.Type

/**
 * The plan of a flake update, computed before anything is written: Nix locks the flake's inputs anew
 * into a scratch file (Nix 2.19+: `nix flake update --output-lock-file`) or in memory (older Nix:
 * `nix flake metadata --json --no-write-lock-file`), and the plan shows, per input, the revision and
 * date before and after. The step that writes flake.lock runs only with --execute. Shared by every
 * backend that updates a flake (your own flake, the system's, home-manager's); each says which folder.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Either } from "effect"
import * as path from "node:path"
import { type FlakeLock, lockedInputs, locksOfMetadata, parseFlakeLock } from "../../../domain/flake/FlakeLock.js"
import { checkInputs } from "../../../domain/flake/checkInputs.js"
import { flakeUpdateArgv, lockPreviewArgv, type FlakeArgvContext } from "../../../domain/flake/flakeArgv.js"
import { describeLockDiff, diffLocks } from "../../../domain/flake/lockDiff.js"
import { atLeast } from "../../../domain/argv/NixVersion.js"
import { CannotServe, FileError, NixFailed, NixOutputInvalid, NotAFlake, UnknownFlakeInput, type ServeError } from "../../../domain/errors.js"
import type { FlakeUpdate } from "../../../domain/Intent.js"
import type { Plan } from "../../../domain/Plan.js"
import { parseEvalError } from "../../../domain/system/evalError.js"
import type { NixShape } from "../../../services/Nix.js"
import type { SettingsShape } from "../../../services/Settings.js"
import { detectNixEnvironment } from "./NixEnvironment.js"
import { exists, readTextIfExists } from "../../system/files.js"

export interface FlakeTarget {
  /** The flake's folder (absolute). */
  readonly dir: string
  /** Why this folder: "--flake-dir", "the current folder", "the system's flake (...)". */
  readonly reason: string
  /** What to run afterwards to use the new lock (the plan's last notes). */
  readonly next: ReadonlyArray<string>
}

/** Your own flake: --flake-dir, else the folder ask-nix runs in. */
export const userFlakeTarget = (settings: SettingsShape): FlakeTarget => {
  const dir = settings.flakeDir ?? settings.cwd
  return {
    dir,
    reason: settings.flakeDir !== undefined ? "--flake-dir" : "the current folder",
    next: [
      "Only flake.lock changes; nothing is rebuilt. Rebuild what uses this flake to use the new inputs " +
        `(e.g. sudo nixos-rebuild switch --flake ${dir}, home-manager switch --flake ${dir}, or nix profile upgrade for packages installed from it).`,
      "Commit flake.lock if the folder is a git repository."
    ]
  }
}

const lockError = (dir: string, argv: ReadonlyArray<string>, stderr: string, code: number): NotAFlake | NixFailed => {
  const info = parseEvalError(stderr)
  const message = info?.message.join(" ") ?? stderr.trim().split("\n").slice(-1)[0] ?? ""
  if (/does not contain a 'flake\.nix'|could not find a flake\.nix|no such file or directory|is not a flake|syntax error/i.test(stderr)) {
    return new NotAFlake({ dir, detail: `Nix cannot read it as a flake: ${message}${info?.file ? ` (${info.file}:${info.line ?? "?"})` : ""}` })
  }
  return new NixFailed({ argv: [...argv], exitCode: code, message: `locking the flake's inputs failed: ${message}`, stderrTail: stderr.trim().split("\n").slice(-8) })
}

const readLock = (file: string): Effect.Effect<FlakeLock | undefined, FileError, FileSystem.FileSystem> =>
  Effect.flatMap(readTextIfExists(file), (text) =>
    text === undefined
      ? Effect.succeed(undefined)
      : Either.match(parseFlakeLock(text), {
        onLeft: (detail) => Effect.fail(new FileError({ path: file, detail })),
        onRight: Effect.succeed
      }))

/** A scratch folder for the preview's lock file, removed afterwards. */
const scratchDir = Effect.flatMap(FileSystem.FileSystem, (fs) =>
  fs.makeTempDirectoryScoped({ prefix: "ask-nix-flake-lock-" }).pipe(
    Effect.mapError((e) => new FileError({ path: "the temporary folder", detail: e.message }))))

/** The new lock as Nix computes it for this update; flake.lock is not touched. No timeout: inputs may download (github:, git+https:). */
const previewLock = (nix: NixShape, ctx: FlakeArgvContext, dir: string, inputs: ReadonlyArray<string>) =>
  Effect.scoped(Effect.gen(function*() {
    const preview = lockPreviewArgv(ctx, dir, inputs, path.join(yield* scratchDir, "flake.lock"))
    const r = yield* nix.exec({ argv: preview.argv, mutating: false })
    if (r.exitCode !== 0) return yield* lockError(dir, preview.argv, r.stderr, r.exitCode)
    const lock = preview._tag === "file"
      ? Effect.flatMap(readLock(preview.file), (l) => l === undefined ? Effect.fail(new FileError({ path: preview.file, detail: "Nix wrote no lock file" })) : Effect.succeed(l))
      : Either.match(locksOfMetadata(r.stdout), {
        onLeft: (detail) => Effect.fail(new NixOutputInvalid({ argv: [...preview.argv], detail })),
        onRight: Effect.succeed
      })
    return { argv: preview.argv, lock: yield* lock }
  }))

export const flakeUpdatePlan = (
  nix: NixShape,
  backend: string,
  intent: FlakeUpdate,
  target: FlakeTarget
): Effect.Effect<Plan, ServeError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const dir = target.dir
    if (!(yield* exists(path.join(dir, "flake.nix")))) {
      return yield* new NotAFlake({ dir, detail: `there is no flake.nix in ${dir}` })
    }
    const env = yield* detectNixEnvironment(nix, backend)
    if (!atLeast(env.version, 2, 4)) {
      return yield* new CannotServe({ backend, reason: `Nix ${env.version.text} has no flakes (they need Nix 2.4 or newer)` })
    }
    const ctx: FlakeArgvContext = { version: env.version, experimental: env.experimental }
    const before = yield* readLock(path.join(dir, "flake.lock"))
    const { argv: previewArgv, lock: after } = yield* previewLock(nix, ctx, dir, intent.inputs)
    const afterInputs = lockedInputs(after)
    const check = checkInputs(intent.inputs, afterInputs.map((i) => i.path))
    if (check.missing.length > 0) {
      return yield* new UnknownFlakeInput({
        dir, inputs: [...check.missing], suggestions: [...check.suggestions],
        available: afterInputs.filter((i) => !i.path.includes("/")).map((i) => i.path)
      })
    }
    const changes = diffLocks(before === undefined ? [] : lockedInputs(before), afterInputs)
    const changing = changes.some((c) => c.status !== "unchanged")
    return {
      backend,
      intent,
      steps: changing
        ? [{ argv: flakeUpdateArgv(ctx, dir, intent.inputs), mutating: true, description: `write the new flake.lock in ${dir}` }]
        : [],
      notes: [
        `Flake: ${dir} (${target.reason}).`,
        ...(before === undefined ? ["It has no flake.lock yet: this creates it."] : []),
        ...describeLockDiff(changes),
        ...(changing ? target.next : [])
      ],
      preview: { flakeDir: dir, nixVersion: env.version.text, previewArgv, lock: changes }
    } satisfies Plan
  })

/**
 * Building the index: import a file (`from`) or ask the user's Nix, then serialise and write atomically.
 * A failed import or evaluation leaves the existing index untouched.
 *
 * Progress is reported through the optional `onProgress` callback (plain objects, one per stage), so
 * the CLI can render it however it renders progress.
 */
import { Effect, Either, Layer, Schema } from "effect"
import { freemem } from "node:os"
import { ImportFailed, type FileError, type IndexCorrupt, type IndexMissing } from "../../domain/errors.js"
import { IndexBuilder } from "../../services/IndexBuilder.js"
import { Nix, type RunError } from "../../services/Nix.js"
import type { BuildOptions, BuildProgress, BuildResult } from "../../domain/index/IndexBuild.js"
import { flakeMetadataArgv, NIXPKGS_ALLOW_ENV, nixEnvQueryArgv, nixpkgsVersionArgv, nixSearchArgv } from "../../domain/index/buildArgv.js"
import type { ImportResult } from "../../domain/index/importNixEnv.js"
import { importNixEnv, importNixSearch } from "../../domain/index/importNixEnv.js"
import { indexStatus } from "./indexStatus.js"
import { parseJsonText, readImportFile } from "./readImportFile.js"
import { serializeIndex } from "../../domain/index/serializeIndex.js"
import { writeAtomic } from "./writeAtomic.js"

/** nix-env -qa needs over a gigabyte; below this much free memory the build warns first. */
export const LOW_MEMORY_BYTES = 1.5 * 1024 ** 3

export const lowMemoryWarning = (free: number): string | undefined =>
  free < LOW_MEMORY_BYTES
    ? `Only ${(free / 1024 ** 3).toFixed(1)} GiB of memory is free; evaluating all of nixpkgs needs over 1 GiB and may fail or swap. Close programs, or import a prepared file with --from.`
    : undefined

const fromNix = (opts: BuildOptions, say: (p: BuildProgress) => void, warnings: Array<string>) =>
  Effect.gen(function*() {
    const nix = yield* Nix
    const low = lowMemoryWarning(freemem())
    if (low !== undefined) { warnings.push(low); say({ stage: "warning", message: low }) }
    if (opts.flake !== undefined) {
      const argv = nixSearchArgv(opts.flake)
      say({ stage: "evaluating", message: `Listing every package of ${opts.flake} with nix search (this can take a few minutes)…` })
      const out = yield* nix.run({ argv, mutating: false, env: NIXPKGS_ALLOW_ENV })
      say({ stage: "parsing", message: `Read ${(out.stdout.length / 1e6).toFixed(1)} MB from nix search.` })
      const meta = yield* nix.exec({ argv: flakeMetadataArgv(opts.flake), mutating: false, timeoutMs: 60_000 })
      const revision = Either.match(decodeFlakeMetadata(meta.stdout), { onLeft: () => undefined, onRight: (m) => m.revision ?? m.locked?.rev })
      return {
        result: yield* parsed(argv, out.stdout, importNixSearch),
        source: `flake:${opts.flake}`,
        revision: typeof revision === "string" ? revision : null
      }
    }
    const argv = nixEnvQueryArgv(opts.file)
    say({ stage: "evaluating", message: `Evaluating ${opts.file ?? "the <nixpkgs> channel"} with nix-env -qa (about a minute, over 1 GiB of memory)…` })
    const out = yield* nix.run({ argv, mutating: false, env: NIXPKGS_ALLOW_ENV })
    say({ stage: "parsing", message: `Read ${(out.stdout.length / 1e6).toFixed(1)} MB from nix-env.` })
    const ver = yield* nix.exec({ argv: nixpkgsVersionArgv(opts.file), mutating: false, env: NIXPKGS_ALLOW_ENV, timeoutMs: 120_000 })
    // lib.version of the channel ("19.09.2201.8731aaaf8b3"), when Nix could tell: only recorded.
    const version = ver.exitCode === 0 ? Either.getOrUndefined(decodeVersion(ver.stdout.trim())) : undefined
    return {
      result: yield* parsed(argv, out.stdout, importNixEnv),
      source: opts.file === undefined ? "channel:<nixpkgs>" : `nix-file:${opts.file}`,
      revision: typeof version === "string" ? version : null
    }
  })

const parsed = (argv: ReadonlyArray<string>, stdout: string, imp: (json: unknown) => ImportResult | string) => {
  const json = parseJsonText(stdout)
  const result = typeof json === "string" ? json : imp(json)
  return typeof result === "string"
    ? Effect.fail(new ImportFailed({ path: argv.join(" "), detail: result }))
    : Effect.succeed(result)
}

export type { BuildOptions, BuildProgress, BuildResult }

const decodeVersion = Schema.decodeUnknownEither(Schema.parseJson(Schema.NullOr(Schema.String)))

/** `nix flake metadata --json`: the locked revision, when there is one (a revision is only recorded, never needed). */
const decodeFlakeMetadata = Schema.decodeUnknownEither(Schema.parseJson(Schema.Struct({
  revision: Schema.optional(Schema.String),
  locked: Schema.optional(Schema.Struct({ rev: Schema.optional(Schema.String) }))
})))

export const buildIndex = (
  opts: BuildOptions
): Effect.Effect<BuildResult, ImportFailed | FileError | RunError | IndexMissing | IndexCorrupt, Nix> =>
  Effect.gen(function*() {
    const started = Date.now()
    const say = opts.onProgress ?? (() => {})
    const warnings: Array<string> = []
    const { result, source, revision } = opts.from !== undefined
      ? yield* Effect.gen(function*() {
        say({ stage: "reading", message: `Reading ${opts.from}…` })
        return { result: yield* readImportFile(opts.from!), source: `file:${opts.from}`, revision: null }
      })
      : yield* fromNix(opts, say, warnings)
    say({ stage: "indexing", message: `Indexing ${result.records.length} packages…` })
    const bytes = serializeIndex(result.records, {
      source, revision: opts.revision ?? revision, builtAt: new Date().toISOString(),
      buildMs: Date.now() - started, skipped: result.skipped
    })
    say({ stage: "writing", message: `Writing ${(bytes.length / 1e6).toFixed(1)} MB to ${opts.out}…` })
    yield* writeAtomic(opts.out, bytes)
    const status = yield* indexStatus(opts.out)
    say({ stage: "done", message: `Indexed ${status.packages} packages in ${((Date.now() - started) / 1000).toFixed(1)} s.` })
    return { status, skipped: result.skipped, warnings }
  })

/** The IndexBuilder service over this call's Nix. */
export const IndexBuilderLive = Layer.effect(IndexBuilder, Effect.map(Nix, (nix) => ({
  build: (options: BuildOptions) => buildIndex(options).pipe(Effect.provideService(Nix, nix))
})))

/**
 * Building the index: import a file (`from`) or ask the user's Nix, then serialise and write atomically.
 * A failed import or evaluation leaves the existing index untouched.
 *
 * Progress is reported through the optional `onProgress` callback (plain objects, one per stage), so
 * the CLI can render it however it renders progress.
 */
import { Effect, Either, Schema } from "effect"
import { freemem } from "node:os"
import { existsSync } from "node:fs"
import { realpath } from "node:fs/promises"
import { join } from "node:path"
import { ImportFailed, type FileError, type IndexCorrupt, type IndexMissing } from "../../domain/errors.js"
import { Nix, type RunError } from "../../services/Nix.js"
import type { BuildOptions, BuildProgress, BuildResult } from "../../domain/index/IndexBuild.js"
import {
  flakeMetadataArgv, NIXPKGS_ALLOW_ENV, nixEnvQueryArgv, nixpkgsPathArgv, nixpkgsVersionArgv, nixSearchArgv
} from "../../domain/index/buildArgv.js"
import type { ImportResult } from "../../domain/index/importNixEnv.js"
import { importNixEnv, importNixSearch, importPackageListing } from "../../domain/index/importNixEnv.js"
import { packagesJsonUrl } from "../../domain/index/releaseUrl.js"
import { IMPORTANCE } from "../../domain/index/importance.generated.js"
import { DEBIAN_WORDS } from "../../domain/index/debianWords.generated.js"
import { DEBIAN_PHRASES } from "../../domain/index/debianPhrases.generated.js"
import { parseDebianPhrases, parseDebianWords } from "../../domain/index/debianWords.js"
import { parseImportance } from "../../domain/index/importance.js"
import { moduleFacts } from "../../domain/index/nixosModules.js"
import { moduleNames } from "../../domain/index/optionHits.js"
import { serializeIndex } from "../../domain/index/serializeIndex.js"
import { indexStatus } from "./indexStatus.js"
import { download } from "./download.js"
import { parseJsonBytes, parseJsonText, readImportFile, readNixosOptions } from "./readImportFile.js"
import { readProgramsDb } from "./readProgramsDb.js"
import { writeAtomic } from "./writeAtomic.js"
import { NetworkProbe } from "../../services/NetworkProbe.js"
import { requireReachable } from "../network/requireReachable.js"

/** The options of the running NixOS, as its manual has them (documentation.nixos.enable, the default). */
export const NIXOS_OPTIONS_JSON = "/run/current-system/sw/share/doc/nixos/options.json"

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
      // A flake on the network, and no network: say so at once instead of after Nix's retries
      // (IndexBuilderLive always provides the probe; a bare buildIndex in a bench has none).
      const probe = yield* Effect.serviceOption(NetworkProbe)
      if (probe._tag === "Some") yield* requireReachable(probe.value, { _tag: "flake", ref: opts.flake })
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
    // The channel's command database (NixOS channels ship programs.sqlite next to nixpkgs).
    let channelPrograms: string | undefined
    if (opts.file === undefined && opts.programs === undefined) {
      const where = yield* nix.exec({ argv: nixpkgsPathArgv, mutating: false, timeoutMs: 60_000 })
      const candidate = where.exitCode === 0 ? join(where.stdout.trim(), "programs.sqlite") : undefined
      if (candidate !== undefined && existsSync(candidate)) channelPrograms = candidate
    }
    return {
      result: yield* parsed(argv, out.stdout, importNixEnv),
      source: opts.file === undefined ? "channel:<nixpkgs>" : `nix-file:${opts.file}`,
      revision: typeof version === "string" ? version : null,
      channelPrograms
    }
  })

const parsed = (argv: ReadonlyArray<string>, stdout: string, imp: (json: unknown) => ImportResult | string) => {
  const json = parseJsonText(stdout)
  const result = typeof json === "string" ? json : imp(json)
  return typeof result === "string"
    ? Effect.fail(new ImportFailed({ path: argv.join(" "), detail: result }))
    : Effect.succeed(result)
}

/** The packages.json(.br) of a release: at --url, or the one of the release the user's channel is. */
const fromRelease = (opts: BuildOptions, say: (p: BuildProgress) => void) =>
  Effect.gen(function*() {
    let url = opts.url
    let channelPrograms: string | undefined
    if (url === undefined) {
      const nix = yield* Nix
      const where = yield* nix.exec({ argv: nixpkgsPathArgv, mutating: false, timeoutMs: 60_000 })
      const channel = where.exitCode === 0 ? where.stdout.trim() : ""
      const real = channel === "" ? "" : yield* Effect.orElseSucceed(Effect.tryPromise(() => realpath(channel)), () => channel)
      url = packagesJsonUrl(real)
      if (url === undefined) {
        return yield* Effect.fail(new ImportFailed({
          path: channel === "" ? "<nixpkgs>" : real,
          detail: `it does not name a NixOS release (nixos-YY.MM...), so there is no packages.json to download for it${opts.flake !== undefined ? " (a flake names a revision, not a release)" : ""}; pass --url URL, e.g. https://channels.nixos.org/nixos-unstable/packages.json.br`
        }))
      }
      say({ stage: "downloading", message: `Your channel is ${real}: using ${url}` })
      if (opts.programs === undefined && existsSync(join(channel, "programs.sqlite"))) channelPrograms = join(channel, "programs.sqlite")
    }
    const from = url
    say({ stage: "downloading", message: `Downloading ${from}…`, bytes: { received: 0, total: null } })
    const bytes = yield* download(from, (p) => say({ stage: "downloading", message: `Downloading ${from}`, bytes: p }))
    say({ stage: "parsing", message: `Read ${(bytes.length / 1e6).toFixed(1)} MB from ${from}.` })
    const fail = (detail: string) => new ImportFailed({ path: from, detail })
    const imported = importPackageListing(yield* parseJsonBytes(bytes, fail))
    if (typeof imported === "string") return yield* Effect.fail(fail(imported))
    const release = /\/((?:nixos|nixpkgs)-[^/]+)\/packages\.json/.exec(from)?.[1] ?? null
    return { result: imported, source: `url:${from}`, revision: release, channelPrograms }
  })

/**
 * Reading, importing and serialising are synchronous: a Ctrl-C or SIGTERM that arrives meanwhile is
 * only seen when the event loop runs. A timer turn between stages lets it run, so the build stops there
 * (the old index untouched) instead of finishing and replacing the index after the user said stop.
 */
const signalPoint = Effect.sleep(0)

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
    const from = opts.from
    const { result, source, revision, channelPrograms } = from !== undefined
      ? yield* Effect.gen(function*() {
        say({ stage: "reading", message: `Reading ${from}…` })
        const imported = yield* readImportFile(from)
        yield* signalPoint
        return { result: imported, source: `file:${from}`, revision: null, channelPrograms: undefined }
      })
      : opts.url !== undefined || opts.download === true ? yield* fromRelease(opts, say)
      : yield* fromNix(opts, say, warnings)
    const programsPath = opts.programs ?? channelPrograms
    const programs = programsPath === undefined ? undefined : yield* readProgramsDb(programsPath)
    say(programs === undefined
      ? { stage: "commands", message: "No programs database (programs.sqlite): which package has which command will be guessed." }
      : { stage: "commands", message: `Commands from ${programsPath} (${programs.size} commands): provides answers will be certain.` })
    // What NixOS modules say packages are (services.nginx: a web server): --options, or this NixOS's manual.
    const optionsPath = opts.nixosOptions ?? (existsSync(NIXOS_OPTIONS_JSON) ? NIXOS_OPTIONS_JSON : undefined)
    const optionsJson = optionsPath === undefined ? undefined : yield* readNixosOptions(optionsPath)
    const modules = optionsJson === undefined ? undefined : moduleFacts(optionsJson, result.records)
    if (modules !== undefined) say({ stage: "reading", message: `What NixOS modules say packages are: ${modules.size} packages, from ${optionsPath}.` })
    yield* signalPoint
    say({ stage: "indexing", message: `Indexing ${result.records.length} packages…` })
    const bytes = serializeIndex(result.records, {
      source, revision: opts.revision ?? revision, builtAt: new Date().toISOString(),
      buildMs: Date.now() - started, skipped: result.skipped,
      programs: programs === undefined ? null : programsPath,
      options: optionsPath ?? null
    }, { modules, programs, importance: parseImportance(IMPORTANCE), debianWords: parseDebianWords(DEBIAN_WORDS), debianPhrases: parseDebianPhrases(DEBIAN_PHRASES), moduleNames: optionsJson === undefined ? undefined : moduleNames(optionsJson) })
    // The last point to stop: after it the new index replaces the old one in one rename.
    yield* signalPoint
    say({ stage: "writing", message: `Writing ${(bytes.length / 1e6).toFixed(1)} MB to ${opts.out}…` })
    yield* writeAtomic(opts.out, bytes)
    const status = yield* indexStatus(opts.out)
    say({ stage: "done", message: `Indexed ${status.packages} packages in ${((Date.now() - started) / 1000).toFixed(1)} s.` })
    return { status, skipped: result.skipped, warnings }
  })

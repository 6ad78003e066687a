/**
 * The `nix profile` backend: Nix's modern profile commands, on Nix 2.4 to 2.26+ (manifest versions 1-3,
 * `install` or `add`). It serves profiles with a manifest.json and new profiles; a nix-env profile
 * (manifest.nix) is CannotServe, so the two kinds are never mixed in one profile.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect } from "effect"
import * as A from "../../../domain/argv/profileArgv.js"
import { hasNixProfile } from "../../../domain/argv/NixVersion.js"
import { validateAttrPaths, validateProgram } from "../../../domain/argv/packageWord.js"
import { sourceOf } from "../../../domain/argv/PackageSource.js"
import { consecutive, detailsFrom, searchResults } from "../../../domain/backends/answers.js"
import { type Handlers, serveWith } from "../../../domain/backends/handlers.js"
import * as P from "../../../domain/backends/profile/plans.js"
import { CannotServe, ManifestUnsupported, type ServeError } from "../../../domain/errors.js"
import { answer, planned } from "../../../domain/Plan.js"
import { diffGenerations } from "../../../domain/profile/GenerationDiff.js"
import { installedOf } from "../../../domain/profile/Profile.js"
import type { Backend } from "../../../services/Backend.js"
import { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { Nix } from "../../../services/Nix.js"
import { PackageIndex } from "../../../services/PackageIndex.js"
import { ProfileInspector } from "../../../services/ProfileInspector.js"
import { Settings } from "../../../services/Settings.js"
import { planExecution } from "../common/executePlan.js"
import { detectNixEnvironment } from "../common/NixEnvironment.js"
import { deadStorePaths, nixJson } from "../common/nixJson.js"
import { withBuildPreview } from "../common/preview.js"
import { withSuggestions } from "../common/suggestions.js"
import { flakeUpdatePlan, userFlakeTarget } from "../common/flakeUpdatePlan.js"

/** Searching without the package index evaluates the whole package set. */
const slowSearchNote = "Searched with nix search, which evaluates every package and can take a while. Build the package index for instant search: ask-nix index build"

const cannot = (reason: string) => new CannotServe({ backend: P.backendName, reason })

export const ProfileBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | ProfileInspector | FileSystem.FileSystem> = Effect.gen(function*() {
  const nix = yield* Nix
  const files = yield* FileSystem.FileSystem
  const settings = yield* Settings
  const inspector = yield* ProfileInspector
  const index = yield* Effect.serviceOption(PackageIndex)
  const profilePath = settings.profile
  const source = sourceOf(settings.file, settings.flake)

  const environment = yield* Effect.cached(
    detectNixEnvironment(nix, P.backendName).pipe(
      Effect.filterOrFail((env) => hasNixProfile(env.version), (env) => cannot(`Nix ${env.version.text} has no "nix profile" (needs 2.4 or newer)`))
    )
  )
  const context = Effect.map(environment, (env): A.ProfileArgvContext => ({
    version: env.version,
    profile: settings.defaultProfile ? undefined : profilePath,
    source,
    experimental: env.experimental
  }))

  /** The profile, if this backend may manage it. */
  const state: Effect.Effect<P.ProfileState, ServeError> = Effect.flatMap(inspector.inspect(profilePath), (info): Effect.Effect<P.ProfileState, ServeError> => {
    if (info.kind === "nix-env") {
      return Effect.fail(cannot(`${profilePath} is a nix-env profile (manifest.nix); mixing in "nix profile" would break it`))
    }
    if (typeof info.manifest === "string") {
      return Effect.fail(new ManifestUnsupported({ profile: profilePath, detail: info.manifest }))
    }
    const manifest = info.manifest ?? { version: 0, elements: [] }
    return Effect.succeed({ path: profilePath, manifest, generations: info.generations, current: info.current })
  })

  /** Nix detected and the profile read: every handler starts here. */
  const ready = Effect.all({ ctx: context, s: state })

  const handlers: Handlers<ServeError> = {
    install: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const attrs = yield* validateAttrPaths(i.packages)
      const todo = attrs.filter((a) => P.findElement(s.manifest, a) === undefined)
      return planned(yield* withBuildPreview(nix, A.buildDryRun(ctx, todo))(P.installPlan(ctx, s, i, attrs)))
    }),
    remove: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(yield* P.removePlan(ctx, s, i, yield* validateAttrPaths(i.packages)))
    }),
    update: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(yield* P.updatePlan(ctx, s, i, yield* validateAttrPaths(i.packages)))
    }),
    rollback: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(yield* P.rollbackPlan(ctx, s, i))
    }),
    clean: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(P.cleanPlan(ctx, s, i, yield* deadStorePaths(nix, A.printDead)))
    }),
    try: (i) => Effect.gen(function*() {
      const { ctx } = yield* ready
      const attrs = yield* validateAttrPaths(i.packages)
      const command = i.command === undefined ? undefined : yield* validateProgram(i.command)
      return planned(P.tryPlan(ctx, i, attrs, command))
    }),
    list: () => Effect.map(ready, ({ s }) => answer({ _tag: "list", profile: profilePath, packages: installedOf(s.manifest) })),
    generations: () => Effect.gen(function*() {
      const { s } = yield* ready
      const diffs = yield* Effect.forEach(consecutive(s.generations), ([a, b]) =>
        Effect.map(Effect.all([inspector.manifestOf(profilePath, a), inspector.manifestOf(profilePath, b)]), ([ma, mb]) =>
          ma && mb ? [diffGenerations(a, installedOf(ma), b, installedOf(mb))] : []))
      return answer({ _tag: "generations", profile: profilePath, generations: s.generations, diffs: diffs.flat() })
    }),
    info: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const packages = yield* Effect.forEach(yield* validateAttrPaths(i.packages), (attr) => {
        const argv = A.nixEvalInfo(ctx, attr)
        return nix.run({ argv, mutating: false }).pipe(
          Effect.flatMap((r) => nixJson(argv, r.stdout)),
          Effect.map((json) => detailsFrom(attr, json, P.findElement(s.manifest, attr) !== undefined))
        )
      })
      return answer({ _tag: "info", packages })
    }),
    // Not about the profile: `nix flake`, the same new-style CLI, on your flake (--flake-dir or this folder).
    "flake-update": (i) => flakeUpdatePlan(nix, P.backendName, i, userFlakeTarget(settings)).pipe(
      Effect.map(planned),
      Effect.provideService(FileSystem.FileSystem, files)
    ),
    search: (i) => Effect.gen(function*() {
      const { ctx } = yield* ready
      const ref = source._tag === "flake" ? source.ref : undefined
      if (ref === undefined) return yield* cannot("searching a --file package set is left to nix-env")
      const argv = A.nixSearch(ctx, ref, i.query.split(/\s+/)[0] ?? i.query)
      const json = yield* Effect.flatMap(nix.run({ argv, mutating: false }), (r) => nixJson(argv, r.stdout))
      const results = searchResults(json, i.query, /^(legacyPackages|packages)\.[^.]+\./)
      return answer({ _tag: "search", query: i.query, results, total: results.length, note: slowSearchNote })
    })
  }
  const serve = serveWith(P.backendName, handlers, (kind) => `"${kind}" is not a profile operation`)

  const { execute, result } = planExecution({
    nix,
    currentGeneration: Effect.map(inspector.inspect(profilePath), (i) => i.current),
    context,
    switchBack: (ctx, n) => A.profileRollback(ctx, n)
  })

  return {
    name: P.backendName,
    description: "Nix's `nix profile` commands (profiles with a manifest.json), and `nix flake update`",
    serve: (intent) => serve(intent).pipe(withSuggestions(index)),
    execute,
    result
  } satisfies Backend
})

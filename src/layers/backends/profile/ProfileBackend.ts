/**
 * The `nix profile` backend: Nix's modern profile commands, on Nix 2.4 to 2.26+ (manifest versions 1-3,
 * `install` or `add`). It serves profiles with a manifest.json and new profiles; a nix-env profile
 * (manifest.nix) is CannotServe, so the two kinds are never mixed in one profile.
 */
import { Effect, Either } from "effect"
import * as A from "../../../domain/argv/profileArgv.js"
import { hasNixProfile } from "../../../domain/argv/NixVersion.js"
import { validateAttrPaths, validateProgram } from "../../../domain/argv/packageWord.js"
import { sourceOf } from "../../../domain/argv/PackageSource.js"
import { CannotServe, ManifestUnsupported, NixOutputInvalid, type ServeError } from "../../../domain/errors.js"
import type { Intent } from "../../../domain/Intent.js"
import { answer, planned, type Outcome } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import { Nix } from "../../../services/Nix.js"
import { PackageIndex } from "../../../services/PackageIndex.js"
import { Settings } from "../../../services/Settings.js"
import { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { consecutive, detailsFrom, diffPackages, installedFromManifest, searchResults } from "../../../domain/backends/answers.js"
import { planExecution } from "../common/executePlan.js"
import { detectNixEnvironment } from "../common/NixEnvironment.js"
import { withBuildPreview } from "../common/preview.js"
import { ProfileInspector } from "../../../services/ProfileInspector.js"
import { withSuggestions } from "../common/suggestions.js"
import * as P from "../../../domain/backends/profile/plans.js"

/** Searching without the package index evaluates the whole package set. */
const slowSearchNote = "Searched with nix search, which evaluates every package and can take a while. Build the package index for instant search: ask-nix index build"

const cannot = (reason: string) => new CannotServe({ backend: P.backendName, reason })

const parseJson = (argv: ReadonlyArray<string>, text: string): Effect.Effect<unknown, NixOutputInvalid> =>
  Effect.try({ try: () => JSON.parse(text) as unknown, catch: (e) => new NixOutputInvalid({ argv: [...argv], detail: String(e) }) })

export const ProfileBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | ProfileInspector> = Effect.gen(function*() {
  const nix = yield* Nix
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
  const state: Effect.Effect<P.ProfileState, CannotServe | ManifestUnsupported> = Effect.flatMap(inspector.inspect(profilePath), (info): Effect.Effect<P.ProfileState, CannotServe | ManifestUnsupported> => {
    if (info.kind === "nix-env") {
      return Effect.fail(cannot(`${profilePath} is a nix-env profile (manifest.nix); mixing in "nix profile" would break it`))
    }
    if (typeof info.manifest === "string") {
      return Effect.fail(new ManifestUnsupported({ profile: profilePath, detail: info.manifest }))
    }
    const manifest = info.manifest ?? { version: 0, elements: [] }
    return Effect.succeed({ path: profilePath, manifest, generations: info.generations, current: info.current })
  })

  const words = (packages: ReadonlyArray<string>) => Either.match(validateAttrPaths(packages), { onLeft: Effect.fail, onRight: Effect.succeed })

  const info = (ctx: A.ProfileArgvContext, s: P.ProfileState, attrs: ReadonlyArray<string>) =>
    Effect.forEach(attrs, (attr) => {
      const argv = A.nixEvalInfo(ctx, attr)
      return nix.run({ argv, mutating: false }).pipe(
        Effect.flatMap((r) => parseJson(argv, r.stdout)),
        Effect.map((json) => detailsFrom(attr, json, P.findElement(s.manifest, attr) !== undefined))
      )
    })

  const search = (ctx: A.ProfileArgvContext, query: string) => {
    const ref = source._tag === "flake" ? source.ref : undefined
    if (ref === undefined) return Effect.fail(cannot("searching a --file package set is left to nix-env"))
    const argv = A.nixSearch(ctx, ref, query.split(/\s+/)[0] ?? query)
    return nix.run({ argv, mutating: false }).pipe(
      Effect.flatMap((r) => parseJson(argv, r.stdout === "" ? "{}" : r.stdout)),
      Effect.map((json) => {
        const results = searchResults(json, query, /^(legacyPackages|packages)\.[^.]+\./)
        return answer({ _tag: "search", query, results, total: results.length, note: slowSearchNote })
      })
    )
  }

  const generations = (s: P.ProfileState) =>
    Effect.gen(function*() {
      const diffs = yield* Effect.forEach(consecutive(s.generations), ([a, b]) =>
        Effect.map(Effect.all([inspector.manifestOf(profilePath, a), inspector.manifestOf(profilePath, b)]), ([ma, mb]) =>
          ma && mb ? [diffPackages(a, b, installedFromManifest(ma), installedFromManifest(mb))] : []))
      return answer({ _tag: "generations", profile: profilePath, generations: s.generations, diffs: diffs.flat() })
    })

  const deadPaths = nix.run({ argv: A.printDead, mutating: false }).pipe(
    Effect.map((r) => r.stdout.split("\n").filter((l) => l.startsWith("/nix/store/"))),
    Effect.orElseSucceed(() => [] as ReadonlyArray<string>)
  )

  const serve = (intent: Intent): Effect.Effect<Outcome, ServeError> =>
    Effect.gen(function*(): Effect.fn.Return<Outcome, ServeError> {
      switch (intent._tag) {
        case "install": case "remove": case "update": case "list": case "rollback": case "generations":
        case "clean": case "info": case "try": case "search": break
        default: return yield* Effect.fail(cannot(`"${intent._tag}" is not a profile operation`))
      }
      const ctx = yield* context
      const s = yield* state
      switch (intent._tag) {
        case "install": {
          const attrs = yield* words(intent.packages)
          const todo = attrs.filter((a) => P.findElement(s.manifest, a) === undefined)
          return planned(yield* withBuildPreview(nix, A.buildDryRun(ctx, todo))(P.installPlan(ctx, s, intent, attrs)))
        }
        case "remove": return planned(yield* P.removePlan(ctx, s, intent, yield* words(intent.packages)))
        case "update": return planned(yield* P.updatePlan(ctx, s, intent, yield* words(intent.packages)))
        case "rollback": return planned(yield* P.rollbackPlan(ctx, s, intent))
        case "clean": return planned(P.cleanPlan(ctx, s, intent, intent.keep, yield* deadPaths))
        case "try": {
          const attrs = yield* words(intent.packages)
          const command = intent.command === undefined ? undefined : yield* Either.match(validateProgram(intent.command), { onLeft: Effect.fail, onRight: Effect.succeed })
          return planned(P.tryPlan(ctx, intent, attrs, command))
        }
        case "list": return answer({ _tag: "list", profile: profilePath, packages: installedFromManifest(s.manifest) })
        case "generations": return yield* generations(s)
        case "info": return answer({ _tag: "info", packages: yield* info(ctx, s, yield* words(intent.packages)) })
        case "search": return yield* search(ctx, intent.query)
      }
    }).pipe(withSuggestions(index))

  const { execute, result } = planExecution({
    nix,
    currentGeneration: Effect.map(inspector.inspect(profilePath), (i) => i.current),
    context,
    switchBack: (ctx, n) => A.profileRollback(ctx, n)
  })

  return {
    name: P.backendName,
    description: "Nix's `nix profile` commands (profiles with a manifest.json)",
    serve,
    execute,
    result
  } satisfies Backend
})

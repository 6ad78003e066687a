/**
 * The `nix profile` backend: Nix's modern profile commands, on Nix 2.4 to 2.26+ (manifest versions 1-3,
 * `install` or `add`). It serves profiles with a manifest.json and new profiles; a nix-env profile
 * (manifest.nix) is CannotServe, so the two kinds are never mixed in one profile.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Option } from "effect"
import { randomBytes } from "node:crypto"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as A from "../../../domain/argv/profileArgv.js"
import { hasNixProfile } from "../../../domain/argv/NixVersion.js"
import { validateAttrPaths, validateProgram } from "../../../domain/argv/packageWord.js"
import { sourceOf } from "../../../domain/argv/PackageSource.js"
import { consecutive, detailsFrom, searchResults } from "../../../domain/backends/answers.js"
import { type Handlers, serveWith } from "../../../domain/backends/handlers.js"
import * as P from "../../../domain/backends/profile/plans.js"
import { CannotServe, ManifestUnsupported, type ServeError } from "../../../domain/errors.js"
import { answer, planned, withNotes } from "../../../domain/Plan.js"
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
import { stagedSame } from "../common/samePackages.js"
import { allowedByEnv, checkRestrictions, describedByIndex } from "../common/restrictions.js"
import { requireReachable } from "../../network/requireReachable.js"
import { NetworkProbe } from "../../../services/NetworkProbe.js"
import { flakeUpdatePlan, userFlakeTarget } from "../common/flakeUpdatePlan.js"
import { cachedOnFirstUse } from "../../../services/cachedOnFirstUse.js"

/** Searching without the package index evaluates the whole package set. */
const slowSearchNote = "Searched with nix search, which evaluates every package and can take a while. Build the package index for instant search: ask-nix index build"

/** Where an update stages its copy of the profile (created and removed by the executor). */
const stagingDir = () => join(tmpdir(), `ask-nix-update-${process.pid}-${randomBytes(4).toString("hex")}`)

const cannot = (reason: string) => new CannotServe({ backend: P.backendName, reason })

export const ProfileBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | ProfileInspector | FileSystem.FileSystem | NetworkProbe> = Effect.gen(function*() {
  const nix = yield* Nix
  const files = yield* FileSystem.FileSystem
  const probe = yield* NetworkProbe
  const settings = yield* Settings
  const inspector = yield* ProfileInspector
  const index = yield* Effect.serviceOption(PackageIndex)
  const profilePath = settings.profile
  const source = sourceOf(settings.file, settings.flake)

  const environment = cachedOnFirstUse(
    detectNixEnvironment(nix, P.backendName).pipe(
      Effect.filterOrFail((env) => hasNixProfile(env.version), (env) => cannot(`Nix ${env.version.text} has no "nix profile" (needs 2.4 or newer)`))
    )
  )
  // Read when a plan first needs the context, not when the backend is made: reading the variables through
  // Effect's Config was about 0.5 ms of every call from the startup snapshot, list and search too.
  const allowedByEnvironment = cachedOnFirstUse(allowedByEnv)
  const context = Effect.zipWith(environment, allowedByEnvironment, (env, allowed): A.ProfileArgvContext => ({
    version: env.version,
    profile: settings.defaultProfile ? undefined : profilePath,
    source,
    experimental: env.experimental,
    // NIXPKGS_ALLOW_UNFREE=1 and the like reach a flake's nixpkgs only in impure evaluation.
    impure: source._tag === "flake" && allowed.size > 0
  }))
  /** Fails at once (NixpkgsUnreachable) when the source is on the network and the network is not there. */
  const reachable = cachedOnFirstUse(requireReachable(probe, source))
  /** What the plan must say about unfree/broken/insecure packages (or the refusal, with the advice). */
  const restricted = (attrs: ReadonlyArray<string>) =>
    checkRestrictions(describedByIndex(source) ? index : Option.none(), attrs, source._tag === "flake" ? "flake" : "impure")

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

  /** What changed between generations a and b (undefined when a manifest cannot be read). */
  const diffOf = (a: number, b: number) =>
    Effect.map(Effect.all([inspector.manifestOf(profilePath, a), inspector.manifestOf(profilePath, b)]), ([ma, mb]) =>
      ma && mb ? diffGenerations(a, installedOf(ma), b, installedOf(mb)) : undefined)

  /** Nix detected and the profile read: every handler starts here. */
  const ready = Effect.all({ ctx: context, s: state })

  const handlers: Handlers<ServeError> = {
    install: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const attrs = yield* validateAttrPaths(i.packages)
      const todo = attrs.filter((a) => P.findElement(s.manifest, a) === undefined)
      const notes = yield* restricted(todo)
      if (todo.length > 0) yield* reachable
      return planned(yield* withBuildPreview(nix, A.buildDryRun(ctx, todo))(withNotes(P.installPlan(ctx, s, i, attrs), notes)))
    }),
    remove: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(yield* P.removePlan(ctx, s, i, yield* validateAttrPaths(i.packages)))
    }),
    update: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const plan = yield* P.updatePlan(ctx, s, i, yield* validateAttrPaths(i.packages), stagingDir())
      if (plan.steps.length > 0) yield* reachable
      return planned(plan)
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
      const notes = yield* restricted(attrs)
      yield* reachable
      return planned(withNotes(P.tryPlan(ctx, i, attrs, command), notes))
    }),
    list: () => Effect.map(ready, ({ s }) => answer({ _tag: "list", profile: profilePath, packages: installedOf(s.manifest) })),
    generations: () => Effect.gen(function*() {
      const { s } = yield* ready
      const diffs = yield* Effect.forEach(consecutive(s.generations), ([a, b]) => Effect.map(diffOf(a, b), (d) => (d ? [d] : [])))
      return answer({ _tag: "generations", profile: profilePath, generations: s.generations, diffs: diffs.flat() })
    }),
    info: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const attrs = yield* validateAttrPaths(i.packages)
      yield* reachable
      const packages = yield* Effect.forEach(attrs, (attr) => {
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
      yield* reachable
      const argv = A.nixSearch(ctx, ref, i.query.split(/\s+/)[0] ?? i.query)
      const json = yield* Effect.flatMap(nix.run({ argv, mutating: false }), (r) => nixJson(argv, r.stdout))
      const results = searchResults(json, i.query, /^(legacyPackages|packages)\.[^.]+\./)
      return answer({ _tag: "search", query: i.query, results, total: results.length, note: slowSearchNote })
    })
  }
  const serve = serveWith(P.backendName, handlers, (kind) => `"${kind}" is not a profile operation`)

  const { execute, result } = planExecution({
    nix,
    samePackages: stagedSame(inspector),
    diff: diffOf,
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

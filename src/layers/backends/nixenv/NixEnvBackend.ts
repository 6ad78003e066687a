/**
 * The nix-env backend: Nix's legacy profile commands (`nix-env -iA/-e/-u`, generations, `nix-shell -p`),
 * for profiles with a manifest.nix and new profiles. A `nix profile` profile (manifest.json) is
 * CannotServe, so the two kinds are never mixed. Packages come from --file, or from the channel
 * (`nixpkgs.` / `nixos.` prefix); nix-env cannot read a flake (--flake other than nixpkgs: CannotServe).
 */
import { Effect } from "effect"
import { existsSync } from "node:fs"
import * as E from "../../../domain/argv/nixEnvArgv.js"
import { validateAttrPaths, validateProgram } from "../../../domain/argv/packageWord.js"
import { printDead } from "../../../domain/argv/profileArgv.js"
import { consecutive, detailsFrom, searchResults } from "../../../domain/backends/answers.js"
import { type Handlers, serveWith } from "../../../domain/backends/handlers.js"
import { channelFrom, parseInstalled } from "../../../domain/backends/nixenv/installed.js"
import * as P from "../../../domain/backends/nixenv/plans.js"
import { CannotServe, NixOutputInvalid, type ServeError } from "../../../domain/errors.js"
import { answer, planned, withNotes, type GenerationDiff, type InstalledPackage } from "../../../domain/Plan.js"
import { diffGenerations } from "../../../domain/profile/GenerationDiff.js"
import type { Backend } from "../../../services/Backend.js"
import type { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { History } from "../../../services/History.js"
import { Nix } from "../../../services/Nix.js"
import { PackageIndex } from "../../../services/PackageIndex.js"
import { ProfileInspector } from "../../../services/ProfileInspector.js"
import { Settings } from "../../../services/Settings.js"
import { planExecution } from "../common/executePlan.js"
import { detectVersion, probeTimeoutMs } from "../common/NixEnvironment.js"
import { deadStorePaths, nixJson } from "../common/nixJson.js"
import { withBuildPreview } from "../common/preview.js"
import { withSuggestions } from "../common/suggestions.js"
import { stagedSame } from "../common/samePackages.js"
import { checkRestrictions } from "../common/restrictions.js"
import { cachedOnFirstUse } from "../../../services/cachedOnFirstUse.js"

/** Searching without the package index evaluates the whole package set. */
const slowSearchNote = "Searched with nix-env -qaP, which evaluates every package and can take a while. Build the package index for instant search: ask-nix index build"

const cannot = (reason: string) => new CannotServe({ backend: P.backendName, reason })

/** How many recent generations get a "what changed" diff (one query each). */
const diffLimit = 10

export const NixEnvBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | ProfileInspector | History> = Effect.gen(function*() {
  const nix = yield* Nix
  const history = yield* History
  const settings = yield* Settings
  const inspector = yield* ProfileInspector
  const index = yield* Effect.serviceOption(PackageIndex)
  const profilePath = settings.profile
  const profileOpt = settings.defaultProfile ? undefined : profilePath

  const available = cachedOnFirstUse(detectVersion(nix, P.backendName, "nix-env"))

  const channel = cachedOnFirstUse(
    nix.exec({ argv: ["nix-channel", "--list"], mutating: false, timeoutMs: probeTimeoutMs }).pipe(
      Effect.map((r) => (r.exitCode === 0 ? r.stdout : "")),
      Effect.orElseSucceed(() => ""),
      Effect.map((out) => channelFrom(out, existsSync("/etc/NIXOS")))
    )
  )

  const context: Effect.Effect<E.NixEnvArgvContext, CannotServe> = Effect.gen(function*() {
    yield* available
    if (settings.file === undefined && settings.flake !== "nixpkgs") {
      return yield* Effect.fail(cannot(`nix-env cannot take packages from a flake (${settings.flake}); use --file or the profile backend`))
    }
    return { profile: profileOpt, file: settings.file, channel: settings.file === undefined ? yield* channel : "nixpkgs" }
  })

  /** What is installed in the profile (or in one generation's link), as nix-env lists it. */
  const query = (profile: string | undefined) => {
    const argv = E.envQueryInstalled({ profile, file: undefined, channel: "nixpkgs" })
    return nix.run({ argv, mutating: false }).pipe(
      Effect.flatMap((r) => nixJson(argv, r.stdout)),
      Effect.flatMap((json) => {
        const list = parseInstalled(json)
        return list === undefined ? Effect.fail(new NixOutputInvalid({ argv, detail: "not an object of packages" })) : Effect.succeed(list)
      })
    )
  }

  const state: Effect.Effect<P.EnvState, ServeError> = Effect.gen(function*() {
    const info = yield* inspector.inspect(profilePath)
    if (info.kind === "profile") {
      return yield* Effect.fail(cannot(`${profilePath} is a "nix profile" profile (manifest.json); mixing in nix-env would break it`))
    }
    const installed = info.kind === "new" ? [] : yield* query(profileOpt)
    return { path: profilePath, installed, generations: info.generations, current: info.current }
  })

  /** What the plan must say about unfree/broken/insecure packages (the index describes the channel, or --file's file). */
  const restricted = (attrs: ReadonlyArray<string>) => checkRestrictions(index, attrs, "impure")

  /** What ask-nix installed into this profile from a file (its history): an update from the channel leaves those. */
  const installedFromFiles = Effect.gen(function*() {
    if (settings.file !== undefined) return new Map<string, string>()
    const key = yield* history.profileKey(profilePath)
    return P.installedFromFiles((yield* history.entries).filter((e) => e.profile === key))
  })

  /** nix-env found and the profile read: every handler starts here. */
  const ready = Effect.all({ ctx: context, s: state })

  const handlers: Handlers<ServeError> = {
    install: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const attrs = yield* validateAttrPaths(i.packages)
      const todo = attrs.filter((a) => P.findInstalled(s, a) === undefined)
      const notes = yield* restricted(todo)
      return planned(yield* withBuildPreview(nix, E.envInstallDryRun(ctx, todo))(withNotes(P.installPlan(ctx, s, i, attrs), notes)))
    }),
    remove: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(yield* P.removePlan(ctx, s, i, yield* validateAttrPaths(i.packages)))
    }),
    update: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const plan = yield* P.updatePlan(ctx, s, i, yield* validateAttrPaths(i.packages), yield* installedFromFiles)
      if (plan.steps.length === 0) return planned(plan)
      const names = plan.steps[0]?.argv.slice(plan.steps[0].argv.indexOf("--") + 1) ?? []
      const previewed = yield* withBuildPreview(nix, E.envUpgradeDryRun(ctx, names))(plan)
      // nix-env said what it would upgrade: nothing means already up to date (and no step to run).
      const upgrades = previewed.preview?.["upgrades"]
      return planned(Array.isArray(upgrades) && upgrades.length === 0 ? P.upToDate(previewed) : previewed)
    }),
    rollback: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(yield* P.rollbackPlan(ctx, s, i))
    }),
    clean: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      return planned(P.cleanPlan(ctx, s, i, yield* deadStorePaths(nix, printDead)))
    }),
    try: (i) => Effect.gen(function*() {
      const { ctx } = yield* ready
      const attrs = yield* validateAttrPaths(i.packages)
      const command = i.command === undefined ? undefined : yield* validateProgram(i.command)
      return planned(withNotes(P.tryPlan(ctx, i, attrs, command), yield* restricted(attrs)))
    }),
    list: () => Effect.map(ready, ({ s }) => answer({ _tag: "list", profile: profilePath, packages: s.installed })),
    generations: () => Effect.gen(function*() {
      const { s } = yield* ready
      const lists = new Map<number, ReadonlyArray<InstalledPackage> | undefined>()
      const listOf = (n: number) =>
        lists.has(n) ? Effect.succeed(lists.get(n)) : query(`${profilePath}-${n}-link`).pipe(
          Effect.tap((l) => Effect.sync(() => lists.set(n, l))),
          Effect.orElseSucceed(() => undefined)
        )
      const diffs: Array<GenerationDiff> = []
      for (const [a, b] of consecutive(s.generations).slice(-diffLimit)) {
        const la = yield* listOf(a)
        const lb = yield* listOf(b)
        if (la && lb) diffs.push(diffGenerations(a, la, b, lb))
      }
      return answer({ _tag: "generations", profile: profilePath, generations: s.generations, diffs })
    }),
    info: (i) => Effect.gen(function*() {
      const { ctx, s } = yield* ready
      const packages = yield* Effect.forEach(yield* validateAttrPaths(i.packages), (attr) => {
        const argv = E.envQueryAvailable(ctx, [attr])
        return nix.run({ argv, mutating: false }).pipe(
          Effect.flatMap((r) => nixJson(argv, r.stdout)),
          Effect.map((json) => {
            const first = typeof json === "object" && json !== null ? Object.values(json)[0] : undefined
            return detailsFrom(attr, first, s.installed.some((p) => p.name === attr))
          })
        )
      })
      return answer({ _tag: "info", packages })
    }),
    search: (i) => Effect.gen(function*() {
      const { ctx } = yield* ready
      const argv = E.envQueryAll(ctx)
      const json = yield* Effect.flatMap(nix.run({ argv, mutating: false }), (r) => nixJson(argv, r.stdout))
      const results = searchResults(json, i.query, new RegExp(`^${ctx.channel}\\.`))
      return answer({ _tag: "search", query: i.query, results, total: results.length, note: slowSearchNote })
    })
  }
  const serve = serveWith(P.backendName, handlers, (kind) => `"${kind}" is not a nix-env operation`)

  const { execute, result } = planExecution({
    nix,
    samePackages: stagedSame(inspector),
    diff: (a, b) => Effect.all([query(`${profilePath}-${a}-link`), query(`${profilePath}-${b}-link`)]).pipe(
      Effect.map(([la, lb]) => diffGenerations(a, la, b, lb)),
      // The result still says which generations changed; only the versions are missing then.
      Effect.orElseSucceed(() => undefined)
    ),
    currentGeneration: Effect.map(inspector.inspect(profilePath), (i) => i.current),
    context,
    switchBack: (ctx, n) => E.envSwitchGeneration(ctx, n)
  })

  return {
    name: P.backendName,
    description: "Nix's legacy nix-env commands (profiles with a manifest.nix, channel systems)",
    serve: (intent) => serve(intent).pipe(withSuggestions(index)),
    execute,
    result
  } satisfies Backend
})

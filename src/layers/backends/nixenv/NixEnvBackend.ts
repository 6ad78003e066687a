/**
 * The nix-env backend: Nix's legacy profile commands (`nix-env -iA/-e/-u`, generations, `nix-shell -p`),
 * for profiles with a manifest.nix and new profiles. A `nix profile` profile (manifest.json) is
 * CannotServe, so the two kinds are never mixed. Packages come from --file, or from the channel
 * (`nixpkgs.` / `nixos.` prefix); nix-env cannot read a flake (--flake other than nixpkgs: CannotServe).
 */
import { Effect, Either } from "effect"
import { existsSync } from "node:fs"
import * as E from "../../../domain/argv/nixEnvArgv.js"
import { validateAttrPaths, validateProgram } from "../../../domain/argv/packageWord.js"
import { printDead } from "../../../domain/argv/profileArgv.js"
import { CannotServe, NixOutputInvalid, type ServeError } from "../../../domain/errors.js"
import type { Intent } from "../../../domain/Intent.js"
import { answer, planned, type GenerationDiff, type Outcome } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import type { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { Nix } from "../../../services/Nix.js"
import { PackageIndex } from "../../../services/PackageIndex.js"
import { Settings } from "../../../services/Settings.js"
import { consecutive, detailsFrom, diffPackages, searchResults } from "../../../domain/backends/answers.js"
import { planExecution } from "../common/executePlan.js"
import { detectVersion, probeTimeoutMs } from "../common/NixEnvironment.js"
import { withBuildPreview } from "../common/preview.js"
import { ProfileInspector } from "../../../services/ProfileInspector.js"
import { withSuggestions } from "../common/suggestions.js"
import { channelFrom, parseInstalled } from "../../../domain/backends/nixenv/installed.js"
import * as P from "../../../domain/backends/nixenv/plans.js"

/** Searching without the package index evaluates the whole package set. */
const slowSearchNote = "Searched with nix-env -qaP, which evaluates every package and can take a while. Build the package index for instant search: ask-nix index build"

const cannot = (reason: string) => new CannotServe({ backend: P.backendName, reason })

const parseJson = (argv: ReadonlyArray<string>, text: string): Effect.Effect<unknown, NixOutputInvalid> =>
  Effect.try({ try: () => JSON.parse(text) as unknown, catch: (e) => new NixOutputInvalid({ argv: [...argv], detail: String(e) }) })

/** How many recent generations get a "what changed" diff (one query each). */
const diffLimit = 10

export const NixEnvBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | ProfileInspector> = Effect.gen(function*() {
  const nix = yield* Nix
  const settings = yield* Settings
  const inspector = yield* ProfileInspector
  const index = yield* Effect.serviceOption(PackageIndex)
  const profilePath = settings.profile
  const profileOpt = settings.defaultProfile ? undefined : profilePath

  const available = yield* Effect.cached(detectVersion(nix, P.backendName, "nix-env"))

  const channel = yield* Effect.cached(
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

  const query = (profile: string | undefined) => {
    const argv = E.envQueryInstalled({ profile, file: undefined, channel: "nixpkgs" })
    return nix.run({ argv, mutating: false }).pipe(
      Effect.flatMap((r) => parseJson(argv, r.stdout === "" ? "{}" : r.stdout)),
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

  const words = (packages: ReadonlyArray<string>) => Either.match(validateAttrPaths(packages), { onLeft: Effect.fail, onRight: Effect.succeed })

  const generations = (s: P.EnvState) =>
    Effect.gen(function*() {
      const pairs = consecutive(s.generations).slice(-diffLimit)
      const lists = new Map<number, ReadonlyArray<{ name: string; version: string }>>()
      const listOf = (n: number) =>
        lists.has(n) ? Effect.succeed(lists.get(n)) : query(`${profilePath}-${n}-link`).pipe(
          Effect.tap((l) => Effect.sync(() => lists.set(n, l))),
          Effect.orElseSucceed(() => undefined)
        )
      const diffs: Array<GenerationDiff> = []
      for (const [a, b] of pairs) {
        const la = yield* listOf(a)
        const lb = yield* listOf(b)
        if (la && lb) diffs.push(diffPackages(a, b, la, lb))
      }
      return answer({ _tag: "generations", profile: profilePath, generations: s.generations, diffs })
    })

  const info = (ctx: E.NixEnvArgvContext, s: P.EnvState, attrs: ReadonlyArray<string>) =>
    Effect.forEach(attrs, (attr) => {
      const argv = E.envQueryAvailable(ctx, [attr])
      return nix.run({ argv, mutating: false }).pipe(
        Effect.flatMap((r) => parseJson(argv, r.stdout)),
        Effect.map((json) => {
          const first = typeof json === "object" && json !== null ? Object.values(json)[0] : undefined
          return detailsFrom(attr, first, s.installed.some((p) => p.name === attr))
        })
      )
    })

  const search = (ctx: E.NixEnvArgvContext, q: string) => {
    const argv = E.envQueryAll(ctx)
    return nix.run({ argv, mutating: false }).pipe(
      Effect.flatMap((r) => parseJson(argv, r.stdout === "" ? "{}" : r.stdout)),
      Effect.map((json) => {
        const results = searchResults(json, q, new RegExp(`^${ctx.channel}\\.`))
        return answer({ _tag: "search", query: q, results, total: results.length, note: slowSearchNote })
      })
    )
  }

  const deadPaths = nix.run({ argv: printDead, mutating: false }).pipe(
    Effect.map((r) => r.stdout.split("\n").filter((l) => l.startsWith("/nix/store/"))),
    Effect.orElseSucceed(() => [] as ReadonlyArray<string>)
  )

  const serve = (intent: Intent): Effect.Effect<Outcome, ServeError> =>
    Effect.gen(function*(): Effect.fn.Return<Outcome, ServeError> {
      switch (intent._tag) {
        case "install": case "remove": case "update": case "list": case "rollback": case "generations":
        case "clean": case "info": case "try": case "search": break
        default: return yield* Effect.fail(cannot(`"${intent._tag}" is not a nix-env operation`))
      }
      const ctx = yield* context
      const s = yield* state
      switch (intent._tag) {
        case "install": {
          const attrs = yield* words(intent.packages)
          const todo = attrs.filter((a) => !s.installed.some((p) => p.name === a))
          return planned(yield* withBuildPreview(nix, E.envInstallDryRun(ctx, todo))(P.installPlan(ctx, s, intent, attrs)))
        }
        case "remove": return planned(yield* P.removePlan(ctx, s, intent, yield* words(intent.packages)))
        case "update": {
          const plan = yield* P.updatePlan(ctx, s, intent, yield* words(intent.packages))
          const names = plan.steps[0]?.argv.slice(plan.steps[0].argv.indexOf("-u") + 1) ?? []
          return planned(yield* withBuildPreview(nix, E.envUpgradeDryRun(ctx, names))(plan))
        }
        case "rollback": return planned(yield* P.rollbackPlan(ctx, s, intent))
        case "clean": return planned(P.cleanPlan(ctx, s, intent, intent.keep, yield* deadPaths))
        case "try": {
          const attrs = yield* words(intent.packages)
          const command = intent.command === undefined ? undefined : yield* Either.match(validateProgram(intent.command), { onLeft: Effect.fail, onRight: Effect.succeed })
          return planned(P.tryPlan(ctx, intent, attrs, command))
        }
        case "list": return answer({ _tag: "list", profile: profilePath, packages: s.installed })
        case "generations": return yield* generations(s)
        case "info": return answer({ _tag: "info", packages: yield* info(ctx, s, yield* words(intent.packages)) })
        case "search": return yield* search(ctx, intent.query)
      }
    }).pipe(withSuggestions(index))

  const { execute, result } = planExecution({
    nix,
    currentGeneration: Effect.map(inspector.inspect(profilePath), (i) => i.current),
    context,
    switchBack: (ctx, n) => E.envSwitchGeneration(ctx, n)
  })

  return {
    name: P.backendName,
    description: "Nix's legacy nix-env commands (profiles with a manifest.nix, channel systems)",
    serve,
    execute,
    result
  } satisfies Backend
})

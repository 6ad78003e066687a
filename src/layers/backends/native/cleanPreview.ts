/**
 * What `clean` would free, asked of the Nix daemon without deleting anything: the profile's old
 * generations that a clean deletes first stop counting as roots, then the dead paths are summed.
 */
import { Context, Effect } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { CannotServe } from "../../../domain/errors.js"
import { CleanPreview } from "../../../services/CleanPreview.js"
import { Settings } from "../../../services/Settings.js"
import type { Plan } from "../../../domain/Plan.js"
import { formatBytes, type GcOptions } from "../../../domain/daemon/Closure.js"
import { connectDaemon, type DaemonOptions, type DaemonSession } from "../../daemon/DaemonClient.js"
import { pathInfoSession } from "../../daemon/pathInfoSession.js"
import { Nix } from "../../../services/Nix.js"
import { gcPreview } from "../../daemon/StoreQueries.js"
import { readGenerationLinks } from "../../profile/ProfileFiles.js"
import { generationsToDelete } from "../../../domain/profile/generationsToDelete.js"

export interface CleanPreviewResult {
  readonly profile: string
  readonly deletedGenerations: ReadonlyArray<number>
  readonly deadPaths: ReadonlyArray<string>
  readonly freedBytes: number
  /** Where the store's paths came from: the daemon, or the snapshot (in full or in part). */
  readonly source: "daemon" | "snapshot" | "snapshot+daemon"
  /** Who answered for the store when the snapshot did not: the daemon's socket, or `nix path-info --all`. */
  readonly store: "daemon" | "nix path-info" | "snapshot"
  /** "would free 1.2 MiB (14 store paths)" */
  readonly note: string
}

export interface CleanPreviewOptions extends DaemonOptions {
  readonly gc?: GcOptions | undefined
  /** See GcPreviewOptions: "persistent" (default) or "all" (also programs running now; slower). */
  readonly roots?: "persistent" | "all" | undefined
  readonly stateDir?: string | undefined
  /**
   * A store snapshot file (e.g. under ask-nix's cache folder): while Nix's database is unchanged, a
   * preview needs no daemon; after a change, only new paths are asked of it.
   */
  readonly cacheFile?: string | undefined
  /** Without a daemon (single-user installs): the store's paths another way (pathInfoSession). */
  readonly withoutDaemon?: Effect.Effect<DaemonSession, CannotServe> | undefined
}

const realDir = (link: string) =>
  Effect.promise(() => fs.realpath(path.dirname(link)).catch(() => path.dirname(link))).pipe(
    Effect.map((dir) => path.join(dir, path.basename(link)))
  )

export const cleanPreview = (
  profile: string,
  keep: number | undefined,
  options: CleanPreviewOptions = {}
): Effect.Effect<CleanPreviewResult, CannotServe> =>
  Effect.gen(function*() {
    const links = yield* readGenerationLinks(profile).pipe(Effect.option)
    const deleted = links._tag === "Some"
      ? generationsToDelete(links.value.generations.map((g) => g.number), links.value.current, keep)
      : []
    const dropped = links._tag === "Some" ? links.value.generations.filter((g) => deleted.includes(g.number)) : []
    const dropLinks = new Set([...dropped.map((g) => g.link), ...(yield* Effect.forEach(dropped, (g) => realDir(g.link)))])
    const via: { store: CleanPreviewResult["store"] } = { store: "daemon" }
    const fallback = options.withoutDaemon
    const session = fallback === undefined ? connectDaemon(options) : connectDaemon(options).pipe(
      Effect.catchTag("CannotServe", () => Effect.tap(fallback, () => Effect.sync(() => { via.store = "nix path-info" })))
    )
    const gc = yield* gcPreview(session, { dropLinks, gc: options.gc, roots: options.roots, stateDir: options.stateDir, cacheFile: options.cacheFile })
    const store = gc.source === "snapshot" ? "snapshot" : via.store
    return {
      profile,
      deletedGenerations: deleted,
      deadPaths: gc.dead,
      freedBytes: gc.bytes,
      source: gc.source,
      store,
      note: `Would free ${formatBytes(gc.bytes)} (${gc.dead.length} store paths${deleted.length > 0 ? `, after deleting generations ${deleted.join(", ")}` : ""}` +
        `${store === "nix path-info" ? "; without a Nix daemon, measured with nix path-info --all" : ""}).`
    }
  }).pipe(Effect.scoped)

/** The same plan, with the preview in its notes and `preview` (for --json). */
export const withCleanPreview = (plan: Plan, preview: CleanPreviewResult): Plan => ({
  ...plan,
  notes: [...plan.notes, preview.note],
  preview: {
    ...plan.preview,
    wouldFreeBytes: preview.freedBytes,
    deadPaths: preview.deadPaths.length,
    deletedGenerations: preview.deletedGenerations
  }
})

/**
 * For the pipeline: a clean plan from any backend, with "would free X" added (from the daemon, or
 * without one from `options.withoutDaemon`). Never fails: when neither can tell, the plan says so.
 */
export const enrichCleanPlan = (
  plan: Plan,
  profile: string,
  options: CleanPreviewOptions = {}
): Effect.Effect<Plan> =>
  plan.intent._tag !== "clean"
    ? Effect.succeed(plan)
    : cleanPreview(profile, plan.intent.keep, options).pipe(
      Effect.map((preview) => withCleanPreview(plan, preview)),
      Effect.catchTag("CannotServe", (e) => Effect.succeed({ ...plan, notes: [...plan.notes, `(How much this would free could not be worked out: ${e.reason}.)`] }))
    )

/**
 * The CleanPreview service: the daemon at its default socket (a 2 s limit), else `nix path-info --all`
 * through the Nix choke point; the snapshot beside the index. A part of a call's services (MainLayer.ts).
 */
export const CleanPreviewLive = Effect.map(Effect.gen(function*() {
  const settings = yield* Settings
  const nix = yield* Nix
  return {
    enrich: (plan: Plan) =>
      enrichCleanPlan(plan, settings.profile, {
        timeoutMs: 2000,
        cacheFile: path.join(path.dirname(settings.index), "store-snapshot"),
        withoutDaemon: pathInfoSession(nix)
      })
  }
}), (service) => Context.make(CleanPreview, service))

/**
 * What `clean` would free, asked of the Nix daemon without deleting anything: the profile's old
 * generations that a clean deletes first stop counting as roots, then the dead paths are summed.
 */
import { Effect, Layer } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { CannotServe } from "../../../domain/errors.js"
import { CleanPreview } from "../../../services/CleanPreview.js"
import { Settings } from "../../../services/Settings.js"
import type { Plan } from "../../../domain/Plan.js"
import { formatBytes, type GcOptions } from "../../../domain/daemon/Closure.js"
import { connectDaemon, type DaemonOptions } from "../../daemon/DaemonClient.js"
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
    const gc = yield* gcPreview(connectDaemon(options), { dropLinks, gc: options.gc, roots: options.roots, stateDir: options.stateDir, cacheFile: options.cacheFile })
    return {
      profile,
      deletedGenerations: deleted,
      deadPaths: gc.dead,
      freedBytes: gc.bytes,
      source: gc.source,
      note: `would free ${formatBytes(gc.bytes)} (${gc.dead.length} store paths${deleted.length > 0 ? `, after deleting generations ${deleted.join(", ")}` : ""})`
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
 * For the pipeline: a clean plan from any backend, with "would free X" added when the daemon can tell.
 * Never fails: without a daemon (single-user installs) the plan comes back as it was.
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
      Effect.orElseSucceed(() => plan)
    )

/** The CleanPreview service: the daemon at its default socket, a 2 s limit, the snapshot beside the index. */
export const CleanPreviewLive = Layer.effect(CleanPreview, Effect.map(Settings, (settings) => ({
  enrich: (plan: Plan) =>
    enrichCleanPlan(plan, settings.profile, { timeoutMs: 2000, cacheFile: path.join(path.dirname(settings.index), "store-snapshot") })
})))

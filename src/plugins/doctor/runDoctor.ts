/** Runs every check and shapes the answer: one line per check, what to fix under it, a summary. */
import { Clock, Effect } from "effect"
import { answer, type Outcome } from "../../domain/Plan.js"
import { Settings } from "../../services/Settings.js"
import type { Check } from "./checks.js"
import { daemonCheck, diskCheck, featuresCheck, indexCheck, nixCheck, profileCheck, sourcesCheck, unreadableProfileCheck } from "./checks.js"
import { pathsFromEnv, probeDaemon, probeDisk, probeFeatures, probeIndexMtime, probeNix, probeProfile, probeSources, type DoctorPaths } from "./probes.js"

export const runChecks = (paths: DoctorPaths = pathsFromEnv()) =>
  Effect.gen(function*() {
    const settings = yield* Settings
    const nix = yield* probeNix
    const [daemon, features, disk, indexMtime, now] = yield* Effect.all([
      probeDaemon(paths),
      nix.versionOutput === undefined ? Effect.succeed({ error: "nix not found" }) : probeFeatures(nix.version),
      probeDisk(paths.storeDir),
      probeIndexMtime(settings.index),
      Clock.currentTimeMillis
    ], { concurrency: "unbounded" })
    const sources = yield* probeSources(paths, "features" in features ? features.features : [])
    const profile = yield* probeProfile(settings.profile, nix.version).pipe(Effect.either)
    return [
      nixCheck(nix),
      daemonCheck(daemon),
      featuresCheck(features),
      sourcesCheck(sources),
      profile._tag === "Right" ? profileCheck(profile.right) : unreadableProfileCheck(settings.profile, profile.left.detail),
      diskCheck(disk),
      indexCheck({ path: settings.index, modifiedMs: indexMtime, nowMs: now })
    ] satisfies ReadonlyArray<Check>
  })

const mark = { ok: "ok  ", warn: "warn", fail: "FAIL" } as const

export const report = (checks: ReadonlyArray<Check>): Outcome => {
  const count = (s: Check["status"]) => checks.filter((c) => c.status === s).length
  const [warn, fail] = [count("warn"), count("fail")]
  const summary = fail + warn === 0
    ? `All ${checks.length} checks passed: your Nix setup looks fine.`
    : `${fail} problem${fail === 1 ? "" : "s"}, ${warn} warning${warn === 1 ? "" : "s"} (of ${checks.length} checks).`
  return answer({
    _tag: "custom",
    kind: "doctor",
    data: { ok: fail === 0, checks, counts: { ok: count("ok"), warn, fail } },
    lines: [
      ...checks.flatMap((c) => [`${mark[c.status]}  ${c.title}: ${c.detail}`, ...(c.fix !== undefined && c.status !== "ok" ? [`      fix: ${c.fix}`] : [])]),
      summary
    ]
  })
}

export const runDoctor = (paths?: DoctorPaths) => Effect.map(runChecks(paths), report)

/**
 * The profile lock on disk: a file beside the profile link (`<profile>.ask-nix-lock`), created with
 * O_EXCL and holding its owner (pid, process start time, host, a random token).
 *
 * Why not flock/fcntl (what Nix uses for `<profile>.lock`): Node has no API for either, and holding one
 * through a helper process would put a second process on every call. A file naming its owner is
 * released by `release` on every exit path the runtime sees (success, failure, Ctrl-C, SIGTERM,
 * SIGHUP: the scope closes), and when the owner is killed outright (SIGKILL, a crash) the next ask-nix
 * sees that the pid is gone — or belongs to a process started at another time — and breaks the lock.
 * Breaking is itself guarded by a short-lived `<lock>.break` file, so two waiters cannot both break
 * a lock and both take it.
 */
import { Effect } from "effect"
import { randomBytes } from "node:crypto"
import * as fs from "node:fs"
import { hostname } from "node:os"
import * as path from "node:path"
import { ProfileBusy, ProfileNotWritable } from "../../domain/errors.js"
import {
  formatOwner, isStale, lockPathOf, type LockOwner, parseOwner, type ProcessFacts
} from "../../domain/profile/lockOwner.js"
import type { ProfileLockShape } from "../../services/ProfileLock.js"
import { generationOf } from "../../domain/profile/GenerationLink.js"
import { processesStartedBy, startTimeOf } from "./processIdentity.js"

const pollMs = 100

/** The profile link itself: ~/.nix-profile and other aliases followed to the link beside its `-N-link`s. */
export const profileLinkOf = (start: string): string => {
  let p = path.resolve(start)
  for (let hops = 0; hops < 16; hops++) {
    let target: string
    try { target = fs.readlinkSync(p) } catch { return p }
    if (generationOf(p, target) !== undefined || target.startsWith("/nix/store/")) return p
    p = path.resolve(path.dirname(p), target)
  }
  return p
}

/** The holder's process, and when it is gone (or its pid reused), whether a Nix it started still runs. */
const factsOf = (owner: LockOwner): ProcessFacts => {
  if (owner.host !== hostname()) return { _tag: "unknown" }
  const dead = (): ProcessFacts => {
    const pids = processesStartedBy(owner.pid, owner.start)
    return pids.length > 0 ? { _tag: "orphans", pids } : { _tag: "gone" }
  }
  try {
    process.kill(owner.pid, 0)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return dead()
  }
  const start = startTimeOf(owner.pid)
  return owner.start !== null && start !== undefined && start !== owner.start ? dead() : { _tag: "running", start }
}

const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code

/** Creates `file` holding `content` unless it exists (false then). */
const createExclusive = (file: string, content: string): boolean => {
  let fd: number
  try {
    fd = fs.openSync(file, "wx", 0o644)
  } catch (e) {
    if (errnoOf(e) === "EEXIST") return false
    throw e
  }
  try {
    fs.writeSync(fd, content)
  } finally {
    fs.closeSync(fd)
  }
  return true
}

const readIfThere = (file: string): { text: string; ageMs: number } | undefined => {
  try {
    const ageMs = Date.now() - fs.statSync(file).mtimeMs
    return { text: fs.readFileSync(file, "utf8"), ageMs }
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return undefined
    throw e
  }
}

const removeIfThere = (file: string) => {
  try { fs.unlinkSync(file) } catch (e) { if (errnoOf(e) !== "ENOENT") throw e }
}

type Attempt =
  | { readonly _tag: "taken" }
  | { readonly _tag: "held"; readonly pid: number }
  | { readonly _tag: "retry" }

/** One try: take the lock, or say who holds it, or break an abandoned one (then try again). */
const attempt = (lock: string, mine: string): Attempt => {
  if (createExclusive(lock, mine)) return { _tag: "taken" }
  const seen = readIfThere(lock)
  if (seen === undefined) return { _tag: "retry" }
  const owner = parseOwner(seen.text)
  if (!isStale(owner, owner === undefined ? { _tag: "unknown" } : factsOf(owner), seen.ageMs)) {
    return { _tag: "held", pid: owner?.pid ?? 0 }
  }
  const breaker = `${lock}.break`
  if (createExclusive(breaker, mine)) {
    try {
      // Still the abandoned lock we judged (not a new holder's): remove it.
      if (readIfThere(lock)?.text === seen.text) removeIfThere(lock)
    } finally {
      removeIfThere(breaker)
    }
  } else {
    // A breaker killed between its two steps leaves its file behind: old ones are abandoned too.
    const b = readIfThere(breaker)
    if (b !== undefined && b.ageMs > 10_000) removeIfThere(breaker)
  }
  return { _tag: "retry" }
}

export const makeProfileLock = (options: { readonly waitMs: number }): ProfileLockShape => ({
  hold: (profile, onWait) => {
    const lock = lockPathOf(profileLinkOf(profile))
    const mine = formatOwner({
      pid: process.pid, start: startTimeOf(process.pid) ?? null, host: hostname(),
      token: randomBytes(8).toString("hex"), since: new Date().toISOString()
    })
    const notWritable = (e: unknown) =>
      new ProfileNotWritable({ profile, detail: `cannot create the lock file ${lock}: ${(e as Error).message}` })
    const release = Effect.sync(() => {
      try {
        if (readIfThere(lock)?.text === mine) removeIfThere(lock)
      } catch {
        // Cannot read or remove our own lock file any more (its folder went away): nothing holds it.
      }
    })
    // A profile whose folder does not exist cannot be changed by anyone (Nix refuses it too, and says
    // so): there is nothing to guard.
    if (!fs.existsSync(path.dirname(lock))) return Effect.void
    // Each try and, once the lock is taken, registering its release happen without interruption;
    // the waiting between tries can be interrupted (Ctrl-C while waiting for another ask-nix).
    return Effect.uninterruptibleMask((restore) => Effect.gen(function*() {
      const started = Date.now()
      let told = false
      for (;;) {
        const a = yield* Effect.try({ try: () => attempt(lock, mine), catch: notWritable })
        if (a._tag === "taken") return yield* Effect.addFinalizer(() => release)
        if (a._tag === "held") {
          const waited = Date.now() - started
          if (waited >= options.waitMs) {
            return yield* new ProfileBusy({ profile, holder: a.pid, waitedSeconds: Math.round(waited / 1000) })
          }
          if (!told) { told = true; yield* restore(onWait(a.pid)) }
          yield* restore(Effect.sleep(pollMs))
        }
      }
    }))
  }
})

/** How long to wait for another ask-nix: $ASK_NIX_LOCK_WAIT seconds, default 300. */
export const lockWaitMs = (env: Readonly<Record<string, string | undefined>>): number => {
  const v = Number(env["ASK_NIX_LOCK_WAIT"])
  return Number.isFinite(v) && v >= 0 ? v * 1000 : 300_000
}

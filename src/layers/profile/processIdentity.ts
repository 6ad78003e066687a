/**
 * Who started a process, as the profile lock needs to know it. Every command NixLive starts carries
 * `ASK_NIX_STARTED_BY=<pid>:<start time>` of the ask-nix that started it, so that when an ask-nix is
 * killed outright (SIGKILL: no finalizer runs, and the Nix it started, in a process group of its own,
 * keeps going and will still switch the profile) the next ask-nix can see that the dead holder's Nix is
 * still at work and wait for it instead of changing the profile under it.
 *
 * Raw `node:fs` on /proc: the start time is field 22 of /proc/PID/stat, and a process's environment is
 * /proc/PID/environ (readable for one's own processes). Without /proc (not Linux) nothing is found,
 * and a dead holder's lock is broken as before.
 */
import * as fs from "node:fs"
import { startedByMarker, startTimeFromStat } from "../../domain/profile/lockOwner.js"

/** The kernel's start time of a process, or undefined (gone, or no /proc). */
export const startTimeOf = (pid: number): string | undefined => {
  try {
    return startTimeFromStat(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))
  } catch {
    return undefined
  }
}

/** The environment entry for the commands this process starts (read at run time, never at build time). */
export const startedByThisProcess = (): Readonly<Record<string, string>> => {
  const [name, value] = startedByMarker(process.pid, startTimeOf(process.pid) ?? null)
  return { [name]: value }
}

/** Pids of the live processes whose environment says that `pid` (started at `start`) started them. */
export const processesStartedBy = (pid: number, start: string | null): ReadonlyArray<number> => {
  const entry = startedByMarker(pid, start).join("=")
  let pids: ReadonlyArray<string>
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))
  } catch {
    return []
  }
  return pids.flatMap((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/environ`, "utf8").split("\0").includes(entry) ? [Number(p)] : []
    } catch {
      return [] // gone meanwhile, or another user's: not ours
    }
  })
}

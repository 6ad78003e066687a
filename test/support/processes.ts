/** Processes a test started (a Nix left running) found by a folder of its sandbox on their command line. */
import { readdirSync, readFileSync } from "node:fs"

/** Processes (other than `except`) whose command line mentions `dir`: a Nix left running by ask-nix. */
export const processesMentioning = (dir: string, except: ReadonlyArray<number> = []): ReadonlyArray<string> =>
  readdirSync("/proc").flatMap((pid) => {
    if (!/^\d+$/.test(pid) || except.includes(Number(pid)) || Number(pid) === process.pid) return []
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ")
      return cmd.includes(dir) && !cmd.includes("vitest") ? [`${pid}: ${cmd.slice(0, 160)}`] : []
    } catch {
      return []
    }
  })

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms))

/** Waits until no process mentions `dir` (an orphaned Nix finishing its work), up to `ms`. */
export const waitForNoProcesses = async (dir: string, ms: number): Promise<ReadonlyArray<string>> => {
  const until = Date.now() + ms
  let left = processesMentioning(dir)
  while (left.length > 0 && Date.now() < until) {
    await sleep(200)
    left = processesMentioning(dir)
  }
  return left
}

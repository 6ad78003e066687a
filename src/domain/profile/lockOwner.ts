/**
 * Who holds a profile's ask-nix lock: the holder's pid, the start time of that process (so that a
 * reused pid is not mistaken for the holder), its host, and a random token that makes the file's
 * content unique to one holding. Pure: the layer reads and writes the file.
 */
export interface LockOwner {
  readonly pid: number
  /** The process's start time as the kernel counts it (/proc/PID/stat field 22), when known. */
  readonly start: string | null
  readonly host: string
  readonly token: string
  /** ISO time the lock was taken. */
  readonly since: string
}

export const formatOwner = (o: LockOwner): string => `${JSON.stringify(o)}\n`

export const parseOwner = (text: string): LockOwner | undefined => {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>
    return typeof v.pid === "number" && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === "string" &&
        typeof v.token === "string" && typeof v.since === "string" && (typeof v.start === "string" || v.start === null)
      ? { pid: v.pid, start: v.start, host: v.host, token: v.token, since: v.since }
      : undefined
  } catch {
    return undefined
  }
}

/** The start time from the text of /proc/PID/stat (field 22; the command name in field 2 may hold spaces and parentheses). */
export const startTimeFromStat = (stat: string): string | undefined => {
  const close = stat.lastIndexOf(")")
  if (close < 0) return undefined
  const fields = stat.slice(close + 2).split(" ")
  // fields[0] is field 3 (state): field 22 is fields[19]
  return fields[19]
}

/**
 * The environment entry (name, value) that marks the commands an ask-nix starts: its pid and start time.
 * A holder killed outright leaves its Nix running; the entry lets the next ask-nix find it.
 */
export const startedByMarker = (pid: number, start: string | null): readonly [string, string] =>
  ["ASK_NIX_STARTED_BY", `${pid}:${start ?? "?"}`]

/** What is known about a process, as the layer found it. */
export type ProcessFacts =
  | { readonly _tag: "gone" }
  /** The holder is gone, but a command it started (a Nix that will still switch the profile) runs on. */
  | { readonly _tag: "orphans"; readonly pids: ReadonlyArray<number> }
  | { readonly _tag: "running"; readonly start: string | undefined }
  /** Another host's process: cannot be checked from here. */
  | { readonly _tag: "unknown" }

/**
 * Is the lock abandoned? Its holder's process is gone (and nothing it started still runs), or the pid
 * now belongs to a process that started at another time. A file that cannot be parsed is being written (it is created empty and
 * written at once) unless it is older than `graceMs`.
 */
export const isStale = (owner: LockOwner | undefined, facts: ProcessFacts, ageMs: number, graceMs = 10_000): boolean => {
  if (owner === undefined) return ageMs > graceMs
  switch (facts._tag) {
    case "gone": return true
    case "orphans": return false
    case "unknown": return false
    case "running": return owner.start !== null && facts.start !== undefined && facts.start !== owner.start
  }
}

/** The lock file of a profile: beside the profile link, as Nix keeps its own `<profile>.lock`. */
export const lockPathOf = (profileLink: string): string => `${profileLink}.ask-nix-lock`

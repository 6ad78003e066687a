/** Pure judgements of the doctor: facts in, one ok/warn/fail check with what to fix out. */
import type { Reachability } from "../../services/NetworkProbe.js"
import type { ProfileKind } from "../../domain/profile/Profile.js"

export type Status = "ok" | "warn" | "fail"

export interface Check {
  readonly id: string
  readonly title: string
  readonly status: Status
  readonly detail: string
  /** What to do about it (warn and fail). */
  readonly fix?: string | undefined
}

const check = (id: string, title: string, status: Status, detail: string, fix?: string): Check =>
  fix === undefined ? { id, title, status, detail } : { id, title, status, detail, fix }

/** "nix (Nix) 2.26.3" -> [2, 26, 3]. */
export const parseNixVersion = (stdout: string): readonly [number, number, number] | undefined => {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(stdout)
  return m === null ? undefined : [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]
}

export const atLeast = (v: readonly [number, number, number] | undefined, major: number, minor: number): boolean =>
  v !== undefined && (v[0] > major || (v[0] === major && v[1] >= minor))

export const nixCheck = (found: { path: string | undefined; versionOutput: string | undefined }): Check => {
  if (found.versionOutput === undefined)
    return check("nix", "Nix", "fail", "nix was not found on PATH", "Install Nix from https://nixos.org/download, then open a new shell.")
  const v = parseNixVersion(found.versionOutput)
  const where = found.path === undefined ? "" : ` at ${found.path}`
  if (v === undefined) return check("nix", "Nix", "warn", `nix${where} printed an unexpected version: ${found.versionOutput.trim()}`, "Reinstall Nix.")
  const version = v.join(".")
  if (!atLeast(v, 2, 4))
    return check("nix", "Nix", "warn", `Nix ${version}${where} is too old for "nix profile" and flakes`, "Upgrade Nix to 2.4 or later (ask-nix uses nix-env meanwhile).")
  return check("nix", "Nix", "ok", `Nix ${version}${where}`)
}

export interface DaemonFacts {
  readonly socketPath: string
  readonly socketExists: boolean
  /** undefined when there is no socket to try. */
  readonly connected: boolean | undefined
  readonly nixRemote: string | undefined
  /** Can this user write the Nix database (single-user install)? */
  readonly storeWritable: boolean
}

export const daemonCheck = (f: DaemonFacts): Check => {
  const title = "Nix daemon"
  if (f.socketExists && f.connected === true) return check("daemon", title, "ok", `the daemon answers on ${f.socketPath}`)
  if (f.socketExists)
    return check("daemon", title, "fail", `${f.socketPath} exists but nothing answers`, "Restart the daemon: sudo systemctl restart nix-daemon (macOS: sudo launchctl kickstart -k system/org.nixos.nix-daemon).")
  if (f.nixRemote === "daemon")
    return check("daemon", title, "fail", `NIX_REMOTE=daemon but there is no daemon socket at ${f.socketPath}`, "Start it: sudo systemctl start nix-daemon, or unset NIX_REMOTE on a single-user install.")
  if (f.storeWritable) return check("daemon", title, "ok", "single-user install: no daemon needed, and you can write the store")
  return check("daemon", title, "fail", `no daemon socket at ${f.socketPath}, and you cannot write the store yourself`, "Start the daemon: sudo systemctl start nix-daemon (multi-user), or fix the owner of /nix (single-user).")
}

/** The value of `experimental-features` in `nix config show` / `nix show-config` output. */
export const parseFeatures = (configOutput: string): ReadonlyArray<string> => {
  const line = configOutput.split("\n").find((l) => /^\s*experimental-features\s*=/.test(l))
  return line === undefined ? [] : line.replace(/^[^=]*=/, "").trim().split(/\s+/).filter((w) => w !== "")
}

export const featuresCheck = (r: { features: ReadonlyArray<string> } | { error: string }): Check => {
  const title = "Experimental features"
  const fix = 'Add "experimental-features = nix-command flakes" to ~/.config/nix/nix.conf (ask-nix falls back to nix-env without them).'
  if ("error" in r) return check("features", title, "warn", `could not read the Nix configuration (${r.error})`, fix)
  const missing = ["nix-command", "flakes"].filter((f) => !r.features.includes(f))
  if (missing.length === 0) return check("features", title, "ok", `enabled: ${r.features.join(" ")}`)
  return check("features", title, "warn", `not enabled: ${missing.join(", ")}${r.features.length > 0 ? ` (enabled: ${r.features.join(" ")})` : ""}`, fix)
}

/** `nix-channel --list` lines: "nixpkgs https://nixos.org/channels/nixpkgs-unstable". */
export const parseChannels = (stdout: string): ReadonlyArray<{ name: string; url: string }> =>
  stdout.split("\n").map((l) => l.trim().split(/\s+/)).filter((p) => p.length >= 2 && p[0] !== "")
    .map((p) => ({ name: p[0]!, url: p[1]! }))

export const sourcesCheck = (f: { channels: ReadonlyArray<{ name: string; url: string }>; registryHasNixpkgs: boolean | undefined }): Check => {
  const title = "Package sources"
  const names = f.channels.map((c) => c.name)
  if (names.length > 0 && f.registryHasNixpkgs === true) return check("sources", title, "ok", `channels: ${names.join(", ")}; flake registry has nixpkgs`)
  if (names.length > 0) return check("sources", title, names.includes("nixpkgs") ? "ok" : "warn", `channels: ${names.join(", ")}`,
    names.includes("nixpkgs") ? undefined : "Add nixpkgs: nix-channel --add https://nixos.org/channels/nixpkgs-unstable nixpkgs && nix-channel --update")
  if (f.registryHasNixpkgs === true) return check("sources", title, "ok", "no channels; the flake registry has nixpkgs (flakes will be used)")
  return check("sources", title, "warn", "no channels, and no nixpkgs in the flake registry",
    "Add a channel: nix-channel --add https://nixos.org/channels/nixpkgs-unstable nixpkgs && nix-channel --update (or enable flakes).")
}


export interface ProfileFacts {
  readonly path: string
  readonly current: ProfileKind
  /** manifest.json "version" of the current generation. */
  readonly manifestVersion?: number | undefined
  /** Kinds of all its generations. */
  readonly generationKinds: ReadonlyArray<ProfileKind>
  readonly nixVersion: readonly [number, number, number] | undefined
}

export const profileCheck = (f: ProfileFacts): Check => {
  const title = "Profile"
  if (f.current === "new") return check("profile", title, "ok", `${f.path} does not exist yet: the first install creates it`)
  const kinds = new Set(f.generationKinds.filter((k) => k !== "new"))
  const kindText = f.current === "nix-env" ? "a nix-env profile (manifest.nix)" : `a "nix profile" profile (manifest.json version ${f.manifestVersion ?? "?"})`
  if (f.current === "profile" && (f.manifestVersion ?? 0) >= 3 && f.nixVersion !== undefined && !atLeast(f.nixVersion, 2, 20))
    return check("profile", title, "fail", `${f.path} is ${kindText}, written by a newer Nix than this one (${f.nixVersion.join(".")})`,
      "Use Nix 2.20 or later for this profile, or pass --profile for another one.")
  if (kinds.size > 1)
    return check("profile", title, "warn", `${f.path} is ${kindText}, but its generations mix nix-env and "nix profile" ones`,
      f.current === "profile"
        ? 'nix-env can no longer change this profile: keep using "nix profile" (ask-nix does that for you), and do not mix tools.'
        : 'Rolling forward to a "nix profile" generation would lock nix-env out: stick with one tool for this profile.')
  return check("profile", title, "ok", `${f.path} is ${kindText}`)
}

export const unreadableProfileCheck = (path: string, detail: string): Check =>
  check("profile", "Profile", "fail", `${path} cannot be read (${detail})`, "Check the profile's owner and permissions, or pass --profile for another one.")

const GiB = 1024 ** 3

export const diskCheck = (f: { path: string; freeBytes: number } | { path: string; error: string }): Check => {
  const title = "Free space in the store"
  const fix = "Free space: ask-nix clean (removes old generations and collects garbage), or nix-collect-garbage -d."
  if ("error" in f) return check("disk", title, "warn", `could not read free space of ${f.path} (${f.error})`)
  const text = `${(f.freeBytes / GiB).toFixed(1)} GiB free on ${f.path}`
  if (f.freeBytes < 1 * GiB) return check("disk", title, "fail", text, fix)
  if (f.freeBytes < 5 * GiB) return check("disk", title, "warn", text, fix)
  return check("disk", title, "ok", text)
}

const DAY = 24 * 60 * 60 * 1000

export const indexCheck = (f: { path: string; modifiedMs: number | undefined; nowMs: number }): Check => {
  const title = "Package index"
  const rebuild = "Rebuild it: ask-nix index build"
  if (f.modifiedMs === undefined)
    return check("index", title, "warn", `no package index at ${f.path}: search, provides and typo corrections need it (ask-nix does not search all of nixpkgs with Nix instead)`, "Build it: ask-nix index build")
  const days = Math.floor(Math.max(0, f.nowMs - f.modifiedMs) / DAY)
  const age = days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`
  if (days > 30) return check("index", title, "warn", `built ${age}: new packages and versions are missing`, rebuild)
  return check("index", title, "ok", `built ${age} (${f.path})`)
}

/** Whether the package source answers: offline, say what still works. */
export const networkCheck = (f: { source: string; local: true } | { source: string; local: false; reach: Reachability }): Check => {
  const title = "Network to the package source"
  if (f.local) return check("network", title, "ok", `${f.source} is local: no network needed`)
  if (f.reach._tag === "Reachable") return check("network", title, "ok", `${f.reach.host} answers (${f.reach.ms} ms)`)
  return check("network", title, "warn",
    `${f.source} cannot be reached: ${f.reach.tried.map((t) => `${t.host}: ${t.detail}`).join("; ")} (checked in ${f.reach.ms} ms)`,
    "Installing and updating from it need the network. Offline: search and info from the package index, --file with a local Nix file, or --flake with a local flake (path:/...).")
}

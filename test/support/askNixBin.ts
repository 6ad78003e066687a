/**
 * The shipped binary (bin/ask-nix.mjs over the bundle) run as a person would, on one real Nix, with a
 * sandbox as HOME (its own state and cache folders), a Nix store of its own, and no terminal.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join, resolve } from "node:path"
import type { NixInstall } from "./nixInstalls.js"
import type { Sandbox } from "./sandbox.js"

export const repoRoot = resolve(__dirname, "../..")
export const askNixBin = join(repoRoot, "bin/ask-nix.mjs")

/** Builds the bundle once if it is missing (npm test builds it first). */
export const ensureBuilt = (): void => {
  if (!existsSync(join(repoRoot, "dist/ask-nix.cjs"))) spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "ignore" })
}

export interface BinRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  /** The last JSON line of stdout (for --json runs), else undefined. */
  readonly result: Record<string, unknown> | undefined
  readonly ms: number
}

/**
 * A Nix store of the sandbox's own (NIX_STORE_DIR, NIX_STATE_DIR, NIX_LOG_DIR, and no daemon): what these
 * tests build, root and collect never touches the shared store that parallel tests read. Both Nix
 * versions build there offline.
 */
export const ownStore = (sb: Sandbox): Readonly<Record<string, string>> => ({
  NIX_STORE_DIR: join(sb.dir, "store"), NIX_STATE_DIR: join(sb.dir, "var"), NIX_LOG_DIR: join(sb.dir, "log"),
  NIX_DAEMON_SOCKET_PATH: join(sb.dir, "no-daemon")
})

/** One Nix first on PATH, and the sandbox as HOME with its own state, cache and config folders. */
export const sandboxEnv = (nix: NixInstall, sb: Sandbox, env: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({
  ...process.env, ...nix.env, PATH: `${nix.binDir}:${process.env["PATH"]}`,
  HOME: sb.dir, XDG_STATE_HOME: join(sb.dir, "state"), XDG_CACHE_HOME: join(sb.dir, "cache"), XDG_CONFIG_HOME: join(sb.dir, "config"),
  ...env
})

export const binEnv = (nix: NixInstall, sb: Sandbox, env: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv =>
  sandboxEnv(nix, sb, { ...ownStore(sb), ...env })

export const runBin = (nix: NixInstall, sb: Sandbox, args: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}): BinRun => {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [askNixBin, ...args], { env: binEnv(nix, sb, env), encoding: "utf8", timeout: 120_000 })
  const last = r.stdout.trim().split("\n").pop() ?? ""
  let result: Record<string, unknown> | undefined
  try { result = last.startsWith("{") ? JSON.parse(last) as Record<string, unknown> : undefined } catch { result = undefined }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, result, ms: performance.now() - t0 }
}

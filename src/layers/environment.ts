/** The Environment of this process: its variables, home folder, terminal, and the file system's answer to "exists?". */
import * as fs from "node:fs"
import * as os from "node:os"
import * as tty from "node:tty"
import type { Environment } from "../domain/Environment.js"

export const currentEnvironment = (): Environment => ({
  env: process.env,
  home: os.homedir(),
  cwd: process.cwd(),
  // Asked of the descriptors: process.stdin would create a stream (a millisecond) most calls never read.
  interactive: tty.isatty(0) && tty.isatty(1),
  stdoutIsTerminal: tty.isatty(1),
  exists: (p) => fs.existsSync(p),
  readText: readTextFile
})

/**
 * A file's text, or undefined when there is none. Synchronous on purpose: the settings file is read by
 * every call before anything else, and one asynchronous read starts libuv's thread pool and waits a
 * turn of the event loop (measured: 1.5-2 ms of each start).
 */
export const readTextFile = (p: string): string | undefined => {
  try {
    return fs.readFileSync(p, "utf8")
  } catch (e) {
    if (e instanceof Error && "code" in e && (e.code === "ENOENT" || e.code === "ENOTDIR")) return undefined
    throw e
  }
}

/**
 * bin/ask-nix starts Node with glibc's malloc tuned through GLIBC_TUNABLES (fewer page faults at
 * start-up) and keeps the user's own value, "" for none, in ASK_NIX_GLIBC_TUNABLES. This puts it
 * back, so that Nix and every other process ask-nix starts see the environment the user gave it.
 */
export const restoreLauncherEnvironment = (env: NodeJS.ProcessEnv = process.env): void => {
  const original = env["ASK_NIX_GLIBC_TUNABLES"]
  if (original === undefined) return
  if (original === "") delete env["GLIBC_TUNABLES"]
  else env["GLIBC_TUNABLES"] = original
  delete env["ASK_NIX_GLIBC_TUNABLES"]
}

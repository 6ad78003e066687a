/** Start a real nix-daemon of one installation on a temp socket (NIX_DAEMON_SOCKET_PATH), and stop it. */
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { NixInstall } from "../../support/nixInstalls.js"

export interface RunningDaemon {
  readonly socketPath: string
  readonly stop: () => Promise<void>
}

export const startDaemon = async (nix: NixInstall): Promise<RunningDaemon> => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-daemon-"))
  const socketPath = join(dir, "socket")
  const child = spawn(join(nix.binDir, "nix-daemon"), [], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, ...nix.env, NIX_DAEMON_SOCKET_PATH: socketPath }
  })
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const deadline = Date.now() + 15_000
  while (!existsSync(socketPath)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`nix-daemon of ${nix.binDir} did not start (exit ${child.exitCode})`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  return {
    socketPath,
    stop: async () => {
      // The daemon forks one process per connection, all in its process group.
      try { process.kill(-child.pid!, "SIGTERM") } catch { /* already gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

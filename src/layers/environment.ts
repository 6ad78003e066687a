/** The Environment of this process: its variables, home folder, terminal, and the file system's answer to "exists?". */
import * as fs from "node:fs"
import * as os from "node:os"
import type { Environment } from "../domain/Environment.js"

export const currentEnvironment = (): Environment => ({
  env: process.env,
  home: os.homedir(),
  cwd: process.cwd(),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  exists: (p) => fs.existsSync(p)
})

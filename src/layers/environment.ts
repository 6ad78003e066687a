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
  exists: (p) => fs.existsSync(p)
})

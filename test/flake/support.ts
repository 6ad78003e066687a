/**
 * Real flakes in a temp folder, with no network: `dep1` a git repository (commits with fixed dates),
 * `dep2` a plain folder (a `path:` input), `top` the flake whose inputs they are. `commit` adds a
 * commit to dep1; `touchDep2` changes dep2's contents.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll } from "vitest"

const made: Array<string> = []
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

export interface Flakes {
  readonly dir: string
  readonly top: string
  readonly dep1: string
  readonly dep2: string
  /** A new commit in dep1 on `date` (YYYY-MM-DD); its revision. */
  readonly commit: (date: string) => string
  readonly touchDep2: (text: string) => void
  readonly lockText: () => string | undefined
  readonly lock: () => { readonly nodes: Record<string, { readonly locked?: Record<string, unknown> }> }
}

const git = (cwd: string, args: ReadonlyArray<string>, date?: string): string =>
  execFileSync("git", [...args], {
    cwd, encoding: "utf8",
    env: {
      ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org",
      ...(date !== undefined ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {})
    }
  }).trim()

export const makeFlakes = (): Flakes => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ask-nix-flakes-"))
  made.push(dir)
  const dep1 = path.join(dir, "dep1")
  const dep2 = path.join(dir, "dep2")
  const top = path.join(dir, "top")
  for (const d of [dep1, dep2, top]) fs.mkdirSync(d)
  git(dep1, ["init", "-q", "-b", "main"])
  let n = 0
  const commit = (date: string): string => {
    fs.writeFileSync(path.join(dep1, "flake.nix"), `{ outputs = _: { n = ${++n}; }; }\n`)
    git(dep1, ["add", "flake.nix"])
    git(dep1, ["commit", "-q", "-m", `commit ${n}`], date)
    return git(dep1, ["rev-parse", "HEAD"])
  }
  const touchDep2 = (text: string) => fs.writeFileSync(path.join(dep2, "flake.nix"), `{ outputs = _: { text = ${JSON.stringify(text)}; }; }\n`)
  touchDep2("first")
  fs.writeFileSync(path.join(top, "flake.nix"), [
    "{",
    `  inputs.dep1.url = "git+file://${dep1}";`,
    `  inputs.dep2.url = "path:${dep2}";`,
    "  outputs = { self, dep1, dep2 }: { };",
    "}",
    ""
  ].join("\n"))
  const lockFile = path.join(top, "flake.lock")
  return {
    dir, top, dep1, dep2, commit, touchDep2,
    lockText: () => (fs.existsSync(lockFile) ? fs.readFileSync(lockFile, "utf8") : undefined),
    lock: () => JSON.parse(fs.readFileSync(lockFile, "utf8"))
  }
}

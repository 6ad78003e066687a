/**
 * What runs while the startup snapshot is built (src/layers/startupSnapshot.ts): the commands people
 * run most, through the CLI, on a throwaway world in a temp folder (a small package index and a
 * profile of one generation, as Nix writes it). Their code is then compiled and their tables built in
 * the snapshot: a call that finds its code compiled saves the compiling (measured: 7 ms for list, more
 * for search). Nothing here starts Nix, goes to the network or reads the user's files.
 */
import { Effect } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

/** The world: a package list to index, and a profile whose generation is a plain folder. */
const makeWorld = Effect.sync(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ask-nix-warm-up-"))
  const pkg = (pname: string, version: string, description: string) =>
    ({ name: `${pname}-${version}`, pname, version, meta: { description, mainProgram: pname } })
  fs.writeFileSync(path.join(dir, "packages.json"), JSON.stringify({
    firefox: pkg("firefox", "120.0", "A web browser built from Firefox source tree"),
    hello: pkg("hello", "2.12", "A program that produces a familiar, friendly greeting"),
    ripgrep: pkg("ripgrep", "14.0.3", "A utility that combines the usability of The Silver Searcher with the raw speed of grep")
  }))
  const generation = path.join(dir, "store", "00000000000000000000000000000000-profile")
  fs.mkdirSync(generation, { recursive: true })
  fs.writeFileSync(path.join(generation, "manifest.json"), JSON.stringify({
    version: 3,
    elements: { hello: { active: true, priority: 5, storePaths: ["/nix/store/00000000000000000000000000000000-hello-2.12"] } }
  }))
  fs.symlinkSync(generation, path.join(dir, "profile-1-link"))
  fs.symlinkSync("profile-1-link", path.join(dir, "profile"))
  return dir
})

/** The calls, each as argv after the program name. */
const calls = (dir: string): ReadonlyArray<ReadonlyArray<string>> => {
  const index = ["--index", path.join(dir, "index")]
  const profile = ["--profile", path.join(dir, "profile")]
  return [
    [...index, "--json", "index", "build", "--from", path.join(dir, "packages.json")],
    [...index, "parse", "--json", "install firefox"],
    [...index, "parse", "what provides rg"],
    [...index, "--json", "search", "firefox"],
    [...index, "search", "web browser"],
    [...index, "info", "hello"],
    [...index, ...profile, "--json", "list"],
    [...index, ...profile, "list"],
    [...index, ...profile, "generations"],
    ["--help"]
  ]
}

/** Runs `run` on each call in a fresh world, then removes the world. */
export const snapshotWarmUp = <E, R>(run: (args: ReadonlyArray<string>) => Effect.Effect<unknown, E, R>) =>
  Effect.acquireUseRelease(
    makeWorld,
    (dir) => Effect.forEach(calls(dir), run, { discard: true }),
    (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
  )

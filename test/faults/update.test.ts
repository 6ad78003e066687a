/**
 * One update is one generation (issue 15, issue 17 item 2), on real Nix and both for packages
 * installed from a file (`nix profile` cannot upgrade those: they are staged and switched once):
 * - nothing newer: "already up to date", exit 0, no new generation;
 * - newer: exactly one new generation, and the result shows old -> new;
 * - a build that fails: no generation at all, and the message does not claim more than happened;
 * - without --file, packages installed from a file are not "updated" from nixpkgs (said so).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs"
import { join } from "node:path"
import { expect, it } from "vitest"
import { askNix, currentGeneration, describeNixAndBackends, greetVersion, recordFaults, sandboxArgs } from "./support.js"

/** Lines of the sandbox's history.jsonl (its XDG_STATE_HOME is the sandbox's state folder). */
const historyLines = (sb: { dir: string }): number => {
  const file = join(sb.dir, "state", "ask-nix", "history.jsonl")
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter((l) => l !== "").length : 0
}

describeNixAndBackends("one update, one generation", "update", (nix, backend, sandbox) => {
    it(`${backend}: up to date, newer, broken, and without --file`, () => {
      const sb = sandbox()
      const args = sandboxArgs(sb, backend)
      const failures: Array<string> = []
      const check = (what: string, ok: boolean, detail: string) => { if (!ok) failures.push(`${what}: ${detail}`) }
      expect(askNix(nix, sb, [...args, "--execute", "install", "greet", "hello"]).code).toBe(0)
      const links = () => sb.snapshot().split("\n").length

      let gens = links()
      const recorded = historyLines(sb)
      const same = askNix(nix, sb, [...args, "--execute", "update"])
      check("nothing newer", same.code === 0 && /already up to date/i.test(same.stdout) && links() === gens, `exit ${same.code}, ${links() - gens} new links, ${same.stdout.trim().split("\n").pop()}`)
      // Not a change: "undo" afterwards must undo the install, not this.
      check("nothing newer, not in the history", historyLines(sb) === recorded, `${historyLines(sb) - recorded} history lines added`)

      sb.setGreetVersion("2.0")
      gens = links()
      const before = currentGeneration(sb)!
      const newer = askNix(nix, sb, [...args, "--execute", "update"])
      check("newer", newer.code === 0 && links() === gens + 1 && currentGeneration(sb) === before + 1 && greetVersion(sb) === "2.0" && /greet: 1\.0 -> 2\.0/.test(newer.stdout),
        `exit ${newer.code}, ${links() - gens} new links, greet ${greetVersion(sb)}, ${newer.stdout.trim().split("\n").slice(-3).join(" / ")}`)

      sb.setGreetVersion("broken")
      gens = links()
      const snapshot = sb.snapshot()
      const broken = askNix(nix, sb, [...args, "--execute", "update", "greet"])
      check("broken", broken.code === 1 && sb.snapshot() === snapshot && greetVersion(sb) === "2.0", `exit ${broken.code}, ${links() - gens} new links, greet ${greetVersion(sb)}`)

      sb.setGreetVersion("3.0")
      // nix-env without --file upgrades from ~/.nix-defexpr: make that a channel with a newer greet.
      if (backend === "nix-env") {
        // (nix-env has made ~/.nix-defexpr/channels a link to the system's channels, absent here.)
        rmSync(join(sb.dir, ".nix-defexpr", "channels"), { force: true })
        mkdirSync(join(sb.dir, ".nix-defexpr", "channels"), { recursive: true })
        symlinkSync(sb.pkgs, join(sb.dir, ".nix-defexpr", "channels", "nixpkgs"))
      }
      const noFile = askNix(nix, sb, ["--backend", backend, "--profile", sb.profile, "--execute", "update"])
      const saysWhy = backend === "profile" ? /not installed from a flake/ : /greet, hello were installed from .*, so they are not updated from the nixpkgs channel/
      check("without --file", noFile.code === 0 && sb.snapshot() === snapshot && saysWhy.test(noFile.stdout), `exit ${noFile.code}, greet ${greetVersion(sb)}, ${noFile.stdout.trim().split("\n").pop()}`)
      recordFaults(`one update one generation, nix ${nix.version}, ${backend}`, 5, failures.length)
      expect(failures).toEqual([])
    }, 180_000)
})

/** Two plugins claiming the same id or phrase: an error at build time, and one disabled at start. */
import { Effect } from "effect"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { loadPlugins } from "../../src/layers/plugins/loadPlugins.js"
import { freshRegistry, generate } from "./support.js"

const plugin = (id: string, pattern: string) =>
  `export default { id: ${JSON.stringify(id)}, description: "test", rules: [{ kind: "k", patterns: [${JSON.stringify(pattern)}] }], handlers: { k: () => undefined } }\n`

describe("plugins in conflict", () => {
  it("fail the build with a clear message, and the later one is disabled at start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-plugins-"))
    try {
      const plugins = join(dir, "plugins")
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n') // as in the repository
      mkdirSync(join(plugins, "first"), { recursive: true })
      writeFileSync(join(plugins, "first", "index.ts"), plugin("same", "frob the knob"))
      writeFileSync(join(plugins, "second.ts"), plugin("same", "twiddle"))
      writeFileSync(join(plugins, "third.ts"), plugin("third", "Frob the  knob"))
      writeFileSync(join(plugins, "fourth.ts"), plugin("fourth", "fourth thing"))
      mkdirSync(join(plugins, "empty-folder"))
      const out = join(dir, "registry.generated.ts")

      const g = generate("--plugins-dir", plugins, "--out", out)
      expect(g.status).toBe(1)
      const first = join(plugins, "first", "index.ts")
      expect(g.stderr).toContain(`error: ${join(plugins, "second.ts")}: plugin id "same" is already claimed by ${first}`)
      expect(g.stderr).toContain(`error: ${join(plugins, "third.ts")}: phrase "frob the knob" is already claimed by ${first} (plugin "same")`)
      expect(g.stderr).toContain("empty-folder/ has no index.ts")
      expect(g.stderr).toContain("4 found, 2 usable, 2 in conflict")

      const loaded = await Effect.runPromise(loadPlugins(await freshRegistry(out)))
      // Sorted by name: first/ (id "same"), fourth, second (id "same" again), third.
      expect(loaded.plugins.map((p) => p.definition.id)).toEqual(["same", "fourth"])
      expect(loaded.failures.map((f) => `${f.plugin}: ${f.detail}`)).toEqual([
        `same: plugin id "same" is already claimed by ${first}`,
        `third: phrase "frob the knob" is already claimed by ${first} (plugin "same")`
      ])
      expect(loaded.rules.map((r) => r.plugin)).toEqual(["same", "fourth"])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

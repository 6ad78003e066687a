/**
 * The shipped CLI is an esbuild bundle with code splitting (scripts/build.mjs). Plugins are dynamic
 * imports there too: a plugin that throws while its chunk loads must still be isolated.
 */
import { build } from "esbuild"
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { expect, it } from "vitest"
import { generate, repoRoot } from "./support.js"

it("a bundled build isolates a plugin that throws at import", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-bundle-"))
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n')
    const plugins = join(dir, "plugins")
    mkdirSync(plugins)
    writeFileSync(join(plugins, "good.ts"), 'export default { id: "good", description: "ok", rules: [{ kind: "k", patterns: ["be good"] }], handlers: { k: () => undefined } }\n')
    writeFileSync(join(plugins, "bad.ts"), 'throw new Error("bad chunk")\nexport default { id: "bad", description: "never" }\n')
    expect(generate("--plugins-dir", plugins, "--out", join(dir, "registry.ts")).status).toBe(0)
    writeFileSync(join(dir, "entry.ts"), [
      'import { Effect } from "effect"',
      `import { loadPlugins } from ${JSON.stringify(resolve(repoRoot, "src/layers/plugins/loadPlugins.ts"))}`,
      'import { pluginModules } from "./registry.js"',
      "const loaded = await Effect.runPromise(loadPlugins(pluginModules))",
      "console.log(JSON.stringify({ ids: loaded.plugins.map((p) => p.definition.id), warnings: loaded.warnings }))"
    ].join("\n"))
    await build({
      entryPoints: { main: join(dir, "entry.ts") }, bundle: true, platform: "node", format: "esm", splitting: true,
      outdir: join(dir, "dist"), nodePaths: [resolve(repoRoot, "node_modules")], logLevel: "silent"
    })
    const r = spawnSync(process.execPath, [join(dir, "dist", "main.js")], { encoding: "utf8" })
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as { ids: ReadonlyArray<string>; warnings: ReadonlyArray<string> }
    expect(out.ids).toEqual(["good"])
    expect(out.warnings).toEqual([`ask-nix: plugin "bad" (${join(plugins, "bad.ts")}) is disabled: failed to load: bad chunk`])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

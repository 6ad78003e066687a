/** Helpers for the plugin tests: run the registry generator, import a fresh registry, a layer on NixMock. */
import { spawnSync } from "node:child_process"
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { Layer } from "effect"
import { makeNixMock, type NixMockOptions } from "../../src/layers/NixMock.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import type { PluginModule } from "../../src/layers/plugins/PluginModule.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import type { SettingsShape } from "../../src/services/Settings.js"

export const repoRoot = resolve(__dirname, "../..")
export const pluginsDir = resolve(repoRoot, "src/plugins")

/** Runs scripts/gen-plugins.mjs as `npm run build` would; extra args for temp folders. */
export const generate = (...args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, [resolve(repoRoot, "scripts/gen-plugins.mjs"), ...args], { cwd: repoRoot, encoding: "utf8" })
  return { status: r.status, stderr: r.stderr }
}

let version = 0

/**
 * The registry module as it is on disk now. Vitest keeps the first text it read of a file for the whole
 * run, so the generated file is imported through a copy with a new name beside it (deleted at once).
 */
export const freshRegistry = async (file = resolve(repoRoot, "src/layers/plugins/registry.generated.ts")): Promise<ReadonlyArray<PluginModule>> => {
  const copy = join(dirname(file), `.registry-${process.pid}-${++version}.ts`)
  writeFileSync(copy, readFileSync(file, "utf8"))
  try {
    return ((await import(/* @vite-ignore */ copy)) as { pluginModules: ReadonlyArray<PluginModule> }).pluginModules
  } finally {
    rmSync(copy, { force: true })
  }
}

/** NixMock + dry-run or execute policy + settings: a fresh world per call. */
export const mockWorld = (o: { execute: boolean; settings?: Partial<SettingsShape>; nix?: NixMockOptions }) => {
  const mock = makeNixMock(o.nix)
  const policy = o.execute ? DryRunPolicyExecute : DryRunPolicyDry
  const layer = Layer.mergeAll(mock.layer.pipe(Layer.provide(policy)), policy, SettingsTest({ execute: o.execute, ...o.settings }))
  return { state: mock.state, layer }
}

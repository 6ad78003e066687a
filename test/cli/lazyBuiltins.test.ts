/**
 * scripts/lazyBuiltins.mjs: in the bundle, a Node built-in loads when one of its members is first read,
 * not when the module that imports it loads; named, namespace and default imports (esbuild's
 * `__toESM`) all still reach the real module, and the modules that import one built-in as a namespace
 * share one namespace object.
 */
import { build } from "esbuild"
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { lazyBuiltins } from "../../scripts/lazyBuiltins.mjs"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-lazy-builtins-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const other = `
import * as readline from "node:readline"
import * as path from "node:path"
export const namespaces = { readline, path }
`

const program = `
import { execFileSync } from "node:child_process"
import * as readline from "node:readline"
import * as path from "node:path"
import crypto from "node:crypto"
import { namespaces } from "./other.mjs"
const loaded = (name) => process.moduleLoadList.includes("NativeModule " + name)
const before = ["child_process", "readline", "crypto"].filter(loaded)
const out = execFileSync(process.execPath, ["-e", "process.stdout.write('child')"], { encoding: "utf8" })
const afterSpawn = ["child_process", "readline", "crypto"].filter(loaded)
const hash = crypto.createHash("sha256").update("x").digest("hex").slice(0, 8)
const shared = namespaces.readline === readline && namespaces.path === path
console.log(JSON.stringify({ before, out, afterSpawn, hash, readline: typeof readline.createInterface, names: Object.keys(readline).includes("emitKeypressEvents"), join: path.join("a", "b"), shared }))
`

const bundled = async (lazy: boolean) => {
  const entry = join(dir, "entry.mjs")
  writeFileSync(entry, program)
  writeFileSync(join(dir, "other.mjs"), other)
  const file = join(dir, lazy ? "lazy.cjs" : "eager.cjs")
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", outfile: file, logLevel: "silent" })
  if (lazy) writeFileSync(file, lazyBuiltins(readFileSync(file, "utf8")))
  const r = spawnSync(process.execPath, [file], { encoding: "utf8" })
  expect(r.stderr).toBe("")
  return JSON.parse(r.stdout)
}

describe("Node built-ins in the bundle", () => {
  it("load on first use, and work as imported", async () => {
    const r = await bundled(true)
    expect(r.before).toEqual([])
    expect(r.afterSpawn).toEqual(["child_process"])
    expect(r).toMatchObject({ out: "child", hash: "2d711642", readline: "function", names: true, join: "a/b", shared: true })
  })

  it("(control: without the rewrite esbuild loads them with the module)", async () => {
    const r = await bundled(false)
    expect(r.before).toEqual(["child_process", "readline", "crypto"])
    expect(r).toMatchObject({ out: "child", hash: "2d711642", readline: "function", names: true, join: "a/b", shared: false })
  })
})

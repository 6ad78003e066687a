/**
 * The layering check (scripts/check-layers.mjs, run by `npm test`): src/ passes, and each kind of
 * violation, written into a small tree of its own, fails it.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { checkLayers } from "../../scripts/check-layers.mjs"

const repo = resolve(__dirname, "../..")
const trees: Array<string> = []
afterEach(() => { for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true }) })

/** A src/ tree from { "domain/a.ts": "source" }; a good skeleton of every layer is always there. */
const tree = (files: Readonly<Record<string, string>>): string => {
  const src = join(mkdtempSync(join(tmpdir(), "ask-nix-layers-")), "src")
  trees.push(dirname(src))
  const all: Record<string, string> = {
    "bin.ts": 'import { run } from "./cli/run.js"\nimport { world } from "./layers/World.js"\nrun(world)\n',
    "domain/Thing.ts": "export const thing = 1\n",
    "services/Tag.ts": 'import { thing } from "../domain/Thing.js"\nexport const tag = thing\n',
    "layers/World.ts": 'import { tag } from "../services/Tag.js"\nimport { plugin } from "../plugins/p.js"\nexport const world = tag + plugin\n',
    "plugins/p.ts": 'import { tag } from "../services/Tag.js"\nexport const plugin = tag\n',
    "cli/run.ts": 'import { tag } from "../services/Tag.js"\nexport const run = (w: number) => w + tag\n',
    ...files
  }
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(src, file)), { recursive: true })
    writeFileSync(join(src, file), text)
  }
  return src
}

const problems = (src: string): ReadonlyArray<string> => checkLayers(src).problems

describe("the layering check", () => {
  it("passes on src/", () => {
    expect(problems(join(repo, "src"))).toEqual([])
  })

  it("passes on a tree that keeps every rule", () => {
    expect(problems(tree({}))).toEqual([])
  })

  it.each([
    ["domain imports a service", { "domain/Bad.ts": 'import { tag } from "../services/Tag.js"\nexport const bad = tag\n' }, /domain\/Bad.ts imports .*src\/domain may import only src\/domain/],
    ["domain does I/O", { "domain/Bad.ts": 'import { readFileSync } from "node:fs"\nexport const bad = readFileSync\n' }, /domain\/Bad.ts imports "node:fs": src\/domain does no I\/O/],
    ["a service imports an implementation", { "services/Bad.ts": 'import { world } from "../layers/World.js"\nexport const bad = world\n' }, /services\/Bad.ts imports .*src\/services may import only/],
    ["a layer in src/services", { "services/Bad.ts": 'import { Layer } from "effect"\nexport const BadLive = Layer.succeed(1 as never, 1)\n' }, /services\/Bad.ts: builds a Layer/],
    ["a plugin imports an implementation", { "plugins/bad.ts": 'import { world } from "../layers/World.js"\nexport default world\n' }, /plugins\/bad.ts imports .*src\/plugins may import only/],
    ["a plugin imports the CLI", { "plugins/bad.ts": 'import { run } from "../cli/run.js"\nexport default run\n' }, /plugins\/bad.ts imports .*src\/plugins may import only/],
    ["a layer imports the CLI", { "layers/Bad.ts": 'import { run } from "../cli/run.js"\nexport const bad = run\n' }, /layers\/Bad.ts imports .*src\/layers may import only/],
    ["the CLI imports an implementation", { "cli/bad.ts": 'import { world } from "../layers/World.js"\nexport const bad = world\n' }, /cli\/bad.ts imports .*src\/cli may import only/],
    ["a second entry point", { "main.ts": 'import { run } from "./cli/run.js"\nrun(1)\n' }, /exactly one entry point/],
    ["a folder that is not a layer", { "app/x.ts": "export const x = 1\n" }, /src\/app is not a layer/],
    ["an import cycle between folders", {
      "domain/a/A.ts": 'import { b } from "../b/B.js"\nexport const a = () => b\n',
      "domain/b/B.ts": 'import { a } from "../a/A.js"\nexport const b = () => a\n'
    }, /import cycle between folders domain\/a <-> domain\/b/]
  ] as const)("fails when %s", (_, files, expected) => {
    const found = problems(tree(files))
    expect(found.some((p) => expected.test(p)), found.join("\n")).toBe(true)
  })

  it("exits 1 with one line per violation, as npm test runs it", () => {
    const src = tree({ "domain/Bad.ts": 'import { tag } from "../services/Tag.js"\nexport const bad = tag\n' })
    const r = spawnSync(process.execPath, [join(repo, "scripts/check-layers.mjs"), src], { encoding: "utf8" })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/layering: domain\/Bad.ts imports "..\/services\/Tag.js"/)
    expect(spawnSync(process.execPath, [join(repo, "scripts/check-layers.mjs")], { encoding: "utf8" }).status).toBe(0)
  })
})

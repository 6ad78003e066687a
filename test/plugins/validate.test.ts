import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { definePlugin, type PluginDefinition } from "../../src/services/Plugin.js"
import { insertBackend } from "../../src/layers/plugins/placeBackends.js"
import { findConflicts, problemsOf } from "../../src/domain/plugins/validate.js"
import type { Backend } from "../../src/services/Backend.js"

const plugin = (id: string, patterns: ReadonlyArray<string>, commands: ReadonlyArray<string> = []): PluginDefinition =>
  definePlugin({
    id,
    description: `the ${id} plugin`,
    rules: [{ kind: "k", patterns }],
    handlers: { k: () => Effect.die("unused") },
    commands: commands.map((name) => ({ name, description: name, examples: [], run: () => Effect.die("unused") }))
  })

describe("problemsOf", () => {
  it("accepts a well-formed plugin", () => {
    expect(problemsOf(plugin("ok", ["say hello"]))).toEqual([])
  })
  it("names every problem of a malformed one", () => {
    expect(problemsOf(undefined)[0]).toMatch(/definePlugin/)
    const p = problemsOf({ id: "Bad Id", rules: [{ kind: "x", patterns: [] }], handlers: {}, backends: [{ position: "middle" }] })
    expect(p.join("\n")).toMatch(/id must be/)
    expect(p.join("\n")).toMatch(/description is missing/)
    expect(p.join("\n")).toMatch(/rule "x" needs a non-empty list of patterns/)
    expect(p.join("\n")).toMatch(/rule "x" has no handler/)
    expect(p.join("\n")).toMatch(/backend 0 needs a position/)
  })
})

describe("findConflicts", () => {
  it("reports a second plugin with the same id, naming the first", () => {
    const c = findConflicts([
      { source: "src/plugins/a.ts", definition: plugin("same", ["one"]) },
      { source: "src/plugins/b.ts", definition: plugin("same", ["two"]) }
    ])
    expect(c).toEqual([{ source: "src/plugins/b.ts", plugin: "same", detail: 'plugin id "same" is already claimed by src/plugins/a.ts' }])
  })
  it("reports the same phrase claimed twice, whatever its case and spacing", () => {
    const c = findConflicts([
      { source: "src/plugins/a.ts", definition: plugin("a", ["check my thing"]) },
      { source: "src/plugins/b.ts", definition: plugin("b", ["Check  my thing?"]) }
    ])
    expect(c.map((x) => x.detail)).toEqual(['phrase "check my thing" is already claimed by src/plugins/a.ts (plugin "a")'])
  })
  it("reports a command that takes a built-in name or another plugin's", () => {
    const c = findConflicts([
      { source: "src/plugins/a.ts", definition: plugin("a", ["x"], ["install"]) },
      { source: "src/plugins/b.ts", definition: plugin("b", ["y"], ["frob"]) },
      { source: "src/plugins/c.ts", definition: plugin("c", ["z"], ["frob"]) }
    ])
    expect(c.map((x) => `${x.plugin}: ${x.detail}`)).toEqual([
      'a: command "install" is already claimed by ask-nix itself',
      'c: command "frob" is already claimed by src/plugins/b.ts (plugin "b")'
    ])
  })
  it("finds nothing among distinct plugins", () => {
    expect(findConflicts([
      { source: "a", definition: plugin("a", ["x"]) },
      { source: "b", definition: plugin("b", ["y"]) }
    ])).toEqual([])
  })
})

describe("insertBackend", () => {
  const b = (name: string): Backend => ({ name, description: name, serve: () => Effect.die(""), execute: () => { throw new Error("") } })
  const chain = ["native", "profile", "nix-env", "instructions"].map(b)
  const names = (xs: ReadonlyArray<Backend>) => xs.map((x) => x.name)
  it("places by position", () => {
    expect(names(insertBackend(chain, b("p"), "first"))).toEqual(["p", "native", "profile", "nix-env", "instructions"])
    expect(names(insertBackend(chain, b("p"), "last"))).toEqual(["native", "profile", "nix-env", "instructions", "p"])
    expect(names(insertBackend(chain, b("p"), { before: "nix-env" }))).toEqual(["native", "profile", "p", "nix-env", "instructions"])
    expect(names(insertBackend(chain, b("p"), { after: "native" }))).toEqual(["native", "p", "profile", "nix-env", "instructions"])
    expect(names(insertBackend(chain, b("p"), { after: "nope" }))).toEqual(["native", "profile", "nix-env", "p", "instructions"])
  })
})

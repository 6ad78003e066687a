/** Building the index with real Nix: nix-env -qaP --json --meta on a file, nix search --json on a flake. */
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { join } from "node:path"
import { afterEach, expect } from "vitest"
import { buildIndex } from "../../src/layers/index/buildIndex.js"
import { describeNix } from "../support/describeNix.js"
import { liveLayer } from "../support/liveLayer.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { openIndexReader } from "../../src/layers/index/openIndex.js"

describeNix("buildIndex with real Nix", (nix) => {
  const sandboxes: Array<Sandbox> = []
  const sandbox = () => { const s = makeSandbox("index"); sandboxes.push(s); return s }
  afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })

  it.live("indexes a Nix file with nix-env, with meta and mainProgram", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const out = join(s.dir, "index")
      const res = yield* buildIndex({ file: s.pkgs, out })
      expect(res.status.source).toBe(`nix-file:${s.pkgs}`)
      expect(res.status.packages).toBeGreaterThanOrEqual(3)
      const r = openIndexReader(out)
      expect(r.lookup("hello")).toMatchObject({ attrPath: "hello", version: "2.12", description: "Says hello (test package)" })
      expect(r.search("helo", 3).hits[0]?.attrPath).toBe("hello")
      expect(r.provides("hello")[0]).toMatchObject({ attrPath: "hello", certain: true })
      r.close()
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))

  it.live("indexes a flake with nix search --json", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const out = join(s.dir, "index")
      const res = yield* buildIndex({ flake: s.flake, out })
      expect(res.status.source).toBe(`flake:${s.flake}`)
      const r = openIndexReader(out)
      expect(r.lookup("greet")?.attrPath).toBe("greet")
      expect(r.search("hello", 3).hits[0]).toMatchObject({ attrPath: "hello", version: "2.12" })
      r.close()
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))
})

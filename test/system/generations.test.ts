import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { diffGenerations, parseStorePath } from "../../src/domain/system/generationDiff.js"
import { generationContents, readGenerations } from "../../src/layers/system/readGenerations.js"
import { systemPaths } from "../../src/domain/system/SystemPaths.js"
import { makeNixosRoot } from "./support/nixosRoot.js"
import { NodeFileSystem } from "@effect/platform-node"

describe("store path names", () => {
  it("splits name and version at the first -digit, like Nix", () => {
    expect(parseStorePath("/nix/store/0c3bzl9xrr5ahkfd0c6v9ikrhk34r3g1-firefox-127.0/bin/firefox")).toEqual({ name: "firefox", version: "127.0" })
    expect(parseStorePath("/nix/store/0c3bzl9xrr5ahkfd0c6v9ikrhk34r3g1-python3-3.11.9-env/bin/python")).toEqual({ name: "python3", version: "3.11.9-env" })
    expect(parseStorePath("/nix/store/0c3bzl9xrr5ahkfd0c6v9ikrhk34r3g1-hello/bin/hello")).toEqual({ name: "hello", version: "" })
    expect(parseStorePath("/usr/bin/ls")).toBeUndefined()
  })
})

describe("system generations", () => {
  it.effect("numbers, link dates, NixOS labels and the current marker, from the profile links", () =>
    Effect.gen(function*() {
      const root = makeNixosRoot({ current: 41 })
      const gens = yield* readGenerations(systemPaths(root))
      expect(gens.map((g) => [g.number, g.current, g.label])).toEqual([
        [40, false, "NixOS 24.05.20240601.aaaaaaa, Linux 6.6.30"],
        [41, true, "NixOS 24.05.20240607.1234abc, Linux 6.6.32"],
        [42, false, "NixOS 24.05.20240615.5678def, Linux 6.6.32"]
      ])
      expect(gens[0]!.date).toBe(new Date(1717200000 * 1000).toISOString())
      expect(gens[1]!.storePath).toMatch(/^\/nix\/store\/[0-9a-z]{32}-nixos-system-kestrel-24\.05\.20240607\.1234abc-g41$/)
    }).pipe(Effect.provide(NodeFileSystem.layer)))

  it.effect("what changed between two generations: packages behind sw/bin, NixOS version, kernel", () =>
    Effect.gen(function*() {
      const p = systemPaths(makeNixosRoot())
      const gens = yield* readGenerations(p)
      const [a, b, c] = yield* Effect.forEach(gens, (g) => generationContents(p, g))
      expect(diffGenerations(a!, b!)).toEqual({
        from: 40,
        to: 41,
        added: [{ name: "vim", version: "9.1.0200" }],
        removed: [{ name: "htop", version: "3.3.0" }],
        changed: [
          { name: "nixos", from: "24.05.20240601.aaaaaaa", to: "24.05.20240607.1234abc" },
          { name: "kernel", from: "6.6.30", to: "6.6.32" },
          { name: "firefox", from: "126.0", to: "127.0" }
        ]
      })
      expect(diffGenerations(b!, c!).changed).toEqual([
        { name: "nixos", from: "24.05.20240607.1234abc", to: "24.05.20240615.5678def" },
        { name: "git", from: "2.44.0", to: "2.45.1" }
      ])
    }).pipe(Effect.provide(NodeFileSystem.layer)))

  it.effect("an empty or missing profile folder has no generations", () =>
    Effect.gen(function*() {
      expect(yield* readGenerations(systemPaths(makeNixosRoot({ generations: [] })))).toEqual([])
      expect(yield* readGenerations(systemPaths("/nonexistent-root"))).toEqual([])
    }).pipe(Effect.provide(NodeFileSystem.layer)))
})

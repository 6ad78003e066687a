import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Stream } from "effect"
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { NixFailed } from "../../src/domain/errors.js"
import { type BuildProgress, buildIndex, lowMemoryWarning } from "../../src/layers/index/buildIndex.js"
import { Nix, type NixCommand, type NixShape } from "../../src/services/Nix.js"
import { openIndexReader } from "../../src/layers/index/openIndex.js"

const DATA = fileURLToPath(new URL("../../../shared/data/nixpkgs-channel-2020.json.gz", import.meta.url))
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/search-dev.tsv", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "ask-nix-index-build-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A Nix that answers from a table and records every command; fails the test when nothing matches. */
const fakeNix = (answers: Record<string, { stdout: string; exitCode?: number }>, calls: Array<NixCommand>) => {
  const answer = (cmd: NixCommand) => {
    calls.push(cmd)
    const a = answers[cmd.argv[0]!]
    return a === undefined ? undefined : { argv: cmd.argv, exitCode: a.exitCode ?? 0, stdout: a.stdout, stderr: "" }
  }
  const shape: NixShape = {
    run: (cmd) => Effect.suspend(() => {
      const a = answer(cmd)
      if (a === undefined) return Effect.die(`unexpected command ${cmd.argv.join(" ")}`)
      return a.exitCode === 0 ? Effect.succeed(a)
        : Effect.fail(new NixFailed({ argv: [...cmd.argv], exitCode: a.exitCode, message: "nix failed", stderrTail: ["error: boom"] }))
    }),
    exec: (cmd) => Effect.suspend(() => {
      const a = answer(cmd)
      return a === undefined ? Effect.die(`unexpected command ${cmd.argv.join(" ")}`) : Effect.succeed(a)
    }),
    stream: () => Stream.empty,
    which: () => Effect.succeed(undefined)
  }
  return Layer.succeed(Nix, shape)
}
const noNix = (calls: Array<NixCommand>) => fakeNix({}, calls)

/** A few packages in `nix-env -qaP --json --meta` shape. */
const nixEnvJson = (names: ReadonlyArray<string>) => JSON.stringify(Object.fromEntries(names.map((n) => [n, {
  name: `${n}-1.0`, pname: n, version: "1.0", system: "x86_64-linux", outputName: "out", outputs: { out: null },
  meta: { description: `The ${n} program`, license: { spdxId: "MIT", free: true }, position: `/nix/store/abc-source/pkgs/tools/${n}/default.nix:12` }
}])))

const OWN = fileURLToPath(new URL("./search-own.tsv", import.meta.url))
const readDev = (file = CORPUS) => readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"))
  .map((l) => { const [q, acc] = l.split("\t"); return { query: q!, accept: new Set(acc!.split("|")) } })

describe("buildIndex from the real 2020 channel file", () => {
  const out = join(dir, "real", "index")
  it.live("imports 48,337 packages without running Nix, and records where they came from", () => Effect.gen(function*() {
    const calls: Array<NixCommand> = []
    const stages: Array<BuildProgress["stage"]> = []
    const result = yield* buildIndex({ from: DATA, out, onProgress: (p) => stages.push(p.stage) }).pipe(Effect.provide(noNix(calls)))
    expect(calls).toEqual([])
    expect(result.status).toMatchObject({ packages: 48337, source: `file:${DATA}`, revision: null, path: out })
    expect(result.status.sizeBytes).toBeGreaterThan(1e6)
    expect(stages).toEqual(["reading", "indexing", "writing", "done"])
  }))

  it("answers the development corpus: success@5 >= 0.9", () => {
    const r = openIndexReader(out)
    const dev = readDev()
    let ok = 0
    let mrr = 0
    const misses: Array<string> = []
    for (const { query, accept } of dev) {
      const rank = r.search(query, 5).hits.findIndex((h) => accept.has(h.attrPath))
      if (rank >= 0) { ok++; mrr += 1 / (rank + 1) } else misses.push(query)
    }
    console.log(`search-dev: success@5 ${(ok / dev.length).toFixed(3)}, MRR ${(mrr / dev.length).toFixed(3)}, misses: ${misses.join(", ") || "none"}`)
    expect(dev.length).toBeGreaterThan(30)
    expect(ok / dev.length).toBeGreaterThanOrEqual(0.9)
    r.close()
  })

  it("answers a held-out set of everyday requests: success@5 >= 0.9", () => {
    const r = openIndexReader(out)
    const own = readDev(OWN)
    const ok = own.filter(({ query, accept }) => r.search(query, 5).hits.some((h) => accept.has(h.attrPath))).length
    console.log(`search-own: success@5 ${(ok / own.length).toFixed(3)}`)
    expect(own.length).toBeGreaterThan(30)
    expect(ok / own.length).toBeGreaterThanOrEqual(0.9)
    r.close()
  })

  it("ranks real packages as a person expects", () => {
    const r = openIndexReader(out)
    const first = (q: string) => r.search(q, 5).hits[0]?.attrPath
    expect(first("firefox")).toBe("firefox")
    expect(first("fierfox")).toBe("firefox")
    expect(first("ngnix")).toBe("nginx")
    expect(first("postgrsql")).toBe("postgresql")
    expect(first("postgresql")).toBe("postgresql")
    expect(first("python3Packages.requests")).toBe("python3Packages.requests")
    expect(first("python requests")).toBe("python3Packages.requests")
    expect(first("vlc")).toBe("vlc")
    expect(first("node")).toBe("nodejs") // not the node2nix packages whose derivation names start with "node-"
    expect(first("java")).toBe("jdk")
    // Variants of one program found by words alone (w3m, w3m-nox, w3m-full...) show once.
    expect(r.search("web browser", 5).hits.filter((h) => h.attrPath.startsWith("w3m")).length).toBe(1)
    expect(r.search("vpn", 5).hits.map((h) => h.attrPath)).not.toContain("vp") // a prefix, not a typo
    expect(r.search("vlc", 10).hits.map((h) => h.attrPath)).not.toContain("libsForQt512.vlc")
    expect(r.lookup("kdenlive")?.attrPath).toBe("kdenlive")
    expect(r.suggest("fierfox", 3)[0]).toBe("firefox")
    r.close()
  })
})

describe("buildIndex failures leave the old index in place", () => {
  const out = join(dir, "keep", "index")
  const small = join(dir, "small.json")
  writeFileSync(small, nixEnvJson(["hello", "cowsay", "figlet"]))

  const expectImportFailed = (from: string, detail: RegExp) => Effect.gen(function*() {
    const before = readFileSync(out)
    const res = yield* Effect.either(buildIndex({ from, out }).pipe(Effect.provide(noNix([]))))
    expect(Either.isLeft(res) && res.left._tag).toBe("ImportFailed")
    if (Either.isLeft(res) && res.left._tag === "ImportFailed") expect(res.left.detail).toMatch(detail)
    expect(Buffer.compare(readFileSync(out), before)).toBe(0)
    expect(readdirSync(join(dir, "keep"))).toEqual(["index"])
  })

  it.live("builds the first index", () => Effect.gen(function*() {
    const res = yield* buildIndex({ from: small, out }).pipe(Effect.provide(noNix([])))
    expect(res.status.packages).toBe(3)
    const r = openIndexReader(out)
    expect(r.lookup("hello")).toMatchObject({ license: ["MIT"], description: "The hello program" })
    r.close()
  }))

  it.live("a truncated gzip file", () => Effect.gen(function*() {
    const gz = readFileSync(DATA)
    const p = join(dir, "truncated.json.gz")
    writeFileSync(p, gz.subarray(0, Math.floor(gz.length / 3)))
    yield* expectImportFailed(p, /gzip/)
  }))

  it.live("a gzip file whose JSON is cut short", () => Effect.gen(function*() {
    const p = join(dir, "cut.json.gz")
    writeFileSync(p, gzipSync(Buffer.from(nixEnvJson(["a", "b"]).slice(0, 60))))
    yield* expectImportFailed(p, /not valid JSON/)
  }))

  it.live("malformed JSON, the wrong shape, no packages, a missing file", () => Effect.gen(function*() {
    const bad = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p }
    yield* expectImportFailed(bad("malformed.json", "{ \"hello\": { \"name\": "), /not valid JSON/)
    yield* expectImportFailed(bad("array.json", "[1, 2, 3]"), /JSON object/)
    yield* expectImportFailed(bad("empty.json", "{}"), /no package/)
    yield* expectImportFailed(bad("junk.json", "{\"a\": 1, \"b\": \"x\"}"), /no package/)
    yield* expectImportFailed(join(dir, "does-not-exist.json"), /cannot read/)
  }))

  it.live("a failing nix-env", () => Effect.gen(function*() {
    const before = readFileSync(out)
    const res = yield* Effect.either(buildIndex({ out }).pipe(Effect.provide(fakeNix({ "nix-env": { stdout: "", exitCode: 1 } }, []))))
    expect(Either.isLeft(res) && res.left._tag).toBe("NixFailed")
    expect(Buffer.compare(readFileSync(out), before)).toBe(0)
  }))

  it.live("nix-env printing something that is not a package listing", () => Effect.gen(function*() {
    const res = yield* Effect.either(buildIndex({ out }).pipe(Effect.provide(fakeNix({
      "nix-env": { stdout: "{\"truncated\": {\"na" }, "nix-instantiate": { stdout: "null" }
    }, []))))
    expect(Either.isLeft(res) && res.left._tag).toBe("ImportFailed")
  }))
})

describe("buildIndex through Nix", () => {
  it.live("runs nix-env -qaP --json --meta on the channel, allowing unfree/broken/insecure, and records the revision", () => Effect.gen(function*() {
    const calls: Array<NixCommand> = []
    const out = join(dir, "channel", "index")
    const res = yield* buildIndex({ out }).pipe(Effect.provide(fakeNix({
      "nix-env": { stdout: nixEnvJson(["hello", "jq"]) },
      "nix-instantiate": { stdout: "\"19.09.2201.8731aaaf8b3\"\n" }
    }, calls)))
    expect(calls[0]!.argv).toEqual(["nix-env", "-qaP", "--json", "--meta", "-f", "<nixpkgs>"])
    expect(calls[0]!.mutating).toBe(false)
    expect(calls[0]!.env).toMatchObject({ NIXPKGS_ALLOW_UNFREE: "1", NIXPKGS_ALLOW_BROKEN: "1", NIXPKGS_ALLOW_INSECURE: "1" })
    expect(calls.every((c) => !c.mutating)).toBe(true)
    expect(res.status).toMatchObject({ packages: 2, source: "channel:<nixpkgs>", revision: "19.09.2201.8731aaaf8b3" })
    const r = openIndexReader(out)
    expect(r.lookup("jq")?.attrPath).toBe("jq")
    r.close()
  }))

  it.live("uses -f FILE for --file", () => Effect.gen(function*() {
    const calls: Array<NixCommand> = []
    const res = yield* buildIndex({ file: "/src/nixpkgs", out: join(dir, "file", "index") }).pipe(Effect.provide(fakeNix({
      "nix-env": { stdout: nixEnvJson(["hello"]) }, "nix-instantiate": { stdout: "", exitCode: 1 }
    }, calls)))
    expect(calls[0]!.argv).toEqual(["nix-env", "-qaP", "--json", "--meta", "-f", "/src/nixpkgs"])
    expect(res.status).toMatchObject({ source: "nix-file:/src/nixpkgs", revision: null })
  }))

  it.live("uses nix search --json FLAKE ^ for --flake", () => Effect.gen(function*() {
    const calls: Array<NixCommand> = []
    const out = join(dir, "flake", "index")
    const search = JSON.stringify({
      "legacyPackages.x86_64-linux.hello": { pname: "hello", version: "2.12", description: "A program that produces a familiar, friendly greeting" },
      "legacyPackages.x86_64-linux.python3Packages.requests": { pname: "requests", version: "2.31.0", description: "HTTP library for Python" }
    })
    const res = yield* buildIndex({ flake: "nixpkgs", out }).pipe(Effect.provide(fakeNix({
      nix: { stdout: search }
    }, calls)))
    expect(calls[0]!.argv).toEqual(["nix", "search", "--json", "nixpkgs", "^"])
    expect(res.status).toMatchObject({ packages: 2, source: "flake:nixpkgs" })
    const r = openIndexReader(out)
    expect(r.search("hello", 1).hits[0]).toMatchObject({ attrPath: "hello", version: "2.12" })
    expect(r.lookup("python3Packages.requests")?.version).toBe("2.31.0")
    r.close()
  }))

  it("warns when free memory is low", () => {
    expect(lowMemoryWarning(512 * 1024 ** 2)).toMatch(/0\.5 GiB/)
    expect(lowMemoryWarning(8 * 1024 ** 3)).toBeUndefined()
  })
})

describe("concurrent builds", () => {
  it.live("two builds and a reader at once never leave a broken index or temp files", () => Effect.gen(function*() {
    const out = join(dir, "race", "index")
    const a = join(dir, "race-a.json")
    const b = join(dir, "race-b.json")
    writeFileSync(a, nixEnvJson(Array.from({ length: 3000 }, (_, i) => `alpha${i}`)))
    writeFileSync(b, nixEnvJson(Array.from({ length: 2000 }, (_, i) => `beta${i}`)))
    const build = (from: string) => buildIndex({ from, out }).pipe(Effect.provide(noNix([])))
    const readWhileBuilding = Effect.gen(function*() {
      for (let i = 0; i < 50; i++) {
        if (existsSync(out)) {
          const r = openIndexReader(out)
          expect([3000, 2000]).toContain(r.status().packages)
          expect(r.search("alpha1", 1).hits.length + r.search("beta1", 1).hits.length).toBe(1)
          r.close()
        }
        yield* Effect.sleep("5 millis")
      }
    })
    yield* Effect.all([build(a), build(b), build(a), build(b), readWhileBuilding], { concurrency: "unbounded" })
    const r = openIndexReader(out)
    expect([3000, 2000]).toContain(r.status().packages)
    r.close()
    expect(readdirSync(join(dir, "race"))).toEqual(["index"])
  }))
})

describe("concurrent builds in separate processes", () => {
  it.live("four processes building the same index at once, while it is read, leave one complete index", () => Effect.gen(function*() {
    const esbuild = yield* Effect.promise(() => import("esbuild"))
    const entry = join(dir, "proc-build.ts")
    writeFileSync(entry, [
      `import { Effect, Layer } from "effect"`,
      `import { buildIndex } from ${JSON.stringify(fileURLToPath(new URL("../../src/layers/index/buildIndex.ts", import.meta.url)))}`,
      `import { Nix } from ${JSON.stringify(fileURLToPath(new URL("../../src/services/Nix.ts", import.meta.url)))}`,
      `const NoNix = Layer.succeed(Nix, {} as never)`,
      `Effect.runPromise(buildIndex({ from: process.argv[2]!, out: process.argv[3]! }).pipe(Effect.provide(NoNix)))`,
      `  .then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })`
    ].join("\n"))
    const bundle = join(dir, "proc-build.mjs")
    yield* Effect.promise(() => esbuild.build({
      entryPoints: [entry], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "silent",
      nodePaths: [fileURLToPath(new URL("../../node_modules", import.meta.url))]
    }))
    const out = join(dir, "proc-race", "index")
    const a = join(dir, "proc-a.json")
    const b = join(dir, "proc-b.json")
    writeFileSync(a, nixEnvJson(Array.from({ length: 6000 }, (_, i) => `alpha${i}`)))
    writeFileSync(b, nixEnvJson(Array.from({ length: 4000 }, (_, i) => `beta${i}`)))
    const run = (from: string) => Effect.async<number>((resume) => {
      const child = spawn(process.execPath, [bundle, from, out], { stdio: "ignore" })
      child.on("exit", (code) => resume(Effect.succeed(code ?? -1)))
    })
    let reads = 0
    let done = false
    const readWhileBuilding = Effect.gen(function*() {
      while (!done) {
        if (existsSync(out)) {
          const r = openIndexReader(out)
          expect([6000, 4000]).toContain(r.status().packages)
          expect(r.search("alpha1", 1).hits.length + r.search("beta1", 1).hits.length).toBe(1)
          r.close()
          reads++
        }
        yield* Effect.sleep("5 millis")
      }
    })
    const [codes] = yield* Effect.all([
      Effect.all([run(a), run(b), run(a), run(b)], { concurrency: "unbounded" }).pipe(Effect.ensuring(Effect.sync(() => { done = true }))),
      readWhileBuilding
    ], { concurrency: "unbounded" })
    expect(codes).toEqual([0, 0, 0, 0])
    expect(reads).toBeGreaterThan(0)
    const r = openIndexReader(out)
    expect([6000, 4000]).toContain(r.status().packages)
    r.close()
    expect(readdirSync(join(dir, "proc-race"))).toEqual(["index"])
  }))
})

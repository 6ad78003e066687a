/**
 * An index in seconds: a NixOS release's packages.json (`{"version": 2, "packages": {...}}`), plain or
 * brotli-compressed as packages.json.br, imported with --from or downloaded with --url from a local HTTP
 * server. The file is made here from the shared 2020 channel data.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Stream } from "effect"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { brotliCompressSync, constants, gunzipSync } from "node:zlib"
import { userMessage } from "../../src/domain/errors.js"
import type { BuildProgress } from "../../src/domain/index/IndexBuild.js"
import { importPackageListing } from "../../src/domain/index/importNixEnv.js"
import { packagesJsonUrl } from "../../src/domain/index/releaseUrl.js"
import { buildIndex } from "../../src/layers/index/buildIndex.js"
import { openIndexReader } from "../../src/layers/index/openIndex.js"
import { Nix, type NixCommand } from "../../src/services/Nix.js"

const DATA = fileURLToPath(new URL("../../../shared/data/nixpkgs-channel-2020.json.gz", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "ask-nix-release-"))

const noNix = Layer.succeed(Nix, {
  run: () => Effect.die("no Nix here"), exec: () => Effect.die("no Nix here"), stream: () => Stream.die("no Nix here"),
  which: () => Effect.succeed(undefined)
})
const brotli = (s: string) => brotliCompressSync(Buffer.from(s), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })

/** The shared channel data in packages.json's shape (version 2), as NixOS releases publish it. */
const channel = JSON.parse(gunzipSync(readFileSync(DATA)).toString("utf8")) as Record<string, unknown>
const packagesJson = (packages: Record<string, unknown>) => JSON.stringify({ version: 2, packages })
const fullBr = join(dir, "packages.json.br")
writeFileSync(fullBr, brotli(packagesJson(channel)))
const small = Object.fromEntries(Object.entries(channel).filter((_, i) => i % 40 === 0 || ["ripgrep", "firefox"].includes(_[0])))
const smallBr = brotli(packagesJson(small))

describe("packages.json", () => {
  it("is read as a package listing, and other versions are refused", () => {
    const ok = importPackageListing({ version: 2, packages: { hello: { name: "hello-2.10", pname: "hello", version: "2.10", meta: { description: "Hi" } } } })
    expect(typeof ok !== "string" && ok.records.map((r) => [r.attrPath, r.pname, r.description])).toEqual([["hello", "hello", "Hi"]])
    expect(importPackageListing({ version: 1, packages: {} })).toContain("version 1")
    expect(importPackageListing({ version: 2, packages: [] })).toContain("not an object")
  })

  it.live("--from packages.json.br: the whole 2020 channel in a few seconds", () => Effect.gen(function*() {
    const out = join(dir, "from-br", "index")
    const started = performance.now()
    const res = yield* buildIndex({ from: fullBr, out }).pipe(Effect.provide(noNix))
    const ms = performance.now() - started
    console.log(`index build --from packages.json.br (48,337 packages): ${(ms / 1000).toFixed(1)} s`)
    expect(res.status).toMatchObject({ packages: 48337, source: `file:${fullBr}` })
    const r = openIndexReader(out)
    expect(r.search("firefox", 1).hits[0]!.attrPath).toBe("firefox")
    expect(r.search("rg", 1).hits[0]!.attrPath).toBe("ripgrep")
    r.close()
  }))

  it.live("--from a plain packages.json too", () => Effect.gen(function*() {
    const plain = join(dir, "packages.json")
    writeFileSync(plain, packagesJson(small))
    const res = yield* buildIndex({ from: plain, out: join(dir, "plain", "index") }).pipe(Effect.provide(noNix))
    expect(res.status.packages).toBe(Object.keys(small).length)
  }))
})

describe("release URLs", () => {
  it("are derived from the channel's store path", () => {
    expect(packagesJsonUrl("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nixos-23.11.5848.2a34566b67bf/nixos"))
      .toBe("https://releases.nixos.org/nixos/23.11/nixos-23.11.5848.2a34566b67bf/packages.json.br")
    expect(packagesJsonUrl("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nixos-24.05pre588789.bb5fbb9f5f2c/nixos"))
      .toBe("https://releases.nixos.org/nixos/unstable/nixos-24.05pre588789.bb5fbb9f5f2c/packages.json.br")
    expect(packagesJsonUrl("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nixpkgs-24.05pre588789.bb5fbb9f5f2c/nixpkgs"))
      .toBe("https://releases.nixos.org/nixpkgs/nixpkgs-24.05pre588789.bb5fbb9f5f2c/packages.json.br")
    expect(packagesJsonUrl("/home/me/src/nixpkgs")).toBeUndefined()
  })

  it.live("a channel that names no release: a clear error that says to pass --url", () => Effect.gen(function*() {
    const calls: Array<NixCommand> = []
    const nix = Layer.succeed(Nix, {
      run: () => Effect.die("not here"),
      exec: (cmd) => Effect.sync(() => { calls.push(cmd); return { argv: cmd.argv, exitCode: 0, stdout: `${dir}\n`, stderr: "" } }),
      stream: () => Stream.empty,
      which: () => Effect.succeed(undefined)
    })
    const res = yield* Effect.either(buildIndex({ download: true, out: join(dir, "derive", "index") }).pipe(Effect.provide(nix)))
    expect(calls.map((c) => c.argv)).toEqual([["nix-instantiate", "--find-file", "nixpkgs"]])
    expect(Either.isLeft(res) && userMessage(res.left)).toMatch(/does not name a NixOS release.*--url/)
  }))
})

describe("--url: downloading packages.json.br", () => {
  let server: Server
  let base = ""
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/nixos-19.09.2201.8731aaaf8b3/packages.json.br") {
        res.writeHead(200, { "content-length": smallBr.length })
        // in pieces, so that progress is reported more than once
        let at = 0
        const step = () => {
          if (at >= smallBr.length) { res.end(); return }
          res.write(smallBr.subarray(at, at + 16_384))
          at += 16_384
          setTimeout(step, 5)
        }
        step()
      } else if (req.url === "/cut-short") {
        res.writeHead(200, { "content-length": smallBr.length })
        res.end(smallBr.subarray(0, 1000))
        req.socket.destroy()
      } else if (req.url === "/not-json") {
        res.writeHead(200)
        res.end("<html>a login page</html>")
      } else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    rmSync(dir, { recursive: true, force: true })
  })

  it.live("downloads with progress, and records where the packages came from", () => Effect.gen(function*() {
    const url = `${base}/nixos-19.09.2201.8731aaaf8b3/packages.json.br`
    const events: Array<BuildProgress> = []
    const out = join(dir, "url", "index")
    const res = yield* buildIndex({ url, out, onProgress: (p) => events.push(p) }).pipe(Effect.provide(noNix))
    expect(res.status).toMatchObject({ packages: Object.keys(small).length, source: `url:${url}`, revision: "nixos-19.09.2201.8731aaaf8b3" })
    const bytes = events.flatMap((e) => (e.bytes === undefined ? [] : [e.bytes]))
    expect(bytes.length).toBeGreaterThan(2)
    expect(bytes.at(-1)).toEqual({ received: smallBr.length, total: smallBr.length })
    for (let i = 1; i < bytes.length; i++) expect(bytes[i]!.received).toBeGreaterThanOrEqual(bytes[i - 1]!.received)
    const r = openIndexReader(out)
    expect(r.search("ripgrep", 1).hits[0]!.attrPath).toBe("ripgrep")
    r.close()
  }))

  it.live("a missing file, a download cut short, something that is not JSON, no server: clear errors, the old index kept", () => Effect.gen(function*() {
    const out = join(dir, "kept", "index")
    yield* buildIndex({ url: `${base}/nixos-19.09.2201.8731aaaf8b3/packages.json.br`, out }).pipe(Effect.provide(noNix))
    const before = readFileSync(out)
    const dead = createServer()
    yield* Effect.promise(() => new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve)))
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/x`
    yield* Effect.promise(() => new Promise((resolve) => dead.close(resolve)))
    for (const [url, says] of [
      [`${base}/nowhere`, "404"], [`${base}/cut-short`, "download"], [`${base}/not-json`, "neither JSON"], [deadUrl, "cannot download it"]
    ] as const) {
      const res = yield* Effect.either(buildIndex({ url, out }).pipe(Effect.provide(noNix)))
      expect(Either.isLeft(res), url).toBe(true)
      if (Either.isLeft(res)) {
        expect(res.left._tag).toBe("ImportFailed")
        expect(userMessage(res.left), url).toContain(says)
        expect(userMessage(res.left)).toContain("existing index was left as it was")
      }
      expect(Buffer.compare(readFileSync(out), before)).toBe(0)
    }
  }))
})

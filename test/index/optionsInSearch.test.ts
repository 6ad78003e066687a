/**
 * NixOS options in search: "ssh options" and "bluetooth" also show matching options of the NixOS options the
 * index was built with (the real 19.09 options), in a section of their own, never among the packages; JSON
 * keeps them in a separate array.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { answerJson, answerLines } from "../../src/cli/render.js"
import { moduleNames, rankOptions, wantsOptions } from "../../src/domain/index/optionHits.js"
import type { Answer } from "../../src/domain/Plan.js"
import { buildIndex } from "../../src/layers/index/buildIndex.js"
import { searchAnswer } from "../../src/layers/index/answers.js"
import { openIndexReader } from "../../src/layers/index/openIndex.js"
import { makePackageIndex } from "../../src/layers/PackageIndexLive.js"
import { Nix } from "../../src/services/Nix.js"
import { PackageIndex } from "../../src/services/PackageIndex.js"

const OPTIONS = fileURLToPath(new URL("../../../shared/data/nixos-options-2020.json.gz", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "ask-nix-options-search-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const noNix = Layer.succeed(Nix, {
  run: () => Effect.die("no Nix here"), exec: () => Effect.die("no Nix here"), stream: () => Stream.die("no Nix here"),
  which: () => Effect.succeed(undefined)
})
const pkg = (pname: string, description: string) => ({ name: `${pname}-1.0`, pname, version: "1.0", meta: { description } })
const from = join(dir, "packages.json")
writeFileSync(from, JSON.stringify({
  openssh: pkg("openssh", "An implementation of the SSH protocol"),
  bluez: pkg("bluez", "Bluetooth support for Linux"),
  blueman: pkg("blueman", "GTK-based Bluetooth Manager"),
  firefox: pkg("firefox", "A web browser built from Firefox source tree")
}))

const answerFor = (index: string, query: string) =>
  searchAnswer(query).pipe(Effect.provide(Layer.succeed(PackageIndex, makePackageIndex(index, () => openIndexReader(index)).service)))
const searchOf = (outcome: unknown): Extract<Answer, { _tag: "search" }> => {
  const a = (outcome as { answer: Answer }).answer
  if (a._tag !== "search") throw new Error(`not a search answer: ${a._tag}`)
  return a
}

describe("which requests ask for options", () => {
  const modules = new Set(["bluetooth", "openssh", "ssh"])
  it("says so, or is one word naming a module", () => {
    expect(wantsOptions("ssh options", modules)).toBe(true)
    expect(wantsOptions("bluetooth settings", modules)).toBe(true)
    expect(wantsOptions("bluetooth", modules)).toBe(true)
    expect(wantsOptions("firefox", modules)).toBe(false)
    expect(wantsOptions("pdf viewer", modules)).toBe(false)
    expect(wantsOptions("options", modules)).toBe(false) // nothing to look for
  })
  it("module names come from enable options", () => {
    expect(moduleNames({ "services.openssh.enable": {}, "hardware.bluetooth.enable": {}, "services.openssh.ports": {} }))
      .toEqual(["bluetooth", "openssh"])
  })
  it("ranks options whose module is named first, a few per module", () => {
    const hits = rankOptions({
      "services.openssh.enable": { description: "Whether to enable the OpenSSH secure shell daemon.", type: "boolean" },
      "services.openssh.ports": { description: "Specifies on which ports the SSH daemon listens.", type: "list of ports" },
      "programs.ssh.startAgent": { description: "Whether to start the OpenSSH agent.", type: "boolean" },
      "system.nssHosts": { description: "List of host entries.", type: "list of strings" },
      "services.nginx.enable": { description: "Whether to enable Nginx Web Server.", type: "boolean" }
    }, "ssh options", 10).map((h) => h.name)
    expect(hits.slice(0, 3)).toEqual(expect.arrayContaining(["services.openssh.enable", "programs.ssh.startAgent"]))
    expect(hits).not.toContain("system.nssHosts")
    expect(hits).not.toContain("services.nginx.enable")
  })
})

describe("search with the real 19.09 NixOS options", () => {
  const withOptions = join(dir, "with", "index")
  const without = join(dir, "without", "index")

  it.live("shows matching options apart from the packages, in text and in JSON", () => Effect.gen(function*() {
    yield* buildIndex({ from, out: withOptions, nixosOptions: OPTIONS }).pipe(Effect.provide(noNix))
    const ssh = searchOf(yield* answerFor(withOptions, "ssh options"))
    expect(ssh.results.map((r) => r.attrPath)).toContain("openssh")
    const names = (ssh.options ?? []).map((o) => o.name)
    expect(names).toContain("services.openssh.enable")
    expect(names.some((n) => n.startsWith("programs.ssh."))).toBe(true)
    expect(ssh.results.some((r) => r.attrPath.includes("."))).toBe(false) // no option among the packages
    const json = answerJson(ssh)
    expect(Array.isArray(json["options"]) && Array.isArray(json["results"])).toBe(true)
    const lines = answerLines(ssh)
    const header = lines.indexOf("NixOS options (set them in configuration.nix):")
    expect(header).toBeGreaterThan(lines.findIndex((l) => l.startsWith("openssh")))
    expect(lines.slice(header).some((l) => l.includes("services.openssh.enable"))).toBe(true)

    const bluetooth = searchOf(yield* answerFor(withOptions, "bluetooth"))
    expect(bluetooth.results.map((r) => r.attrPath)).toEqual(expect.arrayContaining(["bluez", "blueman"]))
    expect(bluetooth.options?.[0]?.name).toBe("hardware.bluetooth.enable")

    const firefox = searchOf(yield* answerFor(withOptions, "firefox"))
    expect(firefox.options).toBeUndefined()
  }))

  it.live("an index built without NixOS options shows none", () => Effect.gen(function*() {
    yield* buildIndex({ from, out: without }).pipe(Effect.provide(noNix))
    expect(searchOf(yield* answerFor(without, "ssh options")).options).toBeUndefined()
  }))
})

/** Ordinary words are never acted on as package names (issue 13); package-looking names still are. */
import { beforeAll, describe, expect, it } from "vitest"
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { isDictionaryWord, isEnglishWord } from "../../src/domain/parse/dictionary.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames, repoRoot } from "./channelNames.js"

const WORDS = "/usr/share/dict/american-english"

describe("isDictionaryWord", () => {
  it.each(["correctly", "development", "further", "bluetooth", "equivalent", "store", "tricks"])("%s is an ordinary word", (w) => {
    expect(isDictionaryWord(w)).toBe(true)
  })
  // package names (of the 2020 channel, or looking like one) are not
  it.each(["firefox", "check", "git", "tailscale", "devenv", "i3lock-color", "python3", "nix-index", "Correctly", "", "a"])("%s is not", (w) => {
    expect(isDictionaryWord(w)).toBe(false)
  })

  it("knows English words that are also package names", () => {
    expect(isEnglishWord("love")).toBe(true)
    expect(isDictionaryWord("love")).toBe(false)
    expect(isEnglishWord("tailscale")).toBe(false)
  })

  it.runIf(fs.existsSync(WORDS))("holds exactly wamerican's words, the channel's package names marked (scripts/gen-dictionary.mjs --check)", () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, "scripts/gen-dictionary.mjs"), "--check"], { encoding: "utf8" })
    expect(run.status, run.stdout + run.stderr).toBe(0)
  })
})

describe("ordinary words in a request", () => {
  let names: NameResolver
  beforeAll(async () => { names = await channelNames() })

  it("are left out, and the real package kept", () => {
    const u = parseRequest("I would like to install correctly flask", { names })
    expect(u.intent).toMatchObject({ _tag: "install", packages: ["python3Packages.flask"] })
    expect(u.notes.join(" ")).toContain("\"correctly\" is an ordinary word")
  })

  it("say what they may have meant, looked up for the reading kept only", () => {
    const asked: Array<string> = []
    const counted: NameResolver = { ...names, suggest: (w, n, e) => { asked.push(w); return names.suggest(w, n, e) } }
    const u = parseRequest("remove gnome", { names: counted })
    expect(u.intent).toMatchObject({ _tag: "configure", text: "gnome", action: "disable" })
    expect(u.notes).toContain(
      "\"gnome\" is an ordinary word, not a package in the index: left out. Did you mean: gnome-usage, gnomecast, gnome-builder? To turn on the NixOS setting, say \"enable gnome\"."
    )
    // "the kernel is old, update it" is first read as "update kernel", a reading thrown away: its
    // did-you-mean (a scan of every name) is never looked up
    asked.length = 0
    const k = parseRequest("the kernel is old, update it", { names: counted })
    expect(k.notes.join(" ")).not.toContain("kernel\" is an ordinary word")
    expect(asked).not.toContain("kernel")
  })

  it.each(["add development", "remove further", "update equivalent", "try tricks"])("%s acts on nothing", (text) => {
    for (const ctx of [{ names }, {}]) {
      const u = parseRequest(text, ctx)
      expect(u.intent._tag).toBe("unknown")
      expect(u.notes.join(" ")).toContain("is an ordinary word")
    }
  })

  it("a setting no package is called is a setting, never an install ('install bluetooth')", () => {
    for (const ctx of [{ names }, {}]) expect(parseRequest("install bluetooth", ctx).intent).toMatchObject({ _tag: "configure", text: "bluetooth", action: "enable" })
    expect(parseRequest("update bluetooth", { names }).intent._tag).toBe("unknown")
  })

  it("are not corrected into a package they are not", () => {
    const u = parseRequest("install store", { names })
    expect(u.intent._tag).toBe("unknown")
    expect(u.corrections).toEqual([])
  })

  it("names that look like packages keep today's behaviour: kept, with a did-you-mean", () => {
    const u = parseRequest("install tailscale", { names })
    expect(u.intent).toMatchObject({ _tag: "install", packages: ["tailscale"] })
    expect(u.notes.join(" ")).toContain("not in the package index; kept as written")
    expect(parseRequest("install i3lock-colour", { names }).intent).toMatchObject({ _tag: "install" })
  })

  it("programs called by an ordinary word are still understood", () => {
    expect(parseRequest("remove teams", { names }).intent).toMatchObject({ _tag: "remove", packages: ["teams"] })
    expect(parseRequest("try helix").intent).toMatchObject({ _tag: "try", packages: ["helix"] })
  })

  it("with packages from the user's own file or flake, any word may be one of its names", () => {
    expect(parseRequest("install greet", { names, customPackages: true }).intent).toMatchObject({ _tag: "install", packages: ["greet"] })
    expect(parseRequest("install greet", { names }).intent._tag).toBe("unknown")
  })

  it("a question about an ordinary word is not refused (nothing is acted on)", () => {
    expect(parseRequest("tell me about development", { names }).intent._tag).toBe("info")
  })
})

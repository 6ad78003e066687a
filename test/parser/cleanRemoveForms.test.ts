/**
 * Forms of remove / clean / list / generations / rollback requests as people write them (issue 13): how-to
 * questions with nothing named, problems told instead of ordered, nh's cleaner, code spans, descriptors
 * before a name, misspelt words of the grammar. The sentences are written for these tests.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut, isMutating } from "../../src/domain/Intent.js"
import { fixKeywords } from "../../src/domain/parse/keywordTypos.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

const both = (text: string) => [parseRequest(text, { names }), parseRequest(text)]

describe("removing or installing with nothing named", () => {
  it.each([
    ["how to remove any package", "uninstall"],
    ["how do i uninstall a package?", "uninstall"],
    ["Remove a package by attribute path", "uninstall"],
    ["Install a package by attribute path", "install"]
  ])("%s: how it is done, explained", (text, topic) => {
    for (const u of both(text)) {
      expect(u.intent._tag, text).toBe("explain")
      expect((u.intent as { readonly query: string }).query.split(" ")[0], text).toBe(topic)
    }
  })

  it("a kind of program is still a search, and a named package still an order", () => {
    expect(parseRequest("how do i install a package manager", { names }).intent._tag).not.toBe("explain")
    expect(parseRequest("uninstall ripgrep", { names }).intent).toMatchObject({ _tag: "remove", packages: ["ripgrep"] })
  })

  it("an entry removed from NIX_PATH or the channels is no package: how it is done, explained", () => {
    for (const text of ["remove nixpkgs-unstable from NIX_PATH", "drop nixos-20.09 from my channels"]) {
      for (const u of both(text)) {
        expect(u.intent._tag, text).toBe("explain")
        expect(isMutating(u.intent), text).toBe(false)
      }
    }
    // the configuration and the profile stay places packages are removed from
    expect(parseRequest("remove ripgrep from configuration.nix", { names }).intent).toMatchObject({ _tag: "remove", packages: ["ripgrep"] })
  })

  it("what comes along with a package (its dependencies, its config) is no package of its own", () => {
    for (const text of ["remove ripgrep and all its dependencies", "Purge ripgrep and its config", "uninstall ripgrep along with its dependencies"]) {
      for (const u of both(text)) expect(u.intent, text).toMatchObject({ _tag: "remove", packages: ["ripgrep"] })
    }
  })
})

describe("cleaning up", () => {
  it.each(["erase old generations", "Run `nh clean`", "run nh clean", "nh clean all"])("%s: clean", (text) => {
    for (const u of both(text)) {
      expect(u.intent._tag, text).toBe("clean")
      expect(isCarriedOut(u), text).toBe(true)
    }
  })

  it("a store that filled the drive is told, not ordered: the clean plan is the answer", () => {
    for (const text of ["my store filled my drive", "The nix store grew to 90GB and filled my disk, so I can't install anything"]) {
      for (const u of both(text)) {
        expect(u.intent._tag, text).toBe("clean")
        expect(u.question, text).toBe(true)
      }
    }
  })

  it("a descriptor before a name is not a package", () => {
    expect(parseRequest("Remove unused ripgrep package", { names }).intent).toMatchObject({ _tag: "remove", packages: ["ripgrep"] })
    // the packages nothing uses are a clean, as before
    expect(parseRequest("remove unused packages", { names }).intent._tag).toBe("clean")
  })
})

describe("misspelt words of the grammar", () => {
  it.each([
    ["rollbak", "rollback"], ["roll bakc", "rollback"], ["delet old generations", "clean"], ["clena up", "clean"],
    ["garbage colect", "clean"], ["list installed pakages", "list"], ["show my generatons", "generations"]
  ])("%s -> %s, the slip shown", (text, kind) => {
    const u = parseRequest(text, { names })
    expect(u.intent._tag).toBe(kind)
    expect(u.corrections.length).toBeGreaterThan(0)
    // read from a slip: never more sure than a corrected verb
    if (isMutating(u.intent)) expect(u.confidence).toBeLessThanOrEqual(0.85)
  })

  it("English words and package names are never 'fixed' into the grammar's words", () => {
    expect(fixKeywords("store", names)).toBeUndefined()
    expect(fixKeywords("rclone", names)).toBeUndefined()
    expect(fixKeywords("claen", names)?.text).toBe("clean")
  })
})

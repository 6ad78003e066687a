/**
 * "Remove gnome", "uninstall the firewall", "install bluetooth" (issue 13): the words of an install or a removal
 * that name a NixOS setting (grammar/settings.ts) and no package are the setting turned on or off, asked before it
 * is done, never a package "as written" nor nothing at all. Words that name a package stay an install or a removal.
 * The sentences are written for these tests, with other settings than the real-request corpus.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { actsWithoutAsking, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

const fields = (u: Understood) => u.intent as unknown as { readonly _tag: string; readonly text?: string; readonly action?: string; readonly packages?: ReadonlyArray<string> }

describe("an install or a removal of words that name a setting and no package", () => {
  it.each([
    ["Remove cinnamon", "cinnamon", "disable"],
    ["uninstall cinnamon from my laptop", "cinnamon", "disable"],
    ["get rid of the firewall", "firewall", "disable"],
    ["remove hibernation", "hibernation", "disable"]
  ])("%s -> %s turned %s, asked first", (text, words, action) => {
    const u = parseRequest(text, { names })
    expect(fields(u)._tag, text).toBe("configure")
    expect(fields(u).text, text).toBe(words)
    expect(fields(u).action, text).toBe(action)
    expect(actsWithoutAsking(u.confidence), text).toBe(false)
  })

  it("asked as a question, it is the plan, never carried out", () => {
    const u = parseRequest("How do I uninstall plasma?", { names })
    expect(fields(u)._tag).toBe("configure")
    expect(isCarriedOut(u)).toBe(false)
  })

  it("words that name a package stay the package; words that name no setting stay refused", () => {
    expect(fields(parseRequest("remove ripgrep", { names }))).toMatchObject({ _tag: "remove", packages: ["ripgrep"] })
    expect(fields(parseRequest("uninstall correctly", { names }))._tag).toBe("unknown")
  })
})

/**
 * What one switches to is a module turned on (issue 13, real titles such as "Switch to Starship"): after "switch to",
 * "move to" or "migrate to", the name of a NixOS or home-manager module in one word (a program's module, not only a
 * setting's word) is that module enabled, asked first; what it replaces ("from oh-my-zsh") is no part of it. A channel,
 * a generation, a narration, a question or a negation around the same words is not read this way.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { actsWithoutAsking } from "../../src/domain/parse/threshold.js"
import { channelNames } from "./channelNames.js"
import { optionSet } from "./readings.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

describe("a module switched to", () => {
  it("is that module turned on, asked first", () => {
    for (const [text, scope, option] of [
      ["Switch to Starship", "home", "programs.starship.enable"],
      ["Switch to Starship from oh-my-zsh", "home", "programs.starship.enable"],
      ["migrate to plymouth", "nixos", "boot.plymouth.enable"]
    ] as const) {
      const u = parseRequest(text, { names })
      expect(u.intent._tag, text).toBe("configure")
      expect(actsWithoutAsking(u.confidence), text).toBe(false)
      expect(optionSet(u, scope), text).toBe(option)
    }
  })

  it("a channel, a generation, a narration, a question or a negation is not a module switched to", () => {
    expect(parseRequest("switch to unstable", { names }).intent._tag).not.toBe("configure")
    expect(parseRequest("switch to generation 7", { names }).intent._tag).toBe("rollback")
    for (const text of ["I switched to starship", "why switch to starship?", "don't switch to starship"]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(false)
    }
  })
})

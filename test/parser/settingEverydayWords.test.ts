/**
 * Settings named in everyday words (issue 13): what the NixOS and home-manager options' descriptions say
 * a switch turns on ("the garbage collector", "fingerprint readers") names a setting as well as the
 * settings list does, read from a table derived from the 2020 option data
 * (grammar/settingDescriptionWords.generated.ts), not from corpus lines.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const fields = (u: Understood) => u.intent as unknown as { readonly _tag: string; readonly text?: string; readonly action?: string }
const configures = (text: string, words: string, action: string) => {
  const u = parseRequest(text)
  expect(fields(u)._tag, text).toBe("configure")
  expect(fields(u).text, text).toBe(words)
  expect(fields(u).action, text).toBe(action)
  expect(u.question === true, text).toBe(false)
}

describe("a switch turned on or off, named by what its description says it turns on", () => {
  it("Disable Garbage collector (nix.gc.automatic: \"Automatically run the garbage collector\")", () => {
    configures("Disable Garbage collector", "garbage collector", "disable")
    configures("disable the garbage collector", "garbage collector", "disable")
  })
  it("enable the fingerprint reader (services.fprintd: \"... for fingerprint readers handling\")", () => {
    configures("enable the fingerprint reader", "fingerprint reader", "enable")
  })
  it("every word must be one the switches' descriptions use: no setting is made of other words", () => {
    const u = parseRequest("enable usually something")
    expect(isCarriedOut(u) && fields(u)._tag === "configure").toBe(false)
  })
})

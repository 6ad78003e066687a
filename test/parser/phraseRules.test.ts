/** Plugins extend the grammar with PhraseRules, tried before the built-in tables. */
import { describe, expect, it } from "vitest"
import { intentToJson, isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import type { PhraseRule } from "../../src/domain/parse/PhraseRule.js"

const doctor: PhraseRule = { kind: "doctor", plugin: "doctor", patterns: ["is my nix ok", "check my setup", "doctor", "what did i change {rest}"] }
const pin: PhraseRule = { kind: "pin", plugin: "pins", mutating: true, patterns: ["pin {rest}", "keep {rest} at this version"] }
const builtin: PhraseRule = { kind: "install", patterns: ["beam me up {rest}"] }
const rules = [doctor, pin, builtin]

describe("PhraseRule extensions", () => {
  it("a plugin phrase yields a PluginIntent with the captured rest", () => {
    const u = parseRequest("Please, what did I change yesterday?", { rules })
    expect(u.intent._tag).toBe("plugin")
    const j = intentToJson(u)
    expect(j["plugin"]).toEqual({ id: "doctor", kind: "doctor", args: { mutating: false } })
    expect(j["text"]).toBe("yesterday")
    expect(isMutating(u.intent)).toBe(false)
  })

  it("phrases match after politeness is removed, whole request only", () => {
    expect(parseRequest("hey could you check my setup please", { rules }).intent._tag).toBe("plugin")
    expect(parseRequest("doctor", { rules }).intent._tag).toBe("plugin")
    expect(parseRequest("doctor who is great", { rules }).intent._tag).not.toBe("plugin")
  })

  it("a mutating plugin intent says so (the dry-run policy applies to it)", () => {
    const u = parseRequest("pin firefox", { rules })
    expect(u.intent._tag).toBe("plugin")
    expect(isMutating(u.intent)).toBe(true)
    expect(intentToJson(u)["text"]).toBe("firefox")
  })

  it("plugin rules are tried before the built-in grammar", () => {
    const shadow: PhraseRule = { kind: "fancy-install", plugin: "fancy", patterns: ["install {rest}"] }
    expect(parseRequest("install firefox", { rules: [shadow] }).intent._tag).toBe("plugin")
    expect(parseRequest("install firefox").intent._tag).toBe("install")
  })

  it("a rule without a plugin yields the built-in kind, with rest as package words", () => {
    const u = parseRequest("beam me up firefox and git", { rules })
    expect(u.intent._tag).toBe("install")
    expect(intentToJson(u)["packages"]).toEqual(["firefox", "git"])
  })

  it("without rules, plugin phrases are not understood", () => {
    expect(parseRequest("check my setup").intent._tag).toBe("unknown")
    expect(parseRequest("pin firefox").intent._tag).not.toBe("plugin")
  })
})

import { describe, expect, it } from "vitest"
import { explain, explanationTopics } from "../../src/domain/explanations.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("explanations", () => {
  it.each([
    ["generation", "generation"], ["generations", "generation"], ["channel", "channel"], ["flakes", "flake"],
    ["the store", "store"], ["nix store", "store"], ["/nix/store", "store"], ["a profile", "profile"],
    ["garbage collection", "garbage collection"], ["gc", "garbage collection"], ["derivation", "derivation"],
    ["nix-env vs nix profile", "nix-env vs nix profile"], ["nix profile vs nix-env", "nix-env vs nix profile"]
  ])("%s -> %s", (q, topic) => {
    const e = explain(q)
    expect(e?.topic).toBe(topic)
    expect(e?.text.length).toBeGreaterThan(80)
  })

  it("has no explanation for unrelated words", () => {
    expect(explain("firefox")).toBeUndefined()
    expect(explain("weather")).toBeUndefined()
  })

  it("covers the topics a newcomer meets, and the parser reaches each", () => {
    for (const t of ["generation", "channel", "flake", "store", "profile", "garbage collection", "derivation", "nix-env vs nix profile"]) {
      expect(explanationTopics).toContain(t)
      const u = parseRequest(t === "nix-env vs nix profile" ? t : `what is ${t === "store" ? "the store" : `a ${t}`}?`)
      expect(u.intent).toMatchObject({ _tag: "explain", query: t })
    }
  })
})

describe("explanations for real requests", () => {
  it.each([
    ["Overriding the kitty package", "overlay"],
    ["How does home-manager work?", "home-manager"],
    ["How do specialArgs work?", "specialargs"],
    ["Use a package from nixos-unstable without nix-channel", "unstable"],
    ["Why does nix-collect-garbage not delete my old generations?", "garbage"]
  ])("%s is explained (about %s), never acted on", (text, word) => {
    const u = parseRequest(text)
    expect(u.intent._tag).toBe("explain")
    expect(u.intent).toMatchObject({ query: expect.stringContaining(word) })
  })

  it("a single name after 'what is' is a package to ask about; a negated order is still refused", () => {
    expect(parseRequest("what is home-manager").intent).toMatchObject({ _tag: "info", packages: ["home-manager"] })
    expect(parseRequest("don't update nixos").intent._tag).toBe("unknown")
  })
})

/**
 * Questions about how Nix works, in general forms (issue 13): a question word about a Nix idea or about a
 * program's relation to Nix is explained, never configured, searched or dropped, and the explanation's topic
 * keeps the words asked about (Nix's ideas, Nix tools, programs). The sentences are written for these tests,
 * not taken from the real-request corpus.
 */
import { describe, expect, it } from "vitest"
import type { Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { explainedTopic } from "./readings.js"

const queryOf = (u: Understood): string => (u.intent as { readonly query?: string }).query ?? ""

/** Explained, with every one of `words` in its topic. */
const explained = (text: string, ...words: ReadonlyArray<string>): void => {
  const topic = explainedTopic(parseRequest(text), text)
  for (const w of words) expect(topic, `${text}: topic "${topic.join(" ")}" lacks ${w}`).toContain(w)
}

describe("two things compared, and the words a built-in topic does not say", () => {
  it("'X vs Y' is explained when either side is a topic, with both sides", () => {
    explained("Stable vs unstable channel", "unstable", "stable")
    explained("flakes vs channels", "flake", "channels")
    explained("overlays versus overrides", "overlay", "overrides")
  })

  it("question words of meaning are never the topic", () => {
    const u = parseRequest("what is the difference between nix-env and nix profile?")
    expect(queryOf(u)).not.toMatch(/difference|between/)
    expect(queryOf(parseRequest("What is the purpose of home-manager?"))).toBe("home-manager")
  })
})

describe("what a Nix tool or name is, and whether it is needed", () => {
  it("what a Nix tool does is explained, what a program does is looked up", () => {
    explained("what does home-manager do?", "home-manager")
    explained("what does niv do", "niv")
    expect(parseRequest("what does firefox do").intent._tag).toBe("info")
    // a question about the package itself
    expect(parseRequest("what is home-manager").intent._tag).toBe("info")
  })

  it("whether NixOS uses something by default is no title of a setting", () => {
    explained("is pipewire used by default on nixos", "pipewire")
    explained("does nixos use wayland by default?", "wayland")
  })

  it("whether something is needed or required on NixOS", () => {
    explained("is home-manager needed on nixos", "home-manager")
    explained("are flakes required on NixOS?", "flake")
  })

  it("what one Nix name is, searched for by no package", () => {
    explained("What is a store-derivation?", "store-derivation")
    explained("What is a flake-ref?", "flake-ref")
    expect(parseRequest("what is a good pdf viewer").intent._tag).toBe("search")
  })
})

describe("the topic keeps Nix's ideas and the programs asked about", () => {
  it("pinning asked without a package", () => {
    explained("but then how to pin something?", "pin")
  })

  it("a Nix idea named in another part of the question", () => {
    explained("Ok, got it. So every user has generations - root, me, and the system?", "generations")
    explained("I read the manual. So each machine keeps its own channels - root and users?", "channels")
  })

  it("Nix's ideas are kept first when the words are many", () => {
    explained("how can a single shell.nix give me git v2.1.2, htop v1.2.3, curl v7.1 and jq v1.6 at those exact versions?", "versions")
  })

  it("a Nix tool named last in a long question", () => {
    explained("is there a way to keep old versions of my favourite editor, browser and terminal around with home-manager", "home-manager")
  })

  it("a program asked about by its everyday name", () => {
    explained("why is make not found in nix-shell", "make", "nix-shell")
    explained("Why doesn't make work inside nix develop?", "make")
    expect(queryOf(parseRequest("Why doesn't make work inside nix develop?"))).not.toContain("doesn't")
  })
})

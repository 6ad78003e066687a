/**
 * An explanation keeps what it is about (issue 13): a question asked in one sentence keeps the Nix things its
 * other sentences name (the setup it is asked in), and "confused about X" is about X, not the help page.
 * No dev line of the real corpus fails on this (the unseen split's "explain, query … lacks <topic>" class does):
 * the sentences are written for these tests, in the shapes forum posts take.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { explainedTopic } from "./readings.js"

const query = (text: string): ReadonlyArray<string> => explainedTopic(parseRequest(text), text)

describe("an explanation asked in one sentence of several", () => {
  it("keeps the Nix things the other sentences name", () => {
    expect(query("I have networkmanager enabled. How do I connect to wifi from the terminal?")).toContain("networkmanager")
    expect(query("I manage my dotfiles with home-manager. How do I connect to wifi from the terminal?")).toContain("home-manager")
  })

  it("and the Nix ideas inside their compounds, as before", () => {
    expect(query("What is the purpose of nix-instantiate? What is a store-derivation?")).toEqual(expect.arrayContaining(["nix-instantiate", "derivation"]))
  })

  it("but not the words of the language, short words or Nix as a whole", () => {
    const q = query("I use sudo a lot on my NixOS laptop. How do I connect to wifi from the terminal?")
    expect(q).not.toContain("sudo")
    expect(q).not.toContain("nixos")
  })
})

describe("confused about something", () => {
  it("is about that thing", () => {
    expect(query("I'm new to NixOS and I am confused about networking, should I use networkmanager or wpa_supplicant?")).toContain("networkmanager")
  })

  it("confused alone still asks for help", () => {
    expect(parseRequest("I am confused").intent._tag).toBe("help")
    expect(parseRequest("i am stuck, help").intent._tag).toBe("help")
  })
})

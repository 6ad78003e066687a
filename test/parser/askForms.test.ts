/**
 * Questions about doing something, in the shapes forum posts take ("Any idea how to ...", "Does anybody know
 * how I can ...", "Proper way to ...", "How can I make nixos ..."), keep the kind asked about and its packages,
 * are marked as questions and are never carried out (issue 13). The sentences are written for these tests,
 * not taken from the real-request corpus.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, isMutating, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

/** The request is read as a question about `kind` (with these packages, when given): a plan, never carried out. */
const asked = (text: string, kind: string, packages?: ReadonlyArray<string>): Understood => {
  const u = parseRequest(text)
  expect(u.intent._tag, text).toBe(kind)
  expect(isMutating(u.intent), text).toBe(true)
  expect(u.question, text).toBe(true)
  expect(isCarriedOut(u), text).toBe(false)
  if (packages !== undefined) expect((u.intent as { readonly packages?: ReadonlyArray<string> }).packages, text).toEqual(packages)
  return u
}

describe("questions about doing something, as forum posts ask them", () => {
  it("'any idea how to ...' is the question, not a search for 'idea how to ...'", () => {
    asked("Any idea how to install htop?", "install", ["htop"])
    asked("any ideas on how to clean the nix store", "clean")
  })

  it("'how I can' after 'does anybody know' is asked like 'how can I'", () => {
    asked("Does anybody know how I can roll back?", "rollback")
    asked("I'd love to know how we could uninstall htop", "remove", ["htop"])
  })

  it("'how am I supposed to ...' asks the way, and is not chit-chat like 'how are you'", () => {
    asked("How am I supposed to update my packages?", "update")
    asked("How are you supposed to delete old generations?", "clean")
    expect(parseRequest("how are you doing today").intent._tag).toBe("unknown")
  })

  it("'what would be the ... way to' and 'what is the current way to' ask the way", () => {
    asked("What would be the easiest way to install ripgrep", "install", ["ripgrep"])
    asked("What is the usual way to roll back?", "rollback")
  })

  it("a title that names the way ('Proper way to ...', 'Best practice for updating ...') asks it", () => {
    asked("Proper way to update NixOS", "update")
    asked("Best way to garbage collect old generations", "clean")
    asked("best practice for removing htop", "remove", ["htop"])
  })

  it("a frame whose words read nothing leaves the request to the next frame ('how do you guys ...')", () => {
    asked("How do you guys delete old generations", "clean")
    asked("How does everyone else update their packages?", "update")
  })

  it("someone asked to help with an order asks it", () => {
    asked("Can anyone help me install ripgrep?", "install", ["ripgrep"])
  })

  it("'how can I make nixos <order>' asks the order", () => {
    asked("How can I make nixos delete old generations?", "clean")
    asked("how do I get nix to remove htop", "remove", ["htop"])
  })

  it("'what command do I use to ...' is the question, not a search for 'command'", () => {
    asked("What command do I use to delete old generations?", "clean")
  })

  it("instructions asked for an action (a gerund) are a question about it; documentation for a program is not", () => {
    asked("Clear instructions for adding htop to my profile", "install", ["htop"])
    expect(isCarriedOut(parseRequest("documentation for htop"))).toBe(false)
    expect(parseRequest("documentation for htop").intent._tag).not.toBe("install")
  })

  it("the system named as where ('on NixOS', 'an entire operating system') does not hide the order", () => {
    asked("How do I clean up old generations on NixOS?", "clean")
    asked("what's the best way to go about updating an entire operating system?", "update")
    expect(parseRequest("clean up old generations in nixos").intent._tag).toBe("clean")
  })

  it("'how do I update?' asks for the update plan; 'is it ok to update now' asks for advice", () => {
    asked("how do i update?", "update")
    expect(isMutating(parseRequest("is it ok to update now").intent)).toBe(false)
  })

  it("installing packages with none named is how installing is done, also with a place after it", () => {
    const u = parseRequest("How do i install new pkgs in this system")
    expect(u.intent).toMatchObject({ _tag: "explain" })
    expect((u.intent as { readonly query: string }).query).toContain("install")
  })

  it("a question in a sentence after a statement the grammar sets aside is answered with its plan", () => {
    asked("I upgraded yesterday and now my wifi is broken. How can I roll back?", "rollback")
  })

  it("a sentence that only asks for the way ('What's the safest way?') makes the order before it a question", () => {
    asked("I want to remove old generations. What's the safest way?", "clean")
    asked("I would like to uninstall htop. How?", "remove", ["htop"])
  })

  it("the clean-ups and rollbacks people ask about by their parts are read", () => {
    asked("How do I delete old boot entries?", "clean")
    asked("How do I clean old home-manager generations?", "clean")
    asked("How can I remove unused packages from the nix store?", "clean")
    asked("How do I boot into an older generation?", "rollback")
    asked("how to undo nixos-rebuild switch", "rollback")
  })

  it("a package named by a number only ('only one package') is how updating works, not a search for 'one'", () => {
    expect(parseRequest("Is there any way to update only one package?").intent._tag).toBe("explain")
  })

  it("home-manager named as the way to install is never a package of its own in the question", () => {
    asked("How do I install htop with home-manager?", "install", ["htop"])
    asked("how do i install ripgrep with home manager", "install", ["ripgrep"])
  })
})

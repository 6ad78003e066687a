/**
 * Requests about the user's profile and store in the shapes real posts give them (issue 13): the tool named as
 * whose thing it is ("nix-env generations"), the store named by its directory ("/nix/store"), the way a lookup is
 * asked ("what is the command to list ..."), a shell's message inside a sentence, titles that name the task,
 * and tools named as the way ("with nix") that are never packages. The sentences are written for these tests,
 * not taken from the real-request corpus.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, isMutating, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"
import { packagesOf } from "./readings.js"

const names = await channelNames()
const read = (text: string): Understood => parseRequest(text, { names })
/** Read as `kind`; `question` says whether it is asked (a plan, never carried out) or ordered. */
const readsAs = (text: string, kind: string, question: boolean): Understood => {
  const u = read(text)
  expect(u.intent._tag, text).toBe(kind)
  expect(u.question === true, text).toBe(question)
  if (question) expect(isCarriedOut(u), text).toBe(false)
  return u
}

describe("the profile's tool named as whose thing it is", () => {
  it("'nix-env generations', 'nix profile generations' are the profile's generations", () => {
    readsAs("delete old nix-env generations", "clean", false)
    readsAs("How do I delete old nix profile generations?", "clean", true)
    readsAs("list nix-env generations", "generations", false)
  })

  it("the last nix-env operation undone is a rollback", () => {
    readsAs("undo the last nix-env install", "rollback", false)
    readsAs("How can I rollback nix-env?", "rollback", true)
  })

  it("the tool itself asked about is still explained, and a command for a package is still that command", () => {
    expect(read("whats a nix profile").intent._tag).toBe("explain")
    const u = read("nix-env -e htop")
    expect(u.intent._tag).toBe("remove")
    expect(packagesOf(u)).toEqual(["htop"])
  })
})

describe("the store, cleaned", () => {
  it("'/nix/store' named alone is the store", () => {
    readsAs("How do I reduce the size of /nix/store?", "clean", true)
    readsAs("How to clean /nix/store?", "clean", true)
  })

  it("a title naming the cleanup asks for its plan", () => {
    readsAs("Cleaning up the nix store", "clean", true)
    readsAs("garbage collect old builds", "clean", false)
  })
})

describe("lookups asked for", () => {
  it("'what is the command to list ...' asks for the list, not a search for 'command'", () => {
    readsAs("what's the command to list installed packages", "list", false)
    readsAs("What is the command to show my generations?", "generations", false)
  })

  it("'get a list of installed packages' is the list", () => {
    readsAs("how do i get a list of installed packages", "list", false)
    readsAs("I would like to get a list of my installed packages with their versions", "list", false)
  })

  it("a shell's message inside a sentence names the command looked for", () => {
    const u = read("Whenever I open a new terminal I get 'cargo: command not found'")
    expect(u.intent._tag).toBe("provides")
    expect((u.intent as { readonly query: string }).query).toBe("cargo")
    expect((read("I get `zsh: command not found: rg` after the upgrade").intent as { readonly query?: string }).query).toBe("rg")
  })

  it("'provide' asks someone to give something: it is not 'provides'", () => {
    expect(read("please provide an uninstall script").intent._tag).not.toBe("provides")
    const u = readsAs("could you provide instructions for installing ripgrep?", "install", true)
    expect(packagesOf(u)).toEqual(["ripgrep"])
    expect(read("provides rg").intent._tag).toBe("provides")
  })
})

describe("tools named as the way are never packages", () => {
  it("'with nix', 'with nix-env', 'with nixpkgs' say how, not what", () => {
    for (const text of ["install ripgrep with nix", "install ripgrep with nix-env", "install ripgrep with nixpkgs"]) {
      const u = read(text)
      expect(u.intent._tag, text).toBe("install")
      expect(packagesOf(u), text).toEqual(["ripgrep"])
    }
    expect(packagesOf(readsAs("How can I install ripgrep with nix?", "install", true))).toEqual(["ripgrep"])
  })

  it("'with' still joins packages", () => {
    expect(packagesOf(read("install ripgrep with fd"))).toEqual(["ripgrep", "fd"])
  })
})

describe("updates and rollbacks in the words of titles and questions", () => {
  it("channels and packages updated together: the packages, never a package called 'channels'", () => {
    const u = read("update my channels and packages")
    expect(u.intent._tag).toBe("update")
    expect(packagesOf(u)).toEqual([])
    readsAs("How do I update the nixos channel and packages?", "update", true)
  })

  it("a title naming an update of all packages asks for its plan", () => {
    readsAs("Updating all packages", "update", true)
    readsAs("Upgrading packages installed with nix-env", "update", true)
  })

  it("a bad update or a home-manager switch reverted is a rollback", () => {
    readsAs("revert a bad update", "rollback", false)
    readsAs("Reverting a failed upgrade", "rollback", true)
    const u = readsAs("How can I roll back a home-manager switch?", "rollback", true)
    expect(u.scope).toBe("home")
    expect(isMutating(u.intent)).toBe(true)
  })
})

describe("another distribution's commands and everyday words for the same tasks", () => {
  it("the Nix equivalent of apt's upgrade or autoremove asks for the update or clean plan", () => {
    readsAs("Is there something like apt-get upgrade in nix?", "update", true)
    readsAs("nixos equivalent of apt-get dist-upgrade", "update", true)
    readsAs("What is the nix equivalent of apt autoremove?", "clean", true)
    expect(read("is there something like gimp but simpler").intent._tag).toBe("search")
  })

  it("old versions of packages cleaned up are a clean, not an explanation of versions", () => {
    readsAs("How can I get rid of old versions of packages in the store?", "clean", true)
    readsAs("How do I upgrade my installed packages to newer versions?", "update", true)
  })

  it("the list of generations, and what changed between them, are the generations", () => {
    readsAs("How can I see the list of my generations?", "generations", false)
    readsAs("show all generations of my profile", "generations", false)
    readsAs("see what changed between generations", "generations", false)
  })

  it("installed packages on nixos are listed; 'what's nixos' is still explained", () => {
    readsAs("how can I see the installed packages on nixos?", "list", false)
    expect(read("what's nixos").intent._tag).toBe("explain")
  })
})


/**
 * The Nix store named by what it is (issue 13, real titles such as "optimise nix storage"): "nix storage" is the store, so
 * the store's own orders read it as they read "nix store" (clean, optimise); storage that is not Nix's, and the same
 * words in a question about how to handle it, are not read this way.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { normalize } from "../../src/domain/parse/normalize.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("nix storage", () => {
  it("is the store in the store's orders", () => {
    for (const text of ["optimise nix storage", "clean up the nix storage", "Optimise the Nix storage!"]) {
      expect(parseRequest(text).intent._tag, text).toBe("clean")
    }
    expect(normalize("clean `nix storage`").text).toBe("clean nix store")
  })

  it("other storage, and a question about handling it, are not", () => {
    expect(normalize("clean the disk storage").text).toBe("clean the disk storage")
    expect(isCarriedOut(parseRequest("How do we handle nix storage in this regard?"))).toBe(false)
  })
})

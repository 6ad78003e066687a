/**
 * A Nix command named as the subject of a modal and a verb ("nix-collect-garbage -d will remove old generations",
 * "nixos-rebuild switch can take ages", "nix-env -e firefox won't remove it"): what the command does, described,
 * never carried out (issue 13). The command typed alone, or after "run", is still an order.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("a Nix command with a modal before its verb is described", () => {
  it("is never carried out", () => {
    for (const text of [
      "nix-collect-garbage -d will remove old generations and clean up the nix store",
      "nix-collect-garbage --delete-old would delete everything",
      "nix-env -e firefox won't remove it",
      "nixos-rebuild switch can take ages"
    ]) expect(isCarriedOut(parseRequest(text)), text).toBe(false)
  })

  it("the command alone, or after 'run', is still the order", () => {
    for (const text of ["nix-collect-garbage -d", "run nix-collect-garbage -d"]) {
      expect(parseRequest(text).intent._tag, text).toBe("clean")
    }
  })
})

/**
 * "by default" after an order of a setting (issue 13): a system's service ordered to be on by default ("enable
 * NetworkManager by default", "hardware: use tlp by default") is this machine's order; Nix's own features ("enable
 * flakes & nix-command features by default", "Make auto-optimise-store true by default") have Nix's defaults, asked of
 * the project, and a default talked about ("ssh should be on by default") is no order. Real dev lines of
 * test/corpus/real/issues.tsv.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("an order of a setting by default", () => {
  it("of a system's service, opening the text, is an order, not a question", () => {
    for (const text of ["enable NetworkManager by default", "hardware: use tlp by default", "profiles/hpos: enable ssh by default"]) {
      const u = parseRequest(text)
      expect(u.intent._tag, text).toBe("configure")
      expect(u.question === true, text).toBe(false)
    }
  })
  it("of Nix's own features, or talked about, is not carried out", () => {
    for (const text of ["enable flakes & nix-command features by default", "Make auto-optimise-store true by default", "ssh should be on by default"]) {
      expect(isCarriedOut(parseRequest(text)), text).toBe(false)
    }
  })
})

/** `ask-nix help` shows these: every example must parse to the kind its group claims. */
import { describe, expect, it } from "vitest"
import { helpExamples } from "../../src/domain/parse/examples.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("helpExamples", () => {
  it("covers every intent kind the parser produces", () => {
    const kinds = new Set(helpExamples.map((g) => g.kind))
    for (const k of ["install", "remove", "update", "search", "list", "rollback", "generations", "clean", "info", "try", "provides", "explain", "help", "rebuild"]) {
      expect(kinds).toContain(k)
    }
  })

  for (const g of helpExamples) {
    for (const ex of g.examples) {
      it(`"${ex}" is ${g.kind}`, () => expect(parseRequest(ex).intent._tag).toBe(g.kind))
    }
  }
})

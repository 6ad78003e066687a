/**
 * What generations hold or how they differ, asked in any words around it (issue 13): the generations list
 * answers it, never a search for the words nor an explanation. Real dev lines, then shapes written for the test.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const kind = (text: string): string => parseRequest(text).intent._tag

describe("a question about what generations hold or how they differ", () => {
  it("is answered with the generations, from real requests", () => {
    expect(kind("Is there any command or very simple script to view a list of packages that I would lose if I permanently delete a generation?")).toBe("generations")
    expect(kind("nixos hosts: Add diff between generations")).toBe("generations")
  })

  it("in other words of comparing", () => {
    expect(kind("how can I compare two system generations?")).toBe("generations")
    expect(kind("is there a tool that shows the differences between my home-manager generations")).toBe("generations")
  })

  it("deleting or rolling back generations keeps its own reading", () => {
    expect(kind("delete old generations")).toBe("clean")
    expect(kind("roll back to the previous generation")).toBe("rollback")
  })
})

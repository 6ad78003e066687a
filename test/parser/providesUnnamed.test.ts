/**
 * "How to find which packages provide certain files": the way to find a file's package, with no file named,
 * is explained (nix-locate, command-not-found), not searched for as "certain files".
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("which package provides a file, no file named", () => {
  it("is explained", () => {
    for (const ctx of [{}, { names }]) {
      // real (issue 13, issues.tsv)
      expect(parseRequest("How to find which packages provide certain files and have good integration with the shell?", ctx).intent)
        .toMatchObject({ _tag: "explain", query: expect.stringContaining("nix-locate") })
      // variants
      expect(parseRequest("which package provides a certain file", ctx).intent._tag).toBe("explain")
      expect(parseRequest("search for packages that provide files", ctx).intent._tag).toBe("explain")
    }
  })

  it("leaves a named command, file or kind of program to its lookup", () => {
    expect(parseRequest("which package provides ls", { names }).intent).toMatchObject({ _tag: "provides", query: "ls" })
    expect(parseRequest("which packages provide a pdf viewer", { names }).intent).toMatchObject({ _tag: "search", query: "pdf viewer" })
    expect(parseRequest("which package provides libstdc++.so.6", { names }).intent).toMatchObject({ _tag: "provides", query: "libstdc++.so.6" })
  })
})

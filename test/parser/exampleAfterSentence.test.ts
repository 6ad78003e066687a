/**
 * A package named only by its kind ("a package", "an additional program"), then by an example in the next sentence
 * ("Say VSCode for example.", "E.g. firefox", "For example firefox."): the example is the package the request is
 * about (issue 13). A question is answered with its plan; an order is asked first, as an example may only be one.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { actsWithoutAsking, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

describe("an example after the sentence names the package", () => {
  it("a question about 'a package' with an example after it asks about that package", async () => {
    const names = await channelNames()
    for (const [text, pkg] of [
      ["How can I just add an additional package to my system? Say VSCode for example.", "vscode"],
      ["How do I install a program from unstable? E.g. firefox", "firefox"],
      ["How do I install a package? For example firefox.", "firefox"]
    ] as const) {
      for (const u of [parseRequest(text, { names }), parseRequest(text)]) {
        expect(u.intent, text).toMatchObject({ _tag: "install", packages: [pkg] })
        expect(u.question, text).toBe(true)
      }
    }
  })

  it("an order with an example after it is asked first, never carried out at once", () => {
    const u = parseRequest("I want to remove a package. Like vim.")
    expect(u.intent).toMatchObject({ _tag: "remove", packages: ["vim"] })
    expect(isCarriedOut(u) && actsWithoutAsking(u.confidence)).toBe(false)
  })

  it("a sentence with no example after it is not given one", () => {
    expect(parseRequest("How do I install a package? I use NixOS.").intent).not.toMatchObject({ packages: ["nixos"] })
  })
})

/**
 * Removing all things of a kind ("all unused programs", "every app installed by default") names no package: how
 * removing is done is explained, never a removal of "all" (issue 13). The first line is a real dev request.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const query = (text: string): string => {
  const i = parseRequest(text).intent as { readonly _tag: string; readonly query?: string }
  expect(i._tag, text).toBe("explain")
  return i.query ?? ""
}

describe("removing all things of a kind", () => {
  it("is how removing is done, explained", () => {
    expect(query("I would like to remove all unused programs from my nixos installation, including the ones install by default.")).toContain("uninstall")
    expect(query("uninstall every app installed by default")).toContain("uninstall")
  })

  it("a list of named packages after 'all of' is still removed; unused packages are still garbage", () => {
    expect(parseRequest("remove all of vim, emacs").intent).toMatchObject({ _tag: "remove", packages: ["vim", "emacs"] })
    expect(parseRequest("remove all unused packages").intent._tag).toBe("clean")
  })

  it("everything, said as everything, is still refused", () => {
    expect(parseRequest("remove all my packages").intent._tag).toBe("unknown")
    expect(parseRequest("remove all the things").intent._tag).toBe("unknown")
  })
})

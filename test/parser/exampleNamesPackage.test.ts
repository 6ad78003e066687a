/**
 * A package described, then named by an example in an aside ("Cannot uninstall package with "+" in name (e.g
 * "gtk+")"): the example is the package; the aside is not dropped with it.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("a package named by an example", () => {
  it("is the package the request is about", () => {
    // real (issue 13, issues.tsv)
    const real = parseRequest('Cannot uninstall package with "+" in name (e.g "gtk+")', { names })
    expect(real.intent).toMatchObject({ _tag: "remove", packages: ["gtk2"] })
    expect(isCarriedOut(real)).toBe(false)
    // variants
    expect(parseRequest("How do I remove a package with a dash in its name (for example `foo-bar`)?", {}).intent).toMatchObject({ _tag: "remove", packages: ["foo-bar"] })
    expect(parseRequest('how to install a package with a dot in the name (e.g. "python3.11")', { names }).intent._tag).toBe("install")
  })

  it("leaves an example that is not the described package as an aside", () => {
    expect(parseRequest("Cannot install packages from unstable (e.g. firefox)", { names }).intent._tag).toBe("explain")
  })
})

/** Work done once per request (src/domain/parse/perRequest.ts): answers kept for one parseRequest only. */
import { describe, expect, it } from "vitest"
import { oncePerRequest, withinRequest } from "../../src/domain/parse/perRequest.js"

/** A function that counts how often it really runs. */
const counted = () => {
  const runs: Array<string> = []
  const read = oncePerRequest((text) => { runs.push(text); return { length: text.length } })
  return { runs, read }
}

describe("oncePerRequest", () => {
  it("answers a text asked about again in the same request from its first answer", () => {
    const { runs, read } = counted()
    const [a, b, c] = withinRequest(() => [read("install firefox"), read("install firefox"), read("remove vim")])
    expect(runs).toEqual(["install firefox", "remove vim"])
    expect(b).toBe(a)
    expect(c).toEqual({ length: 10 })
  })

  it("keeps nothing from one request to the next", () => {
    const { runs, read } = counted()
    const first = withinRequest(() => read("install firefox"))
    const second = withinRequest(() => read("install firefox"))
    expect(runs).toEqual(["install firefox", "install firefox"])
    expect(second).not.toBe(first)
  })

  it("is the plain function outside a request, and after one", () => {
    const { runs, read } = counted()
    read("vim")
    withinRequest(() => read("vim"))
    read("vim")
    expect(runs).toEqual(["vim", "vim", "vim"])
  })
})

// Misspelt words of a settings request are read as the setting (and the fix is said); words that are
// English words, or texts that other phrases already read, are left alone.
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const read = (text: string) => {
  const r = parseRequest(text)
  const i = r.intent
  return {
    kind: i._tag,
    text: "text" in i ? i.text : undefined,
    action: "action" in i ? i.action : undefined,
    value: "value" in i ? i.value : undefined,
    corrections: r.corrections
  }
}

describe("misspelt settings requests", () => {
  it.each([
    ["enabel bluetooth", "bluetooth", "enable", undefined, [{ from: "enabel", to: "enable" }]],
    ["disabel ssh", "ssh", "disable", undefined, [{ from: "disabel", to: "disable" }]],
    ["collect garbige every week", "automatic garbage collection", "enable", "every week", [{ from: "garbige", to: "garbage" }]],
    ["colect garbage automatically every week", "automatic garbage collection", "enable", "every week", [{ from: "colect", to: "collect" }]],
    ["collect garbage every week", "automatic garbage collection", "enable", "every week", []],
    ["collect garbage weekly", "automatic garbage collection", "enable", "weekly", []]
  ] as const)("%s", (text, setting, action, value, corrections) => {
    expect(read(text)).toEqual({ kind: "configure", text: setting, action, value, corrections })
  })

  it("other readings are unchanged: a clean-up now, a misspelt install, an English word near a setting word", () => {
    expect(read("collect garbage").kind).toBe("clean")
    expect(read("instal firefox")).toMatchObject({ kind: "install", corrections: [{ from: "instal", to: "install" }] })
    expect(read("enables ssh").corrections).toEqual([])
  })
})

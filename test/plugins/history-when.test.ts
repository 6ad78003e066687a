import { describe, expect, it } from "vitest"
import { parseEntries, toEntry } from "../../src/domain/history/HistoryEntry.js"
import { inWindow, parseWindow } from "../../src/plugins/history/when.js"
import { Install } from "../../src/domain/Intent.js"

const now = new Date(2026, 10, 25, 15, 30).getTime() // Wed 25 Nov 2026, 15:30 local
const at = (d: number, h = 12) => new Date(2026, 10, d, h).getTime()

describe("parseWindow", () => {
  it("understands today, yesterday, last week and last N days", () => {
    const today = parseWindow("today", now)
    expect(inWindow(today, at(25, 1))).toBe(true)
    expect(inWindow(today, at(24, 23))).toBe(false)
    const yesterday = parseWindow("yesterday", now)
    expect([at(23), at(24, 0), at(24, 23), at(25, 0)].map((t) => inWindow(yesterday, t))).toEqual([false, true, true, false])
    const week = parseWindow("last week", now)
    expect(week?.label).toBe("in the last 7 days")
    expect([at(17), at(19), at(25)].map((t) => inWindow(week, t))).toEqual([false, true, true])
    expect(inWindow(parseWindow("in the last 3 days", now), at(21))).toBe(false)
    expect(inWindow(parseWindow("in the last 3 days", now), at(23))).toBe(true)
    expect(parseWindow("this week", now)?.sinceMs).toBe(new Date(2026, 10, 23).getTime())
  })
  it("shows everything when no time is named", () => {
    expect(parseWindow("", now)).toBeUndefined()
    expect(parseWindow("ever", now)).toBeUndefined()
    expect(inWindow(undefined, 0)).toBe(true)
  })
})

describe("history entries", () => {
  it("round-trip through JSON lines and skip torn lines", () => {
    const e = toEntry({
      at: "2026-11-25T10:00:00.000Z", request: "get me firefox", intent: new Install({ packages: ["firefox"] }),
      backend: "profile", profile: "/p/profile", scope: "user", generationBefore: 3, generationAfter: 4,
      argv: [["nix", "profile", "install", "nixpkgs#firefox"]]
    })
    expect(e.summary).toBe("install firefox")
    const text = `${JSON.stringify(e)}\n{"at": "torn\nnot json\n${JSON.stringify(e)}\n`
    expect(parseEntries(text)).toEqual([e, e])
  })
})

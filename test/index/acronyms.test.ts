/**
 * Acronyms that package texts spell out somewhere ("Domain Name System (DNS)"): a package whose text says the
 * words ("Domain name server") is found by the acronym ("dns server") too.
 */
import { describe, expect, it } from "@effect/vitest"
import { acronymStarts, acronymsSaid, findAcronyms } from "../../src/domain/index/acronyms.js"
import { memIndex, rec } from "./records.js"

describe("acronyms spelt out in package texts (acronyms.ts)", () => {
  it("finds an acronym whose initials are the words before it, as the index stems them", () => {
    const found = findAcronyms(["A resolver for the Domain Name System (DNS) and more", "Integrated Development Environments (IDE)"])
    expect(found.get("dns")).toEqual([["domain", "name", "system"]])
    expect(found.get("ide")).toEqual([["integrated", "development", "environment"]])
  })
  it("ignores parentheses that are no acronym of the words before them, and spellings with stop words", () => {
    const found = findAcronyms(["Plays music from files (MP3 and more)", "Reads the Portable Network Graphics (PNGX)", "And Inverter Graph (AIG)"])
    expect(found.size).toBe(0)
  })
  it("says which acronyms a text spells out in a row, not those it says already", () => {
    const starts = acronymStarts(findAcronyms(["the Domain Name Server (DNS) of BIND"]))
    expect(acronymsSaid(["authoritative", "domain", "name", "server"], starts)).toEqual(["dns"])
    expect(acronymsSaid(["domain", "server", "name"], starts)).toEqual([])
    expect(acronymsSaid(["dns", "domain", "name", "server"], starts)).toEqual([])
  })
  it("lets the acronym find a package that only says the words", () => {
    const r = memIndex([
      rec("bindish", { description: "Domain name server", maintainers: 4 }),
      rec("tunnel", { description: "Tunnels traffic through a DNS server of yours" }),
      rec("resolver", { description: "Caching resolver", longDescription: "A cache for the Domain Name Server (DNS) lookups of a host" }),
      rec("webserve", { description: "A small HTTP server", maintainers: 4 })
    ])
    // (without the acronym, bindish would say only "server", as webserve does, after both that say "dns")
    expect(r.search("dns server", 2).hits.map((h) => h.attrPath)).toContain("bindish")
  })
})

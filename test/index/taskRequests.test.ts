/**
 * Task requests as people write them in forums ("make a spreadsheet", "open 7z files", "create qr codes",
 * "monitor gpu usage"): general forms behind the search13 additions to the dev set, not copies of its queries.
 */
import { describe, expect, it } from "@effect/vitest"
import { Flag } from "../../src/domain/index/format.js"
import { softTokens } from "../../src/domain/index/search.js"
import { textWords } from "../../src/domain/index/text.js"
import { memIndex, rec } from "./records.js"

describe("a request's first word at the start of a description", () => {
  // Many descriptions start "Make ..."; none of them is about spreadsheets.
  const r = memIndex([
    rec("hovercraft", { description: "Makes impress.js presentations from reStructuredText", maintainers: 4 }),
    rec("connect", { description: "Make network connection via SOCKS and https proxy", maintainers: 4 }),
    rec("gnumeric", { description: "The GNOME Office Spreadsheet" }),
    rec("sheetmaker", { description: "Make a spreadsheet from CSV files" })
  ])
  const top = (q: string) => r.search(q, 4).hits.map((h) => h.attrPath)
  it("counts only for a package that says more of the request than that word", () => {
    expect(top("make a spreadsheet").slice(0, 2)).toEqual(["sheetmaker", "gnumeric"])
  })
})

describe("plurals of words written in capitals", () => {
  it("are the word (GPUs, CPUs), while lowercase -us words stay", () => {
    expect(textWords("A task monitor for NVIDIA GPUs and CPUs")).toEqual(["task", "monitor", "nvidia", "gpu", "cpu"])
    expect(textWords("Shows the status of the bus")).toEqual(["show", "status", "bus"])
  })
  const r = memIndex([
    rec("nvtop", { description: "A task monitor for NVIDIA GPUs" }),
    rec("netuse", { description: "Shows network usage", maintainers: 4 })
  ])
  it("let a request in the singular find them", () => {
    expect(r.search("monitor gpu usage", 2).hits[0]?.attrPath).toBe("nvtop")
  })
})

describe("a command named in a several-word request", () => {
  // The archiver's description says "7-zip" (words 7 and zip), its command is 7z.
  const saysMake = Array.from({ length: 25 }, (_, i) => rec(`maker${i}`, { description: `Make thing number ${i}` }))
  const r = memIndex([
    rec("p7zip", { description: "A port of the 7-zip archiver", mainProgram: "7z" }),
    rec("gpxview", { description: "Tool to visualize tracks stored in a gpx file", maintainers: 4 }),
    rec("gnumake", { description: "A tool to control the generation of non-source files", mainProgram: "make" }),
    rec("calc", { description: "Spreadsheet calculator" }),
    ...saysMake
  ])
  const paths = (q: string) => r.search(q, 10).hits.map((h) => h.attrPath)
  it("finds the package that has it when few texts use the word", () => {
    expect(paths("open 7z files")[0]).toBe("p7zip")
  })
  it("does not when many texts use the word (make)", () => {
    expect(paths("make a spreadsheet")).not.toContain("gnumake")
  })
})

describe("a library with a command of its own name", () => {
  const r = memIndex([
    rec("qrencode", { description: "C library for encoding data in a QR Code symbol", mainProgram: "qrencode", maintainers: 3 }),
    rec("libqr", { description: "C library for decoding QR codes" }),
    rec("qrshare", { description: "Transfer files over wifi from your terminal by showing a QR code to your phone" })
  ])
  const flags = (p: string) => r.flags[r.findExactAttrPath(p)!]!
  it("is a program people run, not only a library", () => {
    expect(flags("qrencode") & Flag.library).toBe(0)
    expect(flags("libqr") & Flag.library).not.toBe(0)
  })
  it("ranks as a program among word matches", () => {
    expect(r.search("create qr codes", 3).hits[0]?.attrPath).toBe("qrencode")
  })
})

describe("a verb of many meanings that starts a request", () => {
  const apps = Array.from({ length: 6 }, (_, i) => rec(`appkit${i}`, { description: `Toolkit number ${i} for apps` }))
  const r = memIndex([
    rec("anbox", { description: "Android in a box" }),
    rec("runner", { description: "Run apps from the terminal", maintainers: 4 }),
    ...apps
  ])
  it("only qualifies the rest of the request (run android apps: what runs android)", () => {
    expect(r.search("run android apps", 3).hits[0]?.attrPath).toBe("anbox")
  })
  it("is a word like any other when a package is called so, or when it is the whole request", () => {
    expect(softTokens(["make", "spreadsheet"])).toEqual(new Set(["make"]))
    expect(softTokens(["go", "language", "server"], "go language server", (t) => t === "go")).toEqual(new Set())
    expect(softTokens(["run"])).toEqual(new Set())
    expect(softTokens(["edit", "video"])).toEqual(new Set())
  })
})

describe("a request that ends with what holds its object (files, documents)", () => {
  // "split pdf files" is about PDFs: the PDF tool says "PDF documents", the cropper says "files" and "split" only in
  // its long description (search14's dev query "is there a program to split pdf files": pdftk 7th -> 1st).
  const r = memIndex([
    rec("pdfcrop", { description: "Graphical tool to crop the pages of PDF files", longDescription: "It can also split pages into subpages", maintainers: 4 }),
    rec("pdftool", { description: "Split and merge PDF documents" })
  ])
  it("does not need that word said", () => {
    expect(r.search("is there a program to split pdf files", 2).hits[0]?.attrPath).toBe("pdftool")
  })
  it("is a word like any other as the head of a name or in a two-word request", () => {
    expect(softTokens(["split", "pdf", "file"])).toEqual(new Set(["file"]))
    expect(softTokens(["open", "word", "document"])).toEqual(new Set(["document"]))
    expect(softTokens(["file", "manager"])).toEqual(new Set())
    expect(softTokens(["encrypt", "file"])).toEqual(new Set())
    expect(softTokens(["send", "file", "another", "computer"])).toEqual(new Set())
  })
})

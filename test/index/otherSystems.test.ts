import { describe, expect, it } from "@effect/vitest"
import { readOtherSystems } from "../../src/domain/index/otherSystems.js"
import { Score } from "../../src/domain/index/rank.js"
import { namesOther } from "../../src/domain/index/search.js"
import { textWords } from "../../src/domain/index/text.js"
import { memIndex, rec } from "./records.js"

const none = () => false

describe("other systems' programs (readOtherSystems)", () => {
  it("reads a program of another system as what it is, the longest name first", () => {
    expect(readOtherSystems("photoshop alternative", none)).toEqual({ query: "photoshop image editor alternative", names: ["photoshop"], kinds: ["image editor"] })
    expect(readOtherSystems("windows media player alternative", none)?.kinds).toEqual(["video player"])
    expect(readOtherSystems("ms paint for linux", none)?.query).toBe("ms paint paint program for linux")
    expect(readOtherSystems("is there a winrar for linux?", none)?.names).toEqual(["winrar"])
    expect(readOtherSystems("notepad++ alternative", none)?.kinds).toEqual(["text editor"])
  })
  it("reads a name whose system the request says elsewhere ('task manager like on windows')", () => {
    expect(readOtherSystems("task manager like on windows", none)).toEqual({
      query: "task manager system monitor like on windows", names: ["windows task manager"], kinds: ["system monitor"]
    })
    expect(readOtherSystems("task manager", none)).toBeUndefined()
  })
  it("leaves requests that name none alone, and a name a package has", () => {
    expect(readOtherSystems("image editor", none)).toBeUndefined()
    expect(readOtherSystems("firefox", none)).toBeUndefined()
    expect(readOtherSystems("launchy alternative", (n) => n === "launchy")).toBeUndefined()
    expect(readOtherSystems("total commander", (n) => n === "totalcommander")).toBeUndefined()
  })
})

describe("a description that names the other program (namesOther)", () => {
  const worth = (description: string, name: string) => namesOther(textWords(description), [textWords(name).join(" ")])
  it("counts a likeness most, a mention less, nothing else nothing", () => {
    expect(worth("Notepad++-like editor for the Linux desktop", "notepad++")).toBe(Score.likensTo)
    expect(worth("Drawing/editing program modeled after Paint.NET", "paint.net")).toBe(Score.likensTo)
    expect(worth("Norton/Total Commander clone for KDE", "total commander")).toBe(Score.likensTo)
    expect(worth("An unofficial client of Evernote", "evernote")).toBe(Score.phrase)
    expect(worth("GNOME image viewer", "photoshop")).toBe(0)
  })
})

describe("search for another system's program", () => {
  const r = memIndex([
    rec("gimp", { description: "The GNU Image Manipulation Program, an image editor", maintainers: 4 }),
    rec("psd-tools", { description: "Reads Adobe Photoshop files", position: "pkgs/development/python-modules/psd-tools/default.nix" }),
    rec("xfe", { description: "MS-Explorer like file manager; a lightweight alternative" }),
    rec("leafpad", { description: "A notepad clone for GTK 2.0" }),
    rec("emacs", { description: "The extensible, customizable GNU text editor", maintainers: 6 }),
    rec("mousepad", { description: "Simple text editor", maintainers: 2 }),
    rec("darktable", { description: "Virtual lighttable and darkroom for photographers, a raw photo editor", maintainers: 3 }),
    rec("lr-presets", { description: "Converts Lightroom presets", position: "pkgs/tools/graphics/lr-presets/default.nix" })
  ])
  const top = (q: string) => r.search(q, 3).hits.map((h) => h.attrPath)
  it("finds what the program is, not what only says 'alternative' or reads its files", () => {
    expect(top("photoshop alternative")[0]).toBe("gimp")
    expect(top("photoshop")[0]).toBe("gimp")
  })
  it("puts a package that likens itself to it first", () => {
    expect(top("notepad alternative")[0]).toBe("leafpad")
  })
  it("keeps a command's last-resort lookup to the words as written (provides lightroom: not darktable)", () => {
    expect(top("lightroom")[0]).toBe("darktable")
    expect(r.provides("lightroom").map((h) => h.attrPath)).toEqual(["lr-presets"])
  })
})

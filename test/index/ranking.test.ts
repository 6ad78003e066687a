import { describe, expect, it } from "@effect/vitest"
import { DEBIAN_WORDS } from "../../src/domain/index/debianWords.generated.js"
import { DEBIAN_PHRASES } from "../../src/domain/index/debianPhrases.generated.js"
import { debianPopularity, parseDebianPhrases, parseDebianWords, translationPopularity } from "../../src/domain/index/debianWords.js"
import { IMPORTANCE } from "../../src/domain/index/importance.generated.js"
import { importanceOf, parseImportance } from "../../src/domain/index/importance.js"
import { siteOf } from "../../src/domain/index/prior.js"
import { IndexReader } from "../../src/domain/index/IndexReader.js"
import { Score } from "../../src/domain/index/rank.js"
import { type ScoreParts, searchIndex } from "../../src/domain/index/search.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { META, memIndex, rec, SAMPLE } from "./records.js"

const r = memIndex(SAMPLE)
const top = (q: string, n = 5) => r.search(q, n).hits.map((h) => h.attrPath)

describe("search ranking", () => {
  it("puts the exact name first, then its variants", () => {
    expect(top("firefox")[0]).toBe("firefox")
    expect(top("firefox")).toEqual(expect.arrayContaining(["firefox-esr", "firefox-wayland"]))
    expect(top("NGINX")[0]).toBe("nginx")
  })
  it("puts the generic package before its versioned variants", () => {
    expect(top("postgresql").slice(0, 3)).toEqual(["postgresql", "postgresql_10", "postgresql_11"])
    expect(top("nodejs")[0]).toBe("nodejs")
  })
  it("matches prefixes", () => {
    expect(top("postgr")[0]).toBe("postgresql")
    expect(top("rip")[0]).toBe("ripgrep")
    expect(top("inksc")[0]).toBe("inkscape")
  })
  it("tolerates typos", () => {
    for (const [typo, want] of [["fierfox", "firefox"], ["ngnix", "nginx"], ["postgrsql", "postgresql"], ["inkscpe", "inkscape"],
      ["krta", "krita"], ["tmxu", "tmux"], ["nodjs", "nodejs"], ["ripgrp", "ripgrep"]] as const) {
      expect(top(typo)[0], typo).toBe(want)
    }
  })
  it("matches several words over name and description", () => {
    expect(top("pdf viewer").slice(0, 2)).toEqual(expect.arrayContaining(["zathura", "mupdf"]))
    expect(top("password manager")[0]).toBe("keepassxc")
    expect(top("media player")[0]).toBe("vlc")
  })
  it("understands misspelt description words", () => {
    expect(top("pdf veiwer").slice(0, 2)).toEqual(expect.arrayContaining(["zathura", "mupdf"]))
    expect(top("pasword manager")[0]).toBe("keepassxc")
  })
  it("ranks top-level packages before nested ones unless the query names the set", () => {
    expect(top("requests")[0]).toBe("requests-tool")
    expect(top("python requests")[0]).toBe("python3Packages.requests")
    expect(top("python3Packages.requests")[0]).toBe("python3Packages.requests")
    expect(top("python3packages.req")[0]).toBe("python3Packages.requests")
    expect(top("tmux")).toEqual(["tmux", "python3Packages.tmux-helper"])
  })
  it("shows one path per package (vlc, not also libsForQt5.vlc) unless that path is asked for", () => {
    expect(top("vlc")).toEqual(["vlc"])
    expect(top("libsForQt5.vlc")[0]).toBe("libsForQt5.vlc")
  })
  it("ranks broken and insecure packages lower and marks them", () => {
    const hits = r.search("encryption tool", 5).hits
    expect(hits.map((h) => h.attrPath).slice(0, 3)).toEqual(["newcrypt", "leakyssl", "oldcrypt"])
    expect(hits[1]!.insecure).toBe(true)
    expect(hits[2]!.broken).toBe(true)
    expect(hits[0]!.broken).toBeUndefined()
  })
  it("marks unfree packages", () => {
    expect(r.search("spotify", 1).hits[0]).toMatchObject({ attrPath: "spotify", unfree: true })
  })
  it("returns attribute path, version and description", () => {
    expect(r.search("tmux", 1).hits[0]).toMatchObject({ attrPath: "tmux", pname: "tmux", version: "1.0", description: "Terminal multiplexer" })
  })
  it("handles empty, huge and odd queries without failing", () => {
    expect(r.search("", 5)).toEqual({ hits: [], total: 0 })
    expect(r.search("   ", 5).hits).toEqual([])
    expect(r.search("x".repeat(10_240), 5).hits).toEqual([])
    expect(r.search("tmux ".repeat(2048), 5).hits[0]!.attrPath).toBe("tmux")
    for (const q of [".*", "^fire(fox", "[a-z]+", "\\", "a|b", "$", "((((", "*", "?", "firefox\u0000", "ファイアフォックス", "😀"]) {
      expect(() => r.search(q, 5), q).not.toThrow()
    }
    expect(top(".*")).toEqual([])
    expect(top("^fire(fox")[0]).toBe("firefox")
    expect(r.search("firefox", 0).hits).toEqual([])
  })
  it("limits and counts results", () => {
    expect(r.search("a", 2).hits.length).toBeLessThanOrEqual(2)
    expect(r.search("firefox", 1).total).toBeGreaterThanOrEqual(3)
  })
  it("leaves no state behind between queries", () => {
    const first = r.search("web browser", 5)
    r.search("fierfox", 5)
    r.search("python requests", 5)
    expect(r.search("web browser", 5)).toEqual(first)
  })
})

describe("importance to nixpkgs (importance.ts)", () => {
  // Two image editors that both say so; the one much of nixpkgs names and that takes many inputs is what
  // people mean by "image editor".
  const editors = [
    rec("cinepaint", { description: "Image editor which supports images over 8bpp", position: "pkgs/applications/graphics/cinepaint/default.nix" }),
    rec("gimp", { description: "The GNU Image Manipulation Program, an image editor", position: "pkgs/applications/graphics/gimp/default.nix" }),
    rec("imgtool", { description: "A tool for images", position: "pkgs/tools/graphics/imgtool/default.nix" })
  ]
  const importance = parseImportance("gimp\t10\t45\ncinepaint\t0\t4\nimgtool\t40\t30")
  const build = (table?: ReturnType<typeof parseImportance>) =>
    IndexReader.fromBuffer(serializeIndex(editors, META, { importance: table }), "/test/index")
  const first = (reader: IndexReader, q: string) => reader.search(q, 3).hits.map((h) => h.attrPath)

  it("puts the important package first among those that match every word", () => {
    expect(first(build(), "image editor")[0]).toBe("cinepaint")
    expect(first(build(importance), "image editor")[0]).toBe("gimp")
  })
  it("does not make up for words a package lacks", () => {
    expect(first(build(importance), "image editor")).toEqual(["gimp", "cinepaint", "imgtool"])
  })
  it("counts files that name a package only up to a point, and nothing below a floor", () => {
    expect(importanceOf(1_000, 0)).toBe(importanceOf(15, 0))
    expect(importanceOf(0, 4)).toBe(0)
    expect(importanceOf(10, 45)).toBeGreaterThan(importanceOf(0, 34))
  })
  it("puts a big program before a tool much of nixpkgs builds on, when both match every word", () => {
    // convlib is named by 100 files (others convert with it) and has few inputs; docstudio is named by none
    // and takes 120: past 15 files, being named says nothing more about what people use.
    const converters = [
      rec("convlib", { description: "PDF to text converter", position: "pkgs/applications/misc/convlib/default.nix" }),
      rec("docstudio", { description: "PDF to text converter", position: "pkgs/applications/misc/docstudio/default.nix" })
    ]
    const reader = IndexReader.fromBuffer(
      serializeIndex(converters, META, { importance: parseImportance("convlib\t100\t3\ndocstudio\t0\t120") }), "/test/index")
    expect(reader.search("pdf text converter", 2).hits.map((h) => h.attrPath)).toEqual(["docstudio", "convlib"])
  })
  it("counts for a desktop's application, not for the rest of its set", () => {
    const cams = ["gnome3.cheese", "gnome3.libcam", "camsnap"].map((a) =>
      rec(a, { description: "Take photos with your webcam", position: `pkgs/applications/video/${a}/default.nix` }))
    const reader = IndexReader.fromBuffer(serializeIndex(cams, META, {
      importance: parseImportance("gnome3.cheese\t6\t31\ngnome3.libcam\t6\t31\ncamsnap\t0\t5"),
      debianWords: parseDebianWords("gnome3.cheese\t0\t\tgui\ngnome3.libcam\t0\t\ncamsnap\t0\t\tgui")
    }), "/test/index")
    const pop = new Map<string, number>()
    searchIndex(reader, "webcam photos", 3, (id, parts) => pop.set(reader.str("attrPath", id), parts.popularity))
    expect(pop.get("gnome3.cheese")!).toBeGreaterThan(pop.get("camsnap")! + 50)
    expect(pop.get("gnome3.libcam")!).toBeLessThan(20) // its maintainer only
    expect(reader.search("webcam photos", 1).hits[0]?.attrPath).toBe("gnome3.cheese")
    // the shipped table has the desktops' packages too
    expect(parseImportance(IMPORTANCE).get("gnome3.cheese")).toBeDefined()
  })
})

describe("what Debian says of a package (debianWords.ts)", () => {
  // nixpkgs' wine says "An Open Source implementation of the Windows API on top of X, OpenGL, and Unix"; Debian's
  // tags and section say what it is used as (a compatibility layer, an emulator).
  const packages = [
    rec("wine", { description: "An Open Source implementation of the Windows API on top of X, OpenGL, and Unix", position: "pkgs/misc/emulators/wine/default.nix" }),
    rec("wmctrl", { description: "CLI tool to interact with X Window Managers", position: "pkgs/tools/X11/wmctrl/default.nix" }),
    rec("snd", { description: "Sound editor", position: "pkgs/applications/audio/snd/default.nix" }),
    rec("audacity", { description: "Sound editor", position: "pkgs/applications/audio/audacity/default.nix" })
  ]
  const table = parseDebianWords("wine\t16\tstandard suite converter game simulator compatibility\naudacity\t7\tmixer recorder edit\nsnd\t1\tedit viewer")
  const build = (debianWords?: ReturnType<typeof parseDebianWords>) =>
    IndexReader.fromBuffer(serializeIndex(packages, META, { debianWords }), "/test/index")
  const first = (reader: IndexReader, q: string) => reader.search(q, 4).hits.map((h) => h.attrPath)

  it("finds a package by the words Debian uses for it", () => {
    expect(first(build(), "compatibility")).toEqual([])
    expect(first(build(table), "compatibility")).toEqual(["wine"])
    expect(first(build(table), "windows compatibility")[0]).toBe("wine")
  })
  it("puts what more of Debian builds on first among packages that say the same", () => {
    expect(first(build(), "sound editor")[0]).toBe("snd")
    expect(first(build(table), "sound editor")).toEqual(["audacity", "snd"])
  })
  it("counts Debian's users in doublings, up to a point", () => {
    expect(debianPopularity(0)).toBe(0)
    expect(debianPopularity(7)).toBeGreaterThan(debianPopularity(1))
    expect(debianPopularity(100_000)).toBe(debianPopularity(1_000))
  })
  it("ships a table of real packages (gimp: Debian's editor of raster images)", () => {
    const gimp = parseDebianWords(DEBIAN_WORDS).get("gimp")
    expect(gimp?.users).toBeGreaterThan(10)
    expect(gimp?.words).toEqual(expect.arrayContaining(["editor", "raster"]))
  })
  /** An index of these packages with the shipped table's row of `attr` alone (other rows' popularity left out). */
  const withShippedRow = (attr: string, tools: Parameters<typeof serializeIndex>[0]) => {
    const row = parseDebianWords(DEBIAN_WORDS).get(attr)
    expect(row).toBeDefined()
    const words = new Map(row === undefined ? [] : [[attr, row]])
    return { words: row?.words ?? [], reader: IndexReader.fromBuffer(serializeIndex(tools, META, { debianWords: words }), "/test/index") }
  }
  it("says which programs work with running processes, as Debian's works-with::software:running tag does (htop)", () => {
    // nixpkgs' htop says "An interactive process viewer for Linux", never "running"; cron says "running" and not
    // "process": only the tag makes htop the package that says both words of "running processes" (cron's many Debian
    // users left out: this is about words)
    const { words, reader } = withShippedRow("htop", [
      rec("cron", { description: "Daemon for running commands at specific times (Vixie Cron)", position: "pkgs/tools/system/cron/default.nix" }),
      rec("htop", { description: "An interactive process viewer for Linux", position: "pkgs/tools/system/htop/default.nix" })
    ])
    expect(words).toEqual(expect.arrayContaining(["running"]))
    expect(first(reader, "see running processes")[0]).toBe("htop")
  })
  it("knows the tasks Debian's long description lists, as the verbs its list items start with (pdftk: split)", () => {
    // nixpkgs' pdftk says "Simple tool for doing everyday things with PDF documents"; Debian's long description lists
    // "Merge PDF documents", "Split PDF pages into a new document", ...
    const { words, reader } = withShippedRow("pdftk", [
      rec("xpdf", { description: "Viewer for Portable Document Format (PDF) files", position: "pkgs/applications/misc/xpdf/default.nix" }),
      rec("pdftk", { description: "Simple tool for doing everyday things with PDF documents", position: "pkgs/tools/typesetting/pdftk/default.nix" })
    ])
    expect(words).toEqual(expect.arrayContaining(["merge", "split"]))
    expect(first(reader, "split a pdf into pages")[0]).toBe("pdftk")
  })
  it("counts a two-word request as its phrase when Debian's synopsis says it (mpv: \"video player\")", () => {
    // both say "Player for many video formats"; only vplay's Debian synopsis says "video player" (mpvx comes first
    // without it: the shorter path)
    const players = [
      rec("mpvx", { description: "Player for many video formats", position: "pkgs/applications/video/mpvx/default.nix" }),
      rec("vplay", { description: "Player for many video formats", position: "pkgs/applications/video/vplay/default.nix" })
    ]
    const phrases = parseDebianPhrases("vplay\tvideo player,player based")
    const with_ = IndexReader.fromBuffer(serializeIndex(players, META, { debianPhrases: phrases }), "/test/index")
    const without = IndexReader.fromBuffer(serializeIndex(players, META), "/test/index")
    expect(first(without, "video player")).toEqual(["mpvx", "vplay"])
    expect(first(with_, "video player")).toEqual(["vplay", "mpvx"])
    expect(first(with_, "video players")).toEqual(["vplay", "mpvx"])
    // only a two-word request: in a longer one two neighbouring words are often a qualifier ("command line")
    expect(first(with_, "video player for many formats")[0]).toBe("mpvx")
    expect(parseDebianPhrases(DEBIAN_PHRASES).get("mpv")).toEqual(expect.arrayContaining(["video player"]))
  })
  it("puts a graphical program first among packages that say the same, as Debian's tags say it is one", () => {
    // both say "Sound editor" and have as many of Debian's users; only wavedit's Debian package is tagged interface::x11
    const same = [
      rec("sndcli", { description: "Sound editor", position: "pkgs/applications/audio/sndcli/default.nix" }),
      rec("wavedit", { description: "Sound editor", position: "pkgs/applications/audio/wavedit/default.nix" })
    ]
    const tagged = parseDebianWords("sndcli\t3\t\nwavedit\t3\t\tgui")
    expect(tagged.get("wavedit")?.gui).toBe(true)
    expect(tagged.get("sndcli")?.gui).toBe(false)
    const reader = IndexReader.fromBuffer(serializeIndex(same, META, { debianWords: tagged }), "/test/index")
    expect(first(reader, "sound editor")).toEqual(["wavedit", "sndcli"])
    expect(parseDebianWords(DEBIAN_WORDS).get("gimp")?.gui).toBe(true)
  })
  it("takes what Debian says of a package nixpkgs does not describe as its description (KDE's applications in 2020)", () => {
    const kde = [
      rec("dolphin", { description: null, position: "pkgs/applications/kde/dolphin.nix" }),
      rec("konqueror", { description: "File manager", position: "pkgs/applications/kde/konqueror.nix" }),
      rec("krusader", { description: "Norton Commander clone", position: "pkgs/applications/kde/krusader.nix" })
    ]
    const said = parseDebianWords("dolphin\t0\tfile manager\nkrusader\t0\tfile manager")
    const reader = IndexReader.fromBuffer(serializeIndex(kde, META, { debianWords: said }), "/test/index")
    const words = new Map<string, number>()
    searchIndex(reader, "file manager", 3, (id, parts) => words.set(reader.str("attrPath", id), parts.words))
    // about as much as nixpkgs' own description saying it; a described package's Debian words count less
    expect(words.get("dolphin")!).toBeGreaterThan(words.get("konqueror")! * 0.9)
    expect(words.get("krusader")!).toBeLessThan(words.get("dolphin")! * 0.7)
  })
  it("does not take Debian's admin section as the word \"system\" (tmux and systemd are not system cleaners)", () => {
    const table = parseDebianWords(DEBIAN_WORDS)
    expect(table.get("tmux")?.words).not.toContain("system")
    expect(table.get("tmux")?.words).toContain("administration")
  })
  it("ranks a desktop's application that Debian tags graphical as a program, not as a part of its set", () => {
    // the same description and folder: only where each is kept differs
    const cams = ["gnome3.cheese", "gnome3.libcheese", "toolSet.camshot", "camsnap"].map((a) =>
      rec(a, { description: "Take photos and videos with your webcam", position: `pkgs/applications/video/${a}/default.nix` }))
    const gui = parseDebianWords("gnome3.cheese\t0\t\tgui\ntoolSet.camshot\t0\t\tgui")
    const reader = IndexReader.fromBuffer(serializeIndex(cams, META, { debianWords: gui }), "/test/index")
    const priors = new Map<string, number>()
    searchIndex(reader, "webcam photos", 4, (id, parts) => priors.set(reader.str("attrPath", id), parts.prior))
    const prior = (attrPath: string) => priors.get(attrPath)!
    // the desktop's graphical application ranks as a top-level program; its untagged sibling and another set's
    // graphical program stay nested
    expect(prior("gnome3.cheese")).toBe(prior("camsnap"))
    expect(prior("gnome3.libcheese")).toBeLessThan(prior("camsnap") - 100)
    expect(prior("toolSet.camshot")).toBeLessThan(prior("camsnap") - 100)
    expect(first(reader, "webcam photos").slice(0, 2).sort()).toEqual(["camsnap", "gnome3.cheese"])
  })
  it("puts the application whose AppStream summary is translated into more languages first among packages that say the same", () => {
    const same = [
      rec("sndlocal", { description: "Sound editor", position: "pkgs/applications/audio/sndlocal/default.nix" }),
      rec("sndworld", { description: "Sound editor", position: "pkgs/applications/audio/sndworld/default.nix" })
    ]
    const translated = parseDebianWords("sndlocal\t3\t\tgui\t2\nsndworld\t3\t\tgui\t60")
    expect(translated.get("sndworld")?.languages).toBe(60)
    expect(parseDebianWords("sndold\t3\t\tgui").get("sndold")?.languages).toBe(0)
    const reader = IndexReader.fromBuffer(serializeIndex(same, META, { debianWords: translated }), "/test/index")
    expect(first(reader, "sound editor")).toEqual(["sndworld", "sndlocal"])
    expect(translationPopularity(60)).toBeGreaterThan(translationPopularity(2))
    // the shipped table: GNOME's and KDE's applications are translated into dozens of languages
    expect(parseDebianWords(DEBIAN_WORDS).get("gnome3.eog")?.languages).toBeGreaterThan(50)
  })
})

describe("how a request says a program is used", () => {
  // "on the command line" says how the person wants to run it; few descriptions say so, and a package that
  // does say it but does something else must not come first.
  const r2 = memIndex([
    rec("sndfmt", { description: "A suite of programs to read, write, play and convert audio files between many formats" }),
    rec("txtenc", { description: "Command line tool to convert text encodings" }),
    rec("argp", { description: "Command line argument parser" }),
    rec("pdfsplit", { description: "Command line tool to split PDF files" })
  ])
  it("counts 'command line' and 'cli' a little, never as required words", () => {
    expect(r2.search("convert audio on the command line", 3).hits[0]!.attrPath).toBe("sndfmt")
    expect(r2.search("cli to convert audio", 3).hits[0]!.attrPath).toBe("sndfmt")
  })
  it("still finds by them when nothing else is asked", () => {
    expect(r2.search("command line", 3).hits.map((h) => h.attrPath)).toEqual(expect.arrayContaining(["txtenc", "argp"]))
  })
})

describe("a typo of a name that variants share", () => {
  // firefox-esr's pname is firefox; Debian's users make it the more popular: a typo is still firefox's first.
  const r = memIndex([
    rec("firefox", { description: "A web browser", maintainers: 1 }),
    rec("firefox-esr", { pname: "firefox", version: "68.0esr", description: "A web browser, extended support release", maintainers: 4, longDescription: "ESR" })
  ])
  it("goes to the package whose attribute is that name", () => {
    expect(r.search("fierfox", 2).hits.map((h) => h.attrPath)).toEqual(["firefox", "firefox-esr"])
    expect(r.suggest("fierfox", 2)).toEqual(["firefox", "firefox-esr"])
  })
})

describe("plug-ins found by words", () => {
  // A plug-in says so first ("A Docker volume plugin, ..."), as a library does: it extends another program and
  // comes after the programs that match, unless plug-ins are asked for.
  const r = memIndex([
    rec("dockvol", { description: "Docker volume plugin", position: "pkgs/applications/virtualization/dockvol/default.nix" }),
    rec("voldock", { description: "Docker volume manager for persistent container volumes", position: "pkgs/applications/virtualization/voldock/default.nix" })
  ])
  it("come after a program that matches as well", () => {
    expect(r.search("docker volume", 2).hits.map((h) => h.attrPath)).toEqual(["voldock", "dockvol"])
  })
  it("come first when a plug-in is asked for", () => {
    expect(r.search("docker volume plugin", 2).hits[0]!.attrPath).toBe("dockvol")
  })
})

describe("programs for people before libraries among the names a query starts", () => {
  const r3 = memIndex([
    rec("zebramq-c", { description: "ZebraMQ C client library", position: "pkgs/development/libraries/zebramq-c/default.nix" }),
    rec("zebramq-server", { description: "A message broker speaking AMQP", position: "pkgs/servers/amqp/zebramq-server/default.nix" })
  ])
  const first = (q: string) => r3.search(q, 2).hits[0]!.attrPath
  it("puts the program first for a prefix, the library when it is named or asked for", () => {
    expect(first("zebra")).toBe("zebramq-server")
    expect(first("zebramq-c")).toBe("zebramq-c")
    expect(first("zebramq library")).toBe("zebramq-c")
  })
})

describe("words of a request that say nothing about the package", () => {
  const r4 = memIndex([
    rec("memwatch", { description: "Memory usage of each process" }),
    rec("gitsee", { description: "See which files a commit is using" })
  ])
  it("drops 'see' and 'using' from 'see what is using my memory'", () => {
    expect(r4.search("see what is using my memory", 2).hits[0]!.attrPath).toBe("memwatch")
    expect(r4.search("gitsee", 2).hits[0]!.attrPath).toBe("gitsee")
  })
})

describe("an add-on's own name is weaker than a program's", () => {
  const r5 = memIndex([
    rec("rPackages.profileR", { position: "pkgs/development/r-modules/default.nix", maintainers: 0 }),
    rec("python3Packages.heapprof", { description: "Heap profiler for Python", position: "pkgs/development/python-modules/heapprof/default.nix" }),
    rec("sysprof", {
      description: "System-wide profiler for Linux", longDescription: "Samples the whole system.", maintainers: 4,
      position: "pkgs/development/tools/profiling/sysprof/default.nix"
    })
  ])
  const top = (q: string) => r5.search(q, 3).hits.map((h) => h.attrPath)
  it("puts a program that is one before an add-on that is only called that", () => {
    expect(top("profiler")[0]).toBe("sysprof")
    expect(top("profiler")).toContain("rPackages.profileR")
  })
  it("puts the add-on first when it is asked for with its set or its path", () => {
    expect(top("rPackages.profileR")[0]).toBe("rPackages.profileR")
    expect(top("python heapprof")[0]).toBe("python3Packages.heapprof")
  })
})

describe("names an add-on starts with", () => {
  const r6 = memIndex([
    rec("rPackages.spreadsheetr", { position: "pkgs/development/r-modules/default.nix", maintainers: 0 }),
    rec("sheetcalc", { description: "Spreadsheet program", longDescription: "Rows, columns and formulas.", maintainers: 3 })
  ])
  const top = (q: string) => r6.search(q, 2).hits.map((h) => h.attrPath)
  it("count less than a program that says it is one, unless the set is named", () => {
    expect(top("spreadsheet")[0]).toBe("sheetcalc")
    expect(top("rpackages.spreadsheet")[0]).toBe("rPackages.spreadsheetr")
  })
})

describe("a query that packages' texts use as a word", () => {
  const r7 = memIndex([
    rec("hcloud", { description: "A command-line interface for Hetzner Cloud" }),
    rec("google-cloud-sdk", { description: "Tools for the google cloud platform: gcloud, gsutil and bq" }),
    rec("firefox", { description: "A web browser" })
  ])
  const first = (q: string) => r7.search(q, 2).hits[0]!.attrPath
  it("is less likely a typo of a name", () => {
    expect(first("gcloud")).toBe("google-cloud-sdk")
  })
  it("while a word nobody uses is still read as one", () => {
    expect(first("hclodu")).toBe("hcloud")
    expect(first("fierfox")).toBe("firefox")
  })
})

describe("several words said together in a description", () => {
  // vidcap-screen has "screen" in its name, a word weighs most there, so it is ahead on words; grabber says
  // every word of the request in its description, which is worth the bonus that puts it first.
  const r6 = memIndex([
    rec("vidcap-screen", { description: "Tool that can record video from cameras, microphones and other devices" }),
    rec("grabber", { description: "Record the screen" })
  ])
  it("puts the package whose description says all the request's words first", () => {
    const hits = r6.search("record the screen", 2).hits
    expect(hits.map((h) => h.attrPath)).toEqual(["grabber", "vidcap-screen"])
    // ... by less than the bonus: without it the order would be the other way round
    expect(hits[0]!.score - hits[1]!.score).toBeLessThan(Score.together)
  })
})

describe("explaining a score (for tuning)", () => {
  it("gives the parts of each shown result's score, which add up to it", () => {
    const parts = new Map<number, ScoreParts>()
    const { ranked } = searchIndex(r, "pdf viewer", 3, (id, p) => parts.set(id, p))
    expect(ranked.length).toBeGreaterThan(0)
    for (const h of ranked) {
      const p = parts.get(h.id)!
      expect(p.name + p.words + p.prior + p.popularity + p.set + p.library + p.text).toBeCloseTo(h.score, 6)
    }
    expect(searchIndex(r, "pdf viewer", 3).ranked).toEqual(ranked)
  })
})

describe("a website of its own (prior.ts)", () => {
  it("puts a program with a website of its own before one described alike on a page of another site", () => {
    expect(siteOf("https://www.gimp.org/")).toBe("gimp.org")
    expect(siteOf("http://audacityteam.org")).toBe("audacityteam.org")
    expect(siteOf("https://example.org/index.html")).toBe("example.org")
    expect(siteOf("http://ccrma.stanford.edu/software/snd")).toBeUndefined()
    expect(siteOf("https://github.com/x/y")).toBeUndefined()
    expect(siteOf(null)).toBeUndefined()
    const editors = [
      rec("sndpage", { description: "Sound editor", homepage: "http://uni.example.edu/software/sndpage", position: "pkgs/applications/audio/sndpage/default.nix" }),
      rec("sndsite", { description: "Sound editor", homepage: "https://sndsite.example.org/", position: "pkgs/applications/audio/sndsite/default.nix" }),
      // a site many packages name is nobody's own
      rec("sndkit", { description: "Sound editor", homepage: "https://kit.example.org/", position: "pkgs/applications/audio/sndkit/default.nix" }),
      rec("kitone", { description: "Other", homepage: "https://kit.example.org/", position: "pkgs/applications/misc/kitone/default.nix" }),
      rec("kittwo", { description: "Other", homepage: "https://kit.example.org/", position: "pkgs/applications/misc/kittwo/default.nix" })
    ]
    const reader = IndexReader.fromBuffer(serializeIndex(editors, META, {}), "/test/index")
    const pop = new Map<string, number>()
    searchIndex(reader, "sound editor", 3, (id, parts) => pop.set(reader.str("attrPath", id), parts.popularity))
    expect(reader.search("sound editor", 3).hits[0]?.attrPath).toBe("sndsite")
    expect(pop.get("sndsite")!).toBeGreaterThan(pop.get("sndpage")!)
    expect(pop.get("sndkit")).toBe(pop.get("sndpage"))
  })
})

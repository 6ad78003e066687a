import { describe, expect, it } from "@effect/vitest"
import { osaDistance, osaDistanceIn, osaMatcher } from "../../src/domain/osa.js"
import { parseDrvName } from "../../src/domain/profile/drvName.js"
import { bareName, duplicateKey, isLibrary, pnameKey, preferred, setFamily, versionlessBase } from "../../src/domain/index/prior.js"
import { maxTypos, prefixScore, queryNamesSet, Score, typoScore, wordComponent } from "../../src/domain/index/rank.js"
import { kthLargest } from "../../src/domain/index/suggest.js"
import { lastSegment, MAX_QUERY_CHARS, nameWords, normalizeQuery, stem, textWords } from "../../src/domain/index/text.js"
import { rec } from "./records.js"

describe("osaDistance", () => {
  it("counts a transposition as one edit", () => {
    expect(osaDistance("tmxu", "tmux", 2)).toBe(1)
    expect(osaDistance("fierfox", "firefox", 2)).toBe(1)
    expect(osaDistance("ngnix", "nginx", 2)).toBe(1)
  })
  it("counts insertions, deletions, substitutions", () => {
    expect(osaDistance("krta", "krita", 2)).toBe(1)
    expect(osaDistance("postgrsql", "postgresql", 2)).toBe(1)
    expect(osaDistance("inkscpe", "inkscape", 2)).toBe(1)
    expect(osaDistance("kitten", "sitting", 3)).toBe(3)
    expect(osaDistance("", "abc", 3)).toBe(3)
    expect(osaDistance("same", "same", 0)).toBe(0)
  })
  it("stops at the bound", () => {
    expect(osaDistance("abcdef", "uvwxyz", 2)).toBe(3)
    expect(osaDistance("a", "abcdefgh", 2)).toBe(3)
  })
  it("agrees with a plain, unbounded OSA table on random words, for every bound", () => {
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
        }
      }
      return d[a.length]![b.length]!
    }
    let seed = 3
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
    // Short words over a small alphabet (every kind of edit), and long ones (up to 36 letters: past the
    // 31 letters of the bit-vector version, into the table's).
    const word = (k: number) => Array.from({ length: k < 20_000 ? rnd(9) : 25 + rnd(12) }, () => "abcd"[rnd(4)]).join("")
    for (let k = 0; k < 22_000; k++) {
      const a = word(k)
      const b = k < 20_000 ? word(k) : a.slice(0, rnd(a.length)) + "abcd"[rnd(4)] + a.slice(rnd(a.length))
      const exact = reference(a, b)
      for (const max of [0, 1, 2, 3]) {
        const want = a.length === 0 || b.length === 0 ? (Math.abs(a.length - b.length) > max ? max + 1 : exact) : Math.min(exact, max + 1)
        expect(osaDistance(a, b, max), `${a} ${b} ${max}`).toBe(want)
      }
    }
  })
  it("osaDistanceIn gives osaDistance's answer on a slice of a longer text, for every bound", () => {
    // Random short words over a small alphabet hit every case: equal, substitution, swap, insertion,
    // deletion, and two edits or more.
    let seed = 7
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
    const word = () => Array.from({ length: rnd(6) }, () => "abc"[rnd(3)]).join("")
    for (let k = 0; k < 20_000; k++) {
      const a = word()
      const b = word()
      const text = `xy${b}z`
      for (const max of [0, 1, 2]) {
        expect(osaDistanceIn(a, text, 2, 2 + b.length, max), `${a} ${b} ${max}`).toBe(osaDistance(a, b, max))
      }
    }
  })
  it("osaMatcher (one pattern, many names) gives osaDistance's answer, for every bound and pattern kind", () => {
    let seed = 11
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
    const word = (letters: string, most: number) => Array.from({ length: rnd(most) }, () => letters[rnd(letters.length)]).join("")
    for (let k = 0; k < 5_000; k++) {
      // short ASCII patterns (bit-vector), 31 letters (its widest), and non-ASCII ones (the table)
      const a = k % 10 === 0 ? word("ab\u00e9", 6) : k % 10 === 1 ? "ab".repeat(15) + word("ab", 2) : word("abc", 7)
      const b = k % 10 === 1 ? "ab".repeat(15) + word("abc", 3) : word("abc", 7)
      const text = `xy${b}z`
      for (const max of [0, 1, 2, 3]) {
        expect(osaMatcher(a, max)(text, 2, 2 + b.length), `${a} ${b} ${max}`).toBe(osaDistance(a, b, max))
      }
    }
  })
  it("handles names longer than its initial buffers", () => {
    const a = "x".repeat(200)
    expect(osaDistance(a, `${a}y`, 1)).toBe(1)
  })
})

describe("text", () => {
  it("normalises queries: case, spaces, length", () => {
    expect(normalizeQuery("  PDF   Viewer \n")).toBe("pdf viewer")
    expect(normalizeQuery("x".repeat(10_000)).length).toBe(MAX_QUERY_CHARS)
    expect(normalizeQuery("   ")).toBe("")
  })
  it("splits descriptions into stemmed words without stop words", () => {
    expect(textWords("A fast image viewer for the X Window System")).toEqual(["fast", "image", "viewer", "x", "window", "system"])
    expect(textWords("Libraries and viewers")).toEqual(["library", "viewer"])
    expect(textWords("A C++ compiler")).toEqual(["c++", "compiler"])
    expect(textWords("Café crème")).toEqual(["cafe", "creme"])
  })
  it("splits ASCII text as it splits the same text with other characters (two ways of splitting, one result)", () => {
    const texts = ["A C++ compiler, g++ and C#", "GPUs/CPUs: x86_64 & aarch64; 3D-printing (foo_bar) ~ tilde `quote`", "++only+ a+b #tag @at [x]{y}|z\\w", "The\tX11 window\nsystem's 'quoted' \"words\"!?"]
    // ñ is the one character outside ASCII: it folds to the word n.
    for (const t of texts) expect(textWords(`${t} ñ`), t).toEqual([...textWords(t), "n"])
  })
  it("splits names on separators and camelCase", () => {
    expect(nameWords("gitAndTools.gitFull")).toEqual(expect.arrayContaining(["gitandtool", "git", "and", "tool", "gitfull", "full"]))
    expect(nameWords("python3Packages.requests")).toEqual(expect.arrayContaining(["python3package", "python", "request"]))
    expect(nameWords("claws-mail")).toEqual(["claw", "mail"])
  })
  it("stems plurals lightly", () => {
    expect(stem("viewers")).toBe("viewer")
    expect(stem("libraries")).toBe("library")
    expect(stem("gnuplot")).toBe("gnuplot")
    expect(stem("less")).toBe("less")
    expect(stem("linux")).toBe("linux")
  })
  it("stems -es plurals of words in s, x, sh and ch, so that a plural finds its singular", () => {
    // "see running processes" has to find htop's "An interactive process viewer"
    expect(stem("processes")).toBe(stem("process"))
    expect(stem("boxes")).toBe(stem("box"))
    expect(stem("patches")).toBe(stem("patch"))
    expect(stem("flashes")).toBe(stem("flash"))
    // words whose singular ends in -e are still stemmed to it
    expect(stem("caches")).toBe(stem("cache"))
    expect(stem("niches")).toBe(stem("niche"))
    expect(stem("images")).toBe(stem("image"))
  })
  it("finds the last attribute segment", () => {
    expect(lastSegment("python3Packages.requests")).toBe("requests")
    expect(lastSegment("firefox")).toBe("firefox")
  })
})

describe("parseDrvName", () => {
  it("splits at the first dash followed by a non-letter", () => {
    expect(parseDrvName("hello-2.10")).toEqual({ name: "hello", version: "2.10" })
    expect(parseDrvName("git-minimal-2.23.1")).toEqual({ name: "git-minimal", version: "2.23.1" })
    expect(parseDrvName("steam")).toEqual({ name: "steam", version: "" })
    expect(parseDrvName("python3.7-requests-2.22.0")).toEqual({ name: "python3.7-requests", version: "2.22.0" })
  })
})

describe("priors", () => {
  it("recognises versioned variants", () => {
    expect(versionlessBase("postgresql_11")).toBe("postgresql")
    expect(versionlessBase("gcc9")).toBe("gcc")
    expect(versionlessBase("nodejs-12_x")).toBe("nodejs")
    expect(versionlessBase("firefox")).toBeUndefined()
  })
  it("ignores pnames that are artefacts of splitting node2nix names", () => {
    expect(pnameKey(rec("google-clasp", { pname: "node", version: "_at_google_slash_clasp-2.2.1" }))).toBeUndefined()
    expect(pnameKey(rec("jdk", { pname: "openjdk", version: "8u222-ga" }))).toBe("openjdk")
    expect(pnameKey(rec("steam", { pname: "steam", version: "" }))).toBe("steam")
  })
  it("groups versioned package sets and interpreter-prefixed names", () => {
    expect(setFamily("perl528Packages")).toBe("perlPackages")
    expect(setFamily("rubyPackages_2_6")).toBe("rubyPackages")
    expect(bareName("perl5.28.2-Spreadsheet-ParseExcel")).toBe("Spreadsheet-ParseExcel")
    expect(bareName("python3.7-requests")).toBe("requests")
  })
  it("sees one package behind several attribute paths and prefers the shallowest", () => {
    const a = rec("vlc", { position: "p.nix" })
    const b = rec("libsForQt5.vlc", { pname: "vlc", position: "p.nix" })
    expect(duplicateKey(a)).toBe(duplicateKey(b))
    expect(duplicateKey(rec("vlc_qt5", { pname: "vlc", position: "p.nix" }))).not.toBe(duplicateKey(a))
    expect(preferred("vlc", "libsForQt5.vlc")).toBe(true)
    expect(preferred("perlPackages.X", "perl528Packages.X")).toBe(true)
    expect(preferred("libsForQt5.vlc", "libsForQt512.vlc")).toBe(true)
  })
  it("reads a description as a library's when a library is what it first names", () => {
    const lib = (description: string) => isLibrary(rec("x", { description, position: "pkgs/tools/misc/x/default.nix" }))
    for (const d of ["A C++ library for parsing X", "GTK library", "SDL image library", "Python bindings to the X API", "Client library for MPD (music player daemon)", "Cryptographic algorithms library, with tools"]) {
      expect(lib(d), d).toBe(true)
    }
    // a word of another thing, or one half of a pair: a program for people
    for (const d of ["Media library streaming server", "Music tagger and library organizer", "Command line utility and library for X", "Library and tools for X", "A library-based package manager", "Automatic Video Library Manager for TV Shows"]) {
      expect(lib(d), d).toBe(false)
    }
  })
})

describe("rank policy", () => {
  it("orders match kinds: exact > joined > alias-ish > prefix > typo", () => {
    expect(Score.exactAttrPath).toBeGreaterThan(Score.exactName)
    expect(Score.exactName).toBeGreaterThan(Score.alias)
    expect(prefixScore(6, 7)).toBeLessThan(Score.exactJoined)
    expect(prefixScore(7, 8)).toBeGreaterThan(typoScore(1))
    expect(typoScore(1)).toBeGreaterThan(typoScore(2))
  })
  it("prefers the closer prefix", () => {
    expect(prefixScore(6, 7)).toBeGreaterThan(prefixScore(6, 12))
  })
  it("allows more typos in longer words", () => {
    expect([2, 3, 5, 6, 12].map(maxTypos)).toEqual([0, 1, 1, 2, 2])
  })
  it("rewards covering every query word", () => {
    expect(wordComponent(2, 2, 2, 2)).toBe(1)
    expect(wordComponent(1, 2, 1, 2)).toBeLessThan(0.5)
    expect(wordComponent(0, 0, 0, 0)).toBe(0)
  })
  it("knows when the query names a package set", () => {
    expect(queryNamesSet(["python", "request"], "python3Packages.requests")).toBe(true)
    expect(queryNamesSet(["emacs", "magit"], "emacsPackages.magit")).toBe(true)
    expect(queryNamesSet(["request"], "python3Packages.requests")).toBe(false)
    expect(queryNamesSet(["python"], "requests")).toBe(false)
  })
})

describe("kthLargest (suggest's cut)", () => {
  it("is what sorting puts at length - k, duplicates counted, for every k", () => {
    let seed = 17
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
    for (let round = 0; round < 2_000; round++) {
      // few distinct values (many ties), negative ones, fractions
      const xs = Array.from({ length: 1 + rnd(40) }, () => (rnd(12) - 4) / (1 + rnd(3)))
      const sorted = Float64Array.from(xs).sort()
      for (let k = 1; k <= xs.length; k++) expect(kthLargest(xs, k), `${xs.join(",")} k=${k}`).toBe(sorted[xs.length - k])
    }
  })
})

/**
 * Requests that say what to do rather than what the package is ("edit a video", "something to watch movies",
 * "a free alternative to photoshop"): general forms, not copies of the relevance sets.
 */
import { describe, expect, it } from "@effect/vitest"
import { agentNouns, agentNounsOf } from "../../src/domain/index/relatedWords.js"
import { phraseText } from "../../src/domain/index/search.js"
import { stem, textWords } from "../../src/domain/index/text.js"
import { memIndex, rec } from "./records.js"

describe("agent nouns (relatedWords.ts)", () => {
  it("pairs verbs with the noun for who does it where WordNet links them", () => {
    const all = agentNouns(() => true)
    expect(all.get("edit")).toBe("editor")
    expect(all.get("record")).toBe("recorder")
    expect(all.get("play")).toBe("player")
    expect(all.get("scan")).toBe("scanner")
    expect(all.get("browse")).toBe("browser")
    // spelt alike, not linked
    expect(all.has("image")).toBe(false)
    expect(all.has("git")).toBe(false)
  })
  it("keeps only nouns the packages' texts use", () => {
    expect(agentNouns((w) => w !== "editor").has("edit")).toBe(false)
  })
  it("adds pairs spelt alike when texts use the verb's -ing or -ed form, and only then", () => {
    expect(agentNounsOf(new Set(["download", "downloading", "downloader"])).get("download")).toBe("downloader")
    expect(agentNounsOf(new Set(["download", "downloader"])).has("download")).toBe(false)
    expect(agentNounsOf(new Set(["git", "gitter"])).has("git")).toBe(false)
    expect(agentNounsOf(new Set(["zap", "zapping", "zapper"])).get("zap")).toBe("zapper")
  })
})

describe("plurals", () => {
  it("fold nouns in -ie to their word, and leave -os alone", () => {
    expect(["viewers", "libraries", "movies", "cookies"].map(stem)).toEqual(["viewer", "library", "movie", "cookie"])
    expect(["nixos", "macos", "photos"].map(stem)).toEqual(["nixos", "macos", "photos"])
    expect(textWords("Watch your movies")).toEqual(["watch", "movie"])
  })
})

describe("prepositions in a request", () => {
  // "between" is no stop word, so it was a required word that neither description says.
  const r = memIndex([
    rec("filesync", { description: "Sync files and folders to other computers" }),
    rec("syncbetween", { description: "Sync between computers" })
  ])
  it("are not words the package must say", () => {
    expect(r.search("sync files between computers", 2).hits[0]?.attrPath).toBe("filesync")
  })
})

describe("a verb-led request's agent phrase said with a related word", () => {
  // "edit audio" asks for an audio editor; wavedit says it is one in other words ("sound editor": WordNet relates
  // audio and sound), tagger uses both words of the request for something else.
  const r = memIndex([
    rec("tagger", { description: "Edit the tags of audio files", maintainers: 4 }),
    rec("wavedit", { description: "Sound editor with graphical UI" })
  ])
  it("counts as the phrase does, for less", () => {
    expect(r.search("edit audio", 2).hits[0]?.attrPath).toBe("wavedit")
  })
})

describe("a request that starts with a verb", () => {
  // tagvid says both words of "edit a video" in its description; cutter only that it is a video editor (and
  // "editor" is not "edit"): the request asks for what cutter is.
  const r = memIndex([
    rec("tagvid", { description: "Edit the tags of video files", maintainers: 3 }),
    rec("cutter", { description: "Non-linear video editor" }),
    rec("snapview", { description: "Viewer for photos" }),
    rec("watchfs", { description: "Watches files and runs a command when movies or anything else change" }),
    rec("cinema", { description: "Movie player" }),
    rec("grabber", { description: "Screen recorder" }),
    rec("screenfix", { description: "Records nothing, fixes the screen size" })
  ])
  const top = (q: string) => r.search(q, 3).hits.map((h) => h.attrPath)
  it("asks for the package that is the verb's agent noun", () => {
    expect(top("edit a video")[0]).toBe("cutter")
    expect(top("something to edit a video")[0]).toBe("cutter")
    expect(top("a program to record my screen")[0]).toBe("grabber")
  })
  it("reads -ing forms as their verb", () => {
    expect(top("editing a video")[0]).toBe("cutter")
    expect(top("recording the screen")[0]).toBe("grabber")
  })
  it("asks for a player or viewer when the verb is one of using media", () => {
    expect(top("watch movies")[0]).toBe("cinema")
    expect(top("open photos")[0]).toBe("snapview")
  })
})

describe("what a request says about alternatives and platforms", () => {
  // Many descriptions say "alternative", "free" or "Linux"; a request that says them asks for the rest.
  const r = memIndex([
    rec("altls", { description: "A free alternative to ls for Linux", maintainers: 4 }),
    rec("paintr", { description: "Image editor similar to Photoshop" }),
    rec("readpdf", { description: "PDF reader" }),
    rec("linuxdoc", { description: "PDF documentation of the Linux kernel", maintainers: 4 })
  ])
  const first = (q: string) => r.search(q, 2).hits[0]!.attrPath
  it("counts 'alternative', 'free', 'linux' a little, never as required words", () => {
    expect(first("a free alternative to photoshop")).toBe("paintr")
    expect(first("pdf reader for linux")).toBe("readpdf")
    expect(first("what is a good pdf reader on linux")).toBe("readpdf")
  })
})

describe("a phrase said with a related word", () => {
  // sndedit says "sound editor", not "audio editor"; mixtool says "audio" itself and "editing" apart, and more
  // people use it: ahead on words. WordNet relates audio and sound, so sndedit says the request's phrase.
  const r = memIndex([
    rec("mixtool", { description: "Audio mixer and editing tool", longDescription: "Mixes tracks.", maintainers: 4 }),
    rec("sndedit", { description: "Sound editor" })
  ])
  it("earns the phrase bonus, for a related word's share", () => {
    expect(r.relatedWords("audio")).toContain("sound")
    expect(r.search("audio editor", 2).hits.map((h) => h.attrPath)).toEqual(["sndedit", "mixtool"])
  })
})

describe("a program whose description says 'library' of something else", () => {
  // "Media library streaming server" is a server (a library of media), not a library for programs: it is not
  // ranked after programs that match the request less.
  const r = memIndex([
    rec("mediaserv", { description: "Media library streaming server", position: "pkgs/servers/mediaserv/default.nix" }),
    rec("mediatool", { description: "Media tagging tool with a server mode", position: "pkgs/tools/misc/mediatool/default.nix" })
  ])
  it("is ranked as a program", () => {
    expect(r.search("media server", 2).hits[0]!.attrPath).toBe("mediaserv")
  })
})

describe("a verb-led request with a several-word object", () => {
  // "record my terminal session" asks for a terminal session recorder (asciinema says so; search14's dev query was 3rd
  // behind an uptime record daemon): the whole object before the noun counts as the agent phrase does.
  const r = memIndex([
    rec("logger", { description: "Records the terminal of each login session into a log", maintainers: 4 }),
    rec("sessrec", { description: "Terminal session recorder" })
  ])
  it("counts when the package says the whole object and the noun", () => {
    expect(r.search("record my terminal session", 2).hits[0]?.attrPath).toBe("sessrec")
  })
})

describe("a request's phrase in a description that hyphenates it", () => {
  // freemind says "Mind-mapping software"; search14's dev query "mind mapping software" had it 3rd.
  const r = memIndex([
    rec("teamtool", { description: "Mind maps and mapping software", longDescription: "Mind maps for teams", maintainers: 4 }),
    rec("mindmap", { description: "Mind-mapping software" })
  ])
  it("is said there", () => {
    expect(r.search("mind mapping software", 2).hits[0]?.attrPath).toBe("mindmap")
  })
  it("reads a hyphen between words as a space, and after one letter as nothing", () => {
    expect(phraseText("Mind-mapping software")).toBe("mind mapping software")
    expect(phraseText("An e-mail client for GNOME")).toBe("an email client for gnome")
    expect(phraseText("Light-weight x86-64 viewer")).toBe("light weight x86-64 viewer")
  })
})

import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { Generations, Install, Rebuild, Rollback, Update, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { decideScope } from "../../src/domain/system/decideScope.js"

const u = (intent: Understood["intent"], scope?: "user" | "system"): Understood =>
  ({ intent, confidence: 0.9, notes: [], corrections: [], scope })

describe("decideScope on Understood values", () => {
  it("--system / --user win, except that a rebuild is always the system's", () => {
    expect(decideScope(u(new Install({ packages: ["git"] })), { scope: "system" })).toEqual({ scope: "system", reason: "--system was given" })
    expect(decideScope(u(new Update({ packages: [] }), "system"), { scope: "user" })).toEqual({ scope: "user", reason: "--user was given" })
    expect(decideScope(u(new Rebuild({ mode: "switch" })), { scope: "user" }).scope).toBe("system")
    expect(decideScope(u(new Rebuild({ mode: "switch" })), { scope: "user" }).reason).toContain("--user does not apply")
  })

  it("otherwise the request's own scope; packages default to the user", () => {
    expect(decideScope(u(new Rollback({}), "system"), { scope: undefined })).toEqual({ scope: "system", reason: "the request names the system" })
    expect(decideScope(u(new Generations({})), { scope: undefined }).scope).toBe("user")
    expect(decideScope(u(new Install({ packages: ["git"] })), { scope: undefined }).reason).toContain("your own profile")
  })
})

/** Requests and the scope they must get without flags (parsed by the real parser). */
const corpus: ReadonlyArray<readonly [string, "user" | "system", string]> = [
  ["update my system", "system", "update"],
  ["upgrade the system", "system", "update"],
  ["upgrade nixos", "system", "update"],
  ["roll back the system", "system", "rollback"],
  ["undo my last system update", "system", "rollback"],
  ["switch to system generation 41", "system", "rollback"],
  ["list system generations", "system", "generations"],
  ["show my nixos generations", "system", "generations"],
  ["what changed in the last system update", "system", "generations"],
  ["apply my config", "system", "rebuild"],
  ["rebuild but don't switch", "system", "rebuild"],
  ["test the new config", "system", "rebuild"],
  ["rebuild my system for next boot", "system", "rebuild"],
  ["dry build the system", "system", "rebuild"],
  ["install firefox system-wide", "system", "install"],
  ["install firefox", "user", "install"],
  ["update firefox", "user", "update"],
  ["update everything", "user", "update"],
  ["update my packages", "user", "update"],
  ["roll back", "user", "rollback"],
  ["undo the last update", "user", "rollback"],
  ["list generations", "user", "generations"],
  ["remove htop", "user", "remove"],
  ["what is installed", "user", "list"]
]

describe("decideScope on a corpus of requests (through the parser)", () => {
  it.each(corpus)("%s -> %s", (text, scope, kind) => {
    const understood = parseRequest(text)
    expect(understood.intent._tag).toBe(kind)
    expect(decideScope(understood, { scope: undefined }).scope).toBe(scope)
  })

  it("--user turns every non-rebuild request to the user profile, --system every request to the system", () => {
    for (const [text] of corpus) {
      const understood = parseRequest(text)
      expect(decideScope(understood, { scope: "system" }).scope).toBe("system")
      expect(decideScope(understood, { scope: "user" }).scope).toBe(understood.intent._tag === "rebuild" ? "system" : "user")
    }
  })
})

describe("decideScope for kinds without a system form", () => {
  it("search, info and try stay with the user even with --system or a system word", () => {
    for (const text of ["search the system for a text editor", "tell me about htop", "try cowsay without installing it"]) {
      const understood = parseRequest(text)
      expect(decideScope({ ...understood, scope: "system" }, { scope: "system" })).toEqual({
        scope: "user", reason: `"${understood.intent._tag}" is the same for the system and your profile`
      })
    }
  })
})

describe("decideScope on the shared development corpus", () => {
  const corpusFile = path.resolve(fileURLToPath(new URL("../../../shared/corpus/nl-dev.tsv", import.meta.url)))
  const requests = fs.existsSync(corpusFile)
    ? fs.readFileSync(corpusFile, "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#")).map((l) => l.split("\t")[0]!)
    : []

  it("names the system exactly when the request does (system / nixos words)", () => {
    expect(requests.length).toBeGreaterThan(50)
    for (const text of requests) {
      const expected = /\b(system|nixos)\b/.test(text) ? "system" : "user"
      expect([text, decideScope(parseRequest(text), { scope: undefined }).scope]).toEqual([text, expected])
    }
  })
})

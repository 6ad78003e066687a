// Each edit case (editCases.ts) produces exactly the diff in test/fixtures/config/expected/<case>.diff
// (reviewed by hand; regenerate with `ASK_NIX_WRITE_EXPECTED=1 npx vitest run test/nixfile/configEdit.test.ts`
// and review the change), the edited files still parse, nothing outside the diff moved, and the
// line breaks of the file (CRLF) are kept.
import { Effect, Either } from "effect"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ConfigEditRefused, NotInConfig } from "../../src/domain/configErrors.js"
import { unifiedDiff } from "../../src/domain/diff/unifiedDiff.js"
import { type ConfigChange, planConfigEdit } from "../../src/domain/nixfile/configEdit.js"
import { collectConfigFiles } from "../../src/domain/nixfile/configFiles.js"
import { nixBool, nixString } from "../../src/domain/nixfile/nixValue.js"
import { parseNix } from "../../src/domain/nixfile/parseNix.js"
import { fixtureDir, fixturesRoot, mainFileOf, readConfig } from "../support/configFixtures.js"
import { add, addFor, type EditCase, editCases, remove, set } from "./editCases.js"

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60)
const expectedFile = (c: EditCase) => join(fixturesRoot, "expected", `${slug(c.name)}.diff`)

const plan = (fixture: string, changes: ReadonlyArray<ConfigChange>, main?: string) => {
  const dir = fixtureDir(fixture)
  return { dir, result: planConfigEdit(readConfig(main ? join(dir, main) : mainFileOf(dir)), changes) }
}

describe("configuration edits: exact diffs", () => {
  it.each(editCases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const { dir, result } = plan(c.fixture, c.changes, c.main)
    if (Either.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const shown = result.right.edits.map((e) => {
      const rel = e.path.slice(dir.length + 1)
      return unifiedDiff(e.before, e.after, { from: rel, to: rel }, 1)
    }).join("") + result.right.notes.map((n) => `note: ${n.split(`${dir}/`).join("")}\n`).join("")
    if (process.env["ASK_NIX_WRITE_EXPECTED"] === "1") writeFileSync(expectedFile(c), shown)
    expect(existsSync(expectedFile(c)), `missing ${expectedFile(c)}`).toBe(true)
    expect(shown).toBe(readFileSync(expectedFile(c), "utf8"))
    for (const e of result.right.edits) {
      expect(parseNix(e.after).ok).toBe(true)
      if (e.before.includes("\r\n")) expect(e.after.replace(/\r\n/g, "")).not.toContain("\n")
    }
  })
})

describe("configuration edits: what is refused or already done", () => {
  it("removing a package that is not there names what is", () => {
    const { result } = plan("nixos/dotted", [remove("emacs")])
    expect(Either.isLeft(result) && result.left).toEqual(new NotInConfig({
      name: "emacs",
      option: "environment.systemPackages",
      files: [join(fixtureDir("nixos/dotted"), "configuration.nix")],
      present: ["curl", "git", "htop", "vim"]
    }))
  })

  it("a package already in the list is not added twice", () => {
    const { result } = plan("nixos/dotted", [add("git")])
    expect(Either.isRight(result) && result.right.edits).toEqual([])
    expect(Either.isRight(result) && result.right.notes.join()).toContain("git is already in environment.systemPackages")
  })

  it("an option already set to the value is left alone", () => {
    const { result } = plan("nixos/dotted", [set("services.openssh.enable", nixBool(true))])
    expect(Either.isRight(result) && result.right.edits).toEqual([])
  })

  it("nothing is added next to a binding wrapped in mkIf", () => {
    const { result } = plan("nixos/mkif-blocked", [set("services.xserver.libinput.enable", nixBool(true))])
    expect(Either.isLeft(result) && result.left._tag).toBe("ConfigEditRefused")
    expect(Either.isLeft(result) && result.left instanceof ConfigEditRefused && result.left.line).toBe(6)
  })

  it("a user that is not defined is not created for their packages", () => {
    const { result } = plan("nixos/users", [addFor("carol", "vlc")])
    expect(Either.isLeft(result) && result.left._tag).toBe("ConfigEditRefused")
  })

  it("a file that does not parse is refused with its line", () => {
    const main = join(fixtureDir("bad/syntax"), "configuration.nix")
    const files = { main, order: [main], texts: new Map([[main, readFileSync(main, "utf8")]]) }
    const result = planConfigEdit(files, [add("firefox")])
    expect(Either.isLeft(result) && result.left).toMatchObject({ _tag: "ConfigSyntaxError", path: main, line: 5, column: 30 })
    const read = Effect.runSync(Effect.either(collectConfigFiles(main, {
      read: (p) => Effect.succeed(readFileSync(p, "utf8")),
      isDirectory: () => Effect.succeed(false),
      home: "/home/test"
    })))
    expect(Either.isLeft(read) && read.left).toMatchObject({ _tag: "ConfigSyntaxError", line: 5 })
  })

  it("a file that is not a module is refused", () => {
    const { result } = plan("bad/not-a-module", [set("time.timeZone", nixString("UTC"))])
    expect(Either.isLeft(result) && result.left._tag).toBe("ConfigEditRefused")
  })
})

/**
 * The data tables the build moves out of the bundle (scripts/bundledData.mjs): the bundle, and so the
 * startup snapshot, no longer carries them; the shipped command reads them from dist/ask-nix.data,
 * from the snapshot and without it, and says what to do when that file is missing.
 */
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEBIAN_PHRASES } from "../../src/domain/index/debianPhrases.generated.js"
import { relatedWordsText } from "../../src/domain/index/relatedWords.generated.js"
import { isDictionaryWord } from "../../src/domain/parse/dictionary.js"
import { dictionaryIndex, dictionaryText } from "../../src/domain/parse/dictionaryText.js"
import { dictionaryBase64 } from "../../src/domain/parse/grammar/dictionary.generated.js"
import { settingDescriptionWordsBase64 } from "../../src/domain/parse/grammar/settingDescriptionWords.generated.js"
import { askNixBin, ensureBuilt, repoRoot, startModes } from "../support/shippedBinary.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-bundled-data-"))
beforeAll(ensureBuilt)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A request that only the dictionary tells apart: "bluetoth" is no English word, so it is taken as a package. */
const parse = (bin: string, env: Record<string, string>, text = "install the bluetoth") =>
  spawnSync(bin, ["--index", join(dir, "no-index"), "parse", "--json", text], { encoding: "utf8", env: { ...process.env, ...env } })

describe("data tables beside the bundle", () => {
  it("are not in the bundle's source", () => {
    const bundle = readFileSync(join(repoRoot, "dist/ask-nix.cjs"), "utf8")
    expect(bundle).not.toContain(dictionaryBase64().slice(1000, 1100))
    expect(bundle).not.toContain(JSON.stringify(relatedWordsText().slice(1000, 1100)).slice(1, -1))
    expect(bundle).not.toContain(JSON.stringify(DEBIAN_PHRASES.slice(1000, 1100)).slice(1, -1))
    expect(bundle).not.toContain(settingDescriptionWordsBase64().slice(1000, 1100))
  })

  it("nor in the startup snapshot, which every call loads (the warm-up reads an index, not the index builder's tables)", () => {
    const blob = readFileSync(join(repoRoot, "dist/ask-nix.blob")).toString("latin1")
    expect(blob).not.toContain(relatedWordsText().slice(1000, 1100))
    expect(blob).not.toContain(dictionaryText().slice(1000, 1100))
  })

  for (const mode of startModes) {
    it(`are read by the shipped command (${mode.name}) as from the sources`, () => {
      const r = parse(askNixBin, mode.env)
      expect(r.stderr).toBe("")
      expect(JSON.parse(r.stdout)).toMatchObject({ intent: "install", packages: ["bluetoth"] })
    })

    it(`the words of the options' descriptions are read as from the sources (${mode.name})`, () => {
      const r = parse(askNixBin, mode.env, "enable the fingerprint reader")
      expect(r.stderr).toBe("")
      expect(JSON.parse(r.stdout)).toMatchObject({ intent: "configure", action: "enable", text: "fingerprint reader" })
    })

    it(`the dictionary is read by its buckets, the first, a middle and the last as the sources read them (${mode.name})`, () => {
      const index = dictionaryIndex()
      expect([index.slice(0, 2), index.slice(-14, -12)]).toEqual(["aa", "zy"]) // records of 14 characters
      for (const word of ["aardvark", "mellow", "zygote"]) {
        expect(isDictionaryWord(word)).toBe(true)
        const r = parse(askNixBin, mode.env, `install the ${word}`)
        expect(r.stderr).toBe("")
        // an English word, not taken for a package's name
        expect(JSON.parse(r.stdout)).toMatchObject({ intent: "unknown", packages: [] })
      }
    })

    it(`missing, the command says to build again (${mode.name})`, () => {
      const pkg = join(dir, `no-data-${mode.name.replace(/\W/g, "-")}`)
      for (const sub of ["bin", "dist"]) mkdirSync(join(pkg, sub), { recursive: true })
      for (const f of ["bin/ask-nix", "bin/ask-nix.mjs", "dist/ask-nix.cjs", "dist/ask-nix.blob", "dist/ask-nix.blob.args"]) copyFileSync(join(repoRoot, f), join(pkg, f))
      const r = parse(join(pkg, "bin/ask-nix"), mode.env)
      expect(r.status).not.toBe(0)
      expect(r.stderr).toMatch(/ask-nix cannot read its data file .*ask-nix\.data.*run npm run build again/)
    })
  }
})

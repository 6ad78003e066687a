import { describe, expect, it } from "vitest"
import { splitWords } from "../../src/domain/splitWords.js"

// The regular-expression pipelines splitWords replaced (topics, systemTopic, explanations): it must give what they gave.
const BETWEEN = /[^a-z0-9.+_'/-]+/
const texts = [
  "Overriding the `kitty` package.", "what's nix-env's ./result/bin?", "--- ... -'- :", "it's firefox's /nix/store/abc-x.drv",
  "'quoted' words, and 's alone", "a b c", "", "...", "services.nginx.enable = true;", "node's, git's and vim-'s"
]

describe("splitWords", () => {
  it("splits, trims the ends and leaves out short words as split, map(replace) and filter did", () => {
    for (const t of texts) {
      const lower = t.toLowerCase()
      expect(splitWords(lower, BETWEEN, "'./-", 1), t).toEqual(lower.split(BETWEEN).map((w) => w.replace(/^['./-]+|['./-]+$/g, "")).filter((w) => w.length > 0))
      expect(splitWords(lower, BETWEEN, "'./-", 2, "'./:-", "'s"), t)
        .toEqual(lower.split(BETWEEN).map((w) => w.replace(/^['./-]+|['./:-]+$/g, "").replace(/'s$/, "")).filter((w) => w.length > 1))
    }
  })
  it("keeps a word that needs no trimming as it is", () => {
    expect(splitWords("install firefox.", BETWEEN, ".", 1)).toEqual(["install", "firefox"])
  })
})

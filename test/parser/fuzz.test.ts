/** Seeded random requests (grammar words, package names, junk): the parser never throws and keeps its shape. */
import { describe, expect, it } from "vitest"
import { Intent, isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { Schema } from "effect"

const words = [
  "install", "remove", "update", "please", "not", "don't", "a", "the", "and", ",", "firefox", "git", "vs", "code",
  "python", "3.11", "what", "is", "how", "do", "i", "roll", "back", "generation", "42", "clean", "up", "gc", "?",
  "!", "system", "nixos", "apply", "config", "try", "without", "installing", "provides", "rg", "command", "not",
  "found", "pdf", "viewer", "need", "want", "to", "$(x)", "`id`", ";", "|", "--option", "-f", "ｉ", "é", "🙂",
  "xkeptx0x", "{pkgs}", "(", ")", "[", "]", "*", "'", "\"", "keep", "last", "3", "if", "maybe", "can", "you"
]

const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}

describe("fuzz", () => {
  it("2,000 random requests parse to well-formed intents", () => {
    const r = rng(42)
    const validate = Schema.validateSync(Intent)
    for (let i = 0; i < 2000; i++) {
      const n = 1 + Math.floor(r() * 9)
      const text = Array.from({ length: n }, () => words[Math.floor(r() * words.length)]!).join(r() < 0.5 ? " " : "  ")
      const u = parseRequest(text)
      expect(() => validate(u.intent), text).not.toThrow()
      expect(u.confidence, text).toBeGreaterThanOrEqual(0)
      expect(u.confidence, text).toBeLessThanOrEqual(1)
      if (u.intent._tag === "install" || u.intent._tag === "remove" || u.intent._tag === "info" || u.intent._tag === "try") {
        expect(u.intent.packages.length, text).toBeGreaterThan(0)
        for (const p of u.intent.packages) { expect(p.trim(), text).toBe(p); expect(p.length, text).toBeGreaterThan(0) }
      }
      if (isMutating(u.intent) && /\b(not|don't|never)\b/.test(text) && u.intent._tag !== "try" && u.intent._tag !== "rebuild") {
        // a negation in a mutating request must have been expected by its phrase ("i don't use x anymore")
        expect(u.intent._tag, text).toBe("remove")
      }
    }
  })
})

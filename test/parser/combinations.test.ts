/**
 * Requests built from parts (openers x verbs x package lists x endings), so that wordings nobody wrote
 * into a corpus are covered too. Each combination must give the same intent and packages.
 */
import { describe, expect, it } from "vitest"
import { actsWithoutAsking, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { isCarriedOut, isMutating } from "../../src/domain/Intent.js"

const openers = ["", "please ", "hey, ", "could you ", "can you please ", "would you kindly ", "ok ", "i would like you to ", "go ahead and ", "Please, "]
const endings = ["", " please", " for me", " now", "!", ".", " thanks", " right now", " on my laptop", " asap", "   "]
const lists: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["firefox", ["firefox"]], ["git and tmux", ["git", "tmux"]], ["jq, curl and fd", ["jq", "curl", "fd"]],
  ["vim & emacs", ["vim", "emacs"]], ["the gimp", ["gimp"]], ["vs code", ["vscode"]], ["node.js", ["nodejs"]],
  ["ripgrep, fd, bat", ["ripgrep", "fd", "bat"]], ["HTOP", ["htop"]], ["python3Packages.requests", ["python3Packages.requests"]]
]
const verbs: Record<"install" | "remove" | "update", ReadonlyArray<string>> = {
  install: ["install", "add", "get me", "set up", "put", "instal", "intsall", "grab"],
  remove: ["remove", "uninstall", "delete", "get rid of", "erase", "uninstal", "remvoe", "purge"],
  update: ["update", "upgrade", "updte", "upgarde", "refresh"]
}

const pick = <A>(xs: ReadonlyArray<A>, i: number) => xs[i % xs.length]!

describe("combinations", () => {
  for (const [kind, vs] of Object.entries(verbs)) {
    it(`${kind}: every opener, verb, list and ending`, () => {
      const failures: Array<string> = []
      let n = 0
      vs.forEach((v, vi) => lists.forEach(([words, expected], li) => openers.forEach((o, oi) => {
        const e = pick(endings, vi + li + oi)
        const text = `${o}${v} ${words}${e}`
        const u = parseRequest(text)
        n++
        const pkgs = "packages" in u.intent ? u.intent.packages : []
        if (u.intent._tag !== kind || JSON.stringify(pkgs) !== JSON.stringify(expected) || !actsWithoutAsking(u.confidence)) {
          failures.push(`${text} -> ${u.intent._tag} ${JSON.stringify(pkgs)} ${u.confidence}`)
        }
      })))
      expect(n).toBeGreaterThan(300)
      expect(failures).toEqual([])
    })
  }

  it("negated combinations are never mutating", () => {
    const negations = ["do not ", "don't ", "please don't ", "never ", "i do not want to ", "you should not ", "no, don't "]
    const failures: Array<string> = []
    for (const [kind, vs] of Object.entries(verbs)) {
      vs.forEach((v, vi) => negations.forEach((neg, ni) => {
        const text = `${neg}${v} ${pick(lists, vi + ni)[0]}${pick(endings, ni)}`
        const u = parseRequest(text)
        if (isMutating(u.intent)) failures.push(`${text} -> ${u.intent._tag} (${kind})`)
      }))
    }
    expect(failures).toEqual([])
  })

  it("questions about an order are answered, not carried out", () => {
    const frames = ["how do i {}", "how can i {}?", "how to {}", "is it safe to {}?", "what happens if i {}", "why did the {} fail", "should i {}?", "did you {}?", "i already did {}"]
    const failures: Array<string> = []
    for (const vs of Object.values(verbs)) {
      for (const f of frames) {
        for (const v of vs.slice(0, 3)) {
          const text = f.replace("{}", `${v} firefox`)
          if (isCarriedOut(parseRequest(text))) failures.push(text)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it("category requests become a search to pick from, whatever the opener", () => {
    const cats = ["a pdf viewer", "a password manager", "an image editor", "some music player", "a good text editor", "something to edit photos"]
    const ways = ["install {}", "i need {}", "i want {}", "could you get me {}?", "please add {}", "set up {} for me"]
    for (const c of cats) {
      for (const w of ways) {
        const u = parseRequest(w.replace("{}", c))
        expect(u.intent._tag, w.replace("{}", c)).toBe("search")
        expect(u.category, w.replace("{}", c)).toBeDefined()
      }
    }
  })
})

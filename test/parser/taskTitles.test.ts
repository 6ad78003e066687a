/**
 * Titles that start with a verb of building or setting something up, without a question mark ("Cross
 * Compile Rust for Windows"): they name a task to learn, so they are explained with their topic, never
 * acted on; orders the grammar cannot read ("send an email to bob") stay not understood.
 */
import { describe, expect, it } from "vitest"
import { isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { baseForm } from "../../src/domain/parse/wordForms.js"
import { isEnglishWord } from "../../src/domain/parse/dictionary.js"
import { channelNames } from "./channelNames.js"
import { explainedTopic } from "./readings.js"

const names = await channelNames()

const topicOf = (text: string, ctx: Parameters<typeof parseRequest>[1]): ReadonlyArray<string> => {
  const u = parseRequest(text, ctx)
  expect(isMutating(u.intent), text).toBe(false)
  return explainedTopic(u, text)
}

describe("task titles led by a verb of building or setting up", () => {
  it("are explained with the task's words", () => {
    for (const ctx of [{}, { names }]) {
      // real (issue 13, forums.tsv)
      expect(topicOf("Cross Compile Rust for Windows", ctx)).toEqual(expect.arrayContaining(["compile", "rust", "windows"]))
      expect(topicOf("Build raspberry image with preinstalled software", ctx)).toEqual(expect.arrayContaining(["raspberry", "image"]))
      expect(topicOf("Adding custom ipykernel on jupyterlab", ctx)).toEqual(expect.arrayContaining(["ipykernel", "jupyterlab"]))
      // variants
      expect(topicOf("Compiling Haskell for ARM", ctx)).toEqual(expect.arrayContaining(["haskell", "arm"]))
      expect(topicOf("Packaging a custom font", ctx)).toEqual(expect.arrayContaining(["font"]))
    }
  })

  it("leave other orders the grammar cannot read alone", () => {
    for (const ctx of [{}, { names }]) {
      for (const t of ["send an email to bob", "list boot entries", "delete my browser history", "sudo make me a sandwich"]) {
        expect(parseRequest(t, ctx).intent._tag, t).not.toBe("explain")
      }
    }
  })

  it("name a doubled verb by its own base form ('adding' is add, not ad)", () => {
    expect(baseForm("adding", isEnglishWord)).toBe("add")
    expect(baseForm("pinning", isEnglishWord)).toBe("pin")
  })
})

/** Small readers of a parse result shared by the parser's form tests. */
import { expect } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

/** The packages a reading names, when its intent has any. */
export const packagesOf = (u: Understood): ReadonlyArray<string> | undefined => (u.intent as { readonly packages?: ReadonlyArray<string> }).packages

/** Asserts that `text`, read without an index, is never carried out. */
export const notDone = (text: string): void => {
  const u = parseRequest(text)
  expect(isCarriedOut(u), `${text} -> ${u.intent._tag}`).toBe(false)
}

/** The topic words of a reading, asserting that it is an explanation (`text` names it in the failure). */
export const explainedTopic = (u: Understood, text: string): ReadonlyArray<string> => {
  expect(u.intent._tag, `${text} -> ${JSON.stringify(u.intent)}`).toBe("explain")
  return u.intent._tag === "explain" ? u.intent.query.split(" ") : []
}

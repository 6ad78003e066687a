/** Small readers of a parse result shared by the parser's form tests. */
import { expect } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { configureWords, resolveSetting } from "../../src/domain/options/resolveSetting.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { realOptions } from "../support/optionsData.js"

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

/** The option a configure reading sets in the real 2020 NixOS or home-manager options, as the handler resolves its words. */
export const optionSet = (u: Understood, scope: "nixos" | "home" = "nixos"): string | undefined => {
  if (u.intent._tag !== "configure") return undefined
  const i = u.intent
  const r = resolveSetting(realOptions(scope), configureWords({ text: i.text, action: i.action ?? "set", value: i.value }))
  return r.ok ? r.settings[0]?.option : undefined
}

/** The phrase table compiled once; plugin rules compiled the same way. */
import { compilePattern, type Matcher, type Slots } from "./pattern.js"
import { phrases } from "./grammar/phrases.js"
import type { Phrase } from "./grammar/types.js"

export interface CompiledPhrase {
  readonly phrase: Phrase
  readonly matchers: ReadonlyArray<Matcher>
}

export const compiledPhrases: ReadonlyArray<CompiledPhrase> = phrases.map((phrase) => ({
  phrase,
  matchers: phrase.patterns.map(compilePattern)
}))

/** Every phrase that matches, in table order (the engine may reject one and take the next). */
export function* matchPhrases(text: string): Generator<{ phrase: Phrase; slots: Slots }> {
  for (const c of compiledPhrases) {
    for (const m of c.matchers) {
      const slots = m(text)
      if (slots !== undefined) { yield { phrase: c.phrase, slots }; break }
    }
  }
}

/**
 * Every reason a change waits for a yes, decided in one place: a package name the parser corrected
 * (a suggestion, never acted on as if typed), a reading the parser is unsure of, and a plan that says
 * itself that it needs one (Plan.confirm: undo when the last change was in another profile), and, with
 * `confirm: always` in the settings (`always`), every change. On a
 * terminal the question is asked; without one nothing is done (exit 2) until --yes.
 */
import { describeIntent, type Understood } from "../Intent.js"
import { type Plan, planActs } from "../Plan.js"
import { actsWithoutAsking } from "../parse/threshold.js"

export interface Question {
  /** Asked on a terminal. */
  readonly ask: string
  /** Said instead without a terminal: what was not done and how to go ahead. */
  readonly refusal: string
}

export interface Suggestion {
  readonly from: string
  readonly to: string
}

const packagesOf = (u: Understood): ReadonlyArray<string> => ("packages" in u.intent ? u.intent.packages : [])

/**
 * Package names the parser corrected (a spelling fix, not an everyday name). Verb corrections
 * ("intsall") are not names and are only shown.
 */
export const nameSuggestions = (u: Understood): ReadonlyArray<Suggestion> =>
  u.corrections.filter((c) => packagesOf(u).includes(c.to) && c.from !== c.to)

export const suggestionText = (s: ReadonlyArray<Suggestion>): string =>
  s.map((c) => `"${c.from}" is not a package I know; the nearest name is ${c.to}.`).join(" ")

/**
 * Why this request needs a yes, or undefined. `plan` is undefined before planning: then only a
 * corrected name is asked about (a suggested name is not even planned without a yes; the suggestion
 * may not be in --file's set). With the plan: an unsure reading, or the plan's own reason; a plan
 * with no steps has nothing to ask about.
 */
export const whyAsk = (u: Understood, text: string, plan?: Plan, always = false): Question | undefined => {
  if (plan === undefined) {
    const suggested = nameSuggestions(u)
    if (suggested.length === 0) return undefined
    const what = describeIntent(u.intent)
    return {
      ask: `${suggestionText(suggested)} ${what[0]!.toUpperCase()}${what.slice(1)}?`,
      refusal: `${suggestionText(suggested)} Nothing was changed. To go ahead, say the name as it is (ask-nix --execute ${what}) or add --yes.`
    }
  }
  // a plan that neither runs a step nor writes or restores a file has nothing to ask about
  if (!planActs(plan)) return undefined
  if (!actsWithoutAsking(u.confidence)) {
    const unsure = `I am not sure what you meant by "${text.slice(0, 120)}" (I read it as: ${describeIntent(u.intent)}).`
    return {
      ask: `${unsure} Go ahead?`,
      refusal: `${unsure} Nothing was changed. Rephrase, use a typed command (ask-nix ${u.intent._tag} ...), or add --yes.`
    }
  }
  if (plan.confirm !== undefined) {
    return { ask: `${plan.confirm} Go ahead?`, refusal: `${plan.confirm} Nothing was changed. To go ahead, run it again with --yes.` }
  }
  if (always) {
    const every = `Your settings ask before every change (confirm: always): ${describeIntent(u.intent)}.`
    return { ask: `${every} Go ahead?`, refusal: `${every} Nothing was changed. To go ahead, run it again with --yes.` }
  }
  return undefined
}

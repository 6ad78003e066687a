/**
 * An order a bug report quotes rather than gives (issue 13): the parts that say what should or did happen
 * ("Expected: install firefox", "Actual behaviour: remove git") are no order at all.
 * Advice passed on ("the tutorial says to install nodejs", "my teacher told me to install python") stays the user's
 * order, as nl-own.tsv has it: the user asks for what they were told to do.
 */
import { lean } from "./leanRegExp.js"
import { isCarriedOut, type Understood } from "../Intent.js"
import { unknown } from "./draft.js"

/** A bug report's part named first: what was expected or what happened. */
const REPORT_PART = lean(/^\W*(?:expected|expectation|actual|actually|observed|result|results|outcome|output|current|what happens|what happened)(?: (?:behaviou?r|result|results|outcome|output))?\W*:/)

/** The reading of a text that reports a result: not an order. */
export const reportedResult = (text: string, u: Understood): Understood => {
  if (!isCarriedOut(u)) return u
  const lower = text.toLowerCase()
  if (REPORT_PART.test(lower)) return unknown(text, ["This is a bug report's expected or actual result, not an order. Say what you want done here."])
  return u
}

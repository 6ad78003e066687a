/**
 * An order the text quotes rather than gives (issue 13): someone else's words ("The wiki says to install firefox with
 * nix-env", "he said: install emacs", "As the manual says, add pkgs.git to environment.systemPackages") and the parts
 * of a bug report that say what should or did happen ("Expected: install firefox", "Actual behaviour: remove git").
 * Quoted advice is answered with its plan, never carried out; a report's expected or actual result is no order at all.
 */
import { isCarriedOut, type Understood } from "../Intent.js"
import { unknown } from "./draft.js"
import { QUESTION_NOTE } from "./understand.js"

/** Words that report what someone or something says: the order after them is theirs. */
const REPORTED = /\b(?:(?:docs?|documentation|manuals?|wiki|readme|guides?|tutorials?|answers?|people|they|you) say|says|said|tells|told|suggests|suggested|recommends|recommended|writes|wrote|mentions|mentioned|claims|claimed|according to)\b/
/** A bug report's part named first: what was expected or what happened. */
const REPORT_PART = /^\W*(?:expected|expectation|actual|actually|observed|result|results|outcome|output|current|what happens|what happened)(?: (?:behaviou?r|result|results|outcome|output))?\W*:/

/** The reading of a text that quotes an order or reports a result: answered, or not an order. */
export const quotedOrder = (text: string, u: Understood): Understood => {
  if (!isCarriedOut(u)) return u
  const lower = text.toLowerCase()
  if (REPORT_PART.test(lower)) return unknown(text, ["This is a bug report's expected or actual result, not an order. Say what you want done here."])
  if (REPORTED.test(lower)) return { ...u, question: true, notes: [...u.notes, "These are someone else's words: here is the plan.", QUESTION_NOTE] }
  return u
}

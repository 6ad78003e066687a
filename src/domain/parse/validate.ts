/** Refuse requests that no person would type, before any pattern work: huge, or with control characters. */
import { Effect } from "effect"
import { RequestRejected } from "../errors.js"

export const MAX_REQUEST_LENGTH = 10_000

// Tab, newline and carriage return are tolerated (pasted text); every other C0/C1 control and DEL is not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/** Why a request is refused, or undefined when it may be parsed. */
export const requestProblem = (text: string): string | undefined => {
  if (text.length > MAX_REQUEST_LENGTH) {
    return `The request is ${text.length.toLocaleString("en-US")} characters long; the limit is ${MAX_REQUEST_LENGTH.toLocaleString("en-US")}. Say what you want in a sentence.`
  }
  if (CONTROL.test(text)) return "The request contains control characters; type it as plain text."
  return undefined
}

export const validateRequest = (text: string): Effect.Effect<string, RequestRejected> => {
  const problem = requestProblem(text)
  return problem === undefined ? Effect.succeed(text) : Effect.fail(new RequestRejected({ reason: problem }))
}

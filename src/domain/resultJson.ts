/**
 * The shape of `--json` output, in one place: JSON Lines on stdout, events first (each with a `type`),
 * the result object last (`type: "result"`, `ok`). A failure's result carries the error's tag and
 * message and its own fields.
 */
import { type AppError, userMessage } from "./errors.js"

export const eventLine = (type: string, data: Readonly<Record<string, unknown>>): string => JSON.stringify({ type, ...data })

export const resultLine = (data: Readonly<Record<string, unknown>>): string => JSON.stringify({ type: "result", ...data })

/** `{ type: tag, message, ...the error's fields }` (an error with a `message` field of its own keeps it). */
export const errorJson = (e: AppError): Record<string, unknown> => {
  const { _tag, ...fields } = e
  return Object.assign({ type: _tag, message: userMessage(e) }, fields)
}

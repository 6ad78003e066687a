/** Output through Console (stdout for answers and JSON Lines, stderr for notes), as Settings.json says. */
import { Console, Effect } from "effect"
import { eventLine, resultLine } from "../domain/resultJson.js"
import type { OutputShape } from "../services/Output.js"

export const makeOutput = (json: boolean): OutputShape => ({
  json,
  text: (line) => (json ? Effect.void : Console.log(line)),
  note: (line) => Console.error(line),
  event: (type, data) => (json ? Console.log(eventLine(type, data)) : Effect.void),
  result: (data) => (json ? Console.log(resultLine(data)) : Effect.void)
})

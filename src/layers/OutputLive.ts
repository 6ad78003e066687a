/** Output through Console (stdout for answers and JSON Lines, stderr for notes), as Settings.json says. */
import { Console, Effect, Layer } from "effect"
import { Output, type OutputShape } from "../services/Output.js"
import { Settings } from "../services/Settings.js"

export const makeOutput = (json: boolean): OutputShape => ({
  json,
  text: (line) => (json ? Effect.void : Console.log(line)),
  note: (line) => Console.error(line),
  event: (type, data) => (json ? Console.log(JSON.stringify({ type, ...data })) : Effect.void),
  result: (data) => (json ? Console.log(JSON.stringify({ type: "result", ...data })) : Effect.void)
})

export const OutputLive = Layer.effect(Output, Effect.map(Settings, (s) => makeOutput(s.json)))

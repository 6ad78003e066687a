/**
 * Turns Nix's `--log-format internal-json` stderr lines (`@nix {...}`) into ProgressEvents.
 * Stateful only in remembering each activity's type, so that progress results can say what they count.
 */
import {
  ActivityProgress, ActivityStarted, ActivityStopped, BuildLogLine, Message, NixError, PhaseChanged, RawLine,
  type ProgressEvent
} from "../ProgressEvent.js"
import { activityName, ResultType } from "./activityNames.js"
import { stripAnsi } from "./stripAnsi.js"

const prefix = "@nix "

export interface LogParser {
  /** Events for one stderr line (none for lines that carry nothing a person or renderer needs). */
  readonly feed: (line: string) => ReadonlyArray<ProgressEvent>
}

type Json = Record<string, unknown>

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0)
const str = (v: unknown): string => (typeof v === "string" ? v : "")
const fieldsOf = (o: Json): ReadonlyArray<unknown> => (Array.isArray(o["fields"]) ? o["fields"] : [])

const parseJson = (text: string): Json | undefined => {
  try {
    const v: unknown = JSON.parse(text)
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined
  } catch {
    return undefined
  }
}

export const makeLogParser = (): LogParser => {
  const kinds = new Map<number, string>()

  const result = (o: Json): ReadonlyArray<ProgressEvent> => {
    const id = num(o["id"])
    const f = fieldsOf(o)
    switch (num(o["type"])) {
      case ResultType.progress:
        return [new ActivityProgress({
          id, activity: kinds.get(id) ?? "unknown", done: num(f[0]), expected: num(f[1]), running: num(f[2]), failed: num(f[3])
        })]
      case ResultType.setPhase:
        return [new PhaseChanged({ id, phase: str(f[0]) })]
      case ResultType.buildLogLine:
      case ResultType.postBuildLogLine:
        return [new BuildLogLine({ id, line: stripAnsi(str(f[0])) })]
      default:
        return []
    }
  }

  const action = (o: Json): ReadonlyArray<ProgressEvent> => {
    switch (o["action"]) {
      case "start": {
        const id = num(o["id"])
        const activity = activityName(num(o["type"]))
        kinds.set(id, activity)
        return [new ActivityStarted({
          id, activity, text: stripAnsi(str(o["text"])), parent: num(o["parent"]), fields: [...fieldsOf(o)]
        })]
      }
      case "stop": {
        const id = num(o["id"])
        kinds.delete(id)
        return [new ActivityStopped({ id })]
      }
      case "result":
        return result(o)
      case "msg": {
        const level = num(o["level"])
        const text = stripAnsi(str(o["msg"]))
        return level === 0 ? [new NixError({ text })] : [new Message({ level, text })]
      }
      default:
        return []
    }
  }

  return {
    feed: (line) => {
      if (!line.startsWith(prefix)) return line.trim() === "" ? [] : [new RawLine({ line: stripAnsi(line) })]
      const o = parseJson(line.slice(prefix.length))
      return o === undefined ? [new RawLine({ line })] : action(o)
    }
  }
}

/** All events of a finished log (tests, error mapping). */
export const parseLog = (lines: ReadonlyArray<string>): ReadonlyArray<ProgressEvent> => {
  const p = makeLogParser()
  return lines.flatMap((l) => p.feed(l))
}

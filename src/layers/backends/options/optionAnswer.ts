/**
 * `option` questions: show one option (by name, with did-you-mean) or a ranked list, each with the
 * value the configuration gives it when that configuration can be evaluated (one evaluation for all
 * options shown, a fraction of a second). Loaded only when an `option` question is asked.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Either } from "effect"
import { UnknownOption } from "../../../domain/configErrors.js"
import type { ServeError } from "../../../domain/errors.js"
import type { OptionQuery } from "../../../domain/Intent.js"
import type { OptionRecord, OptionScope } from "../../../domain/options/OptionRecord.js"
import { optionJson, optionLines, optionListLines, type ShownOption } from "../../../domain/options/showOption.js"
import { answer, type Outcome } from "../../../domain/Plan.js"
import { ConfigEvaluator } from "../../../services/ConfigEvaluator.js"
import { NixOptions } from "../../../services/NixOptions.js"
import { Settings } from "../../../services/Settings.js"
import { findTarget } from "../config/configHandlers.js"

const homeWords = /\b(home[- ]manager|home\.nix|hm)\b/gi
const optionName = /^[A-Za-z_][\w'-]*(\.[\w'"<>?*-]+)+$/

/** The request's scope and what is left to look for. */
export const optionScope = (query: string, flag: "system" | "user" | "home" | undefined): { readonly scope: OptionScope; readonly query: string } => {
  const home = flag === "home" || new RegExp(homeWords.source, "i").test(query)
  return { scope: home ? "home" : "nixos", query: query.replace(homeWords, " ").replace(/\s+/g, " ").trim() }
}

export const optionAnswer = (
  intent: OptionQuery,
  files: FileSystem.FileSystem,
  hostname: string
): Effect.Effect<Outcome, ServeError, NixOptions | ConfigEvaluator | Settings> =>
  Effect.gen(function*() {
    const options = yield* NixOptions
    const evaluator = yield* ConfigEvaluator
    const settings = yield* Settings
    const { scope, query } = optionScope(intent.query, settings.scope)
    const scopeName = scope === "nixos" ? "NixOS" : "home-manager"
    let records: ReadonlyArray<OptionRecord>
    let single = false
    if (optionName.test(query)) {
      const record = yield* options.get(scope, query)
      if (record === undefined) {
        return yield* Effect.fail(new UnknownOption({ name: query, suggestions: yield* options.suggest(scope, query), scope: scopeName }))
      }
      records = [record]
      single = true
    } else {
      records = (yield* options.search(scope, query, 8)).map((m) => m.record)
    }
    // the configuration's values, when there is one that evaluates (never a reason to fail the answer)
    const notes: Array<string> = []
    const current = new Map<string, unknown>()
    const evaluable = records.slice(0, 6).filter((r) => !r.name.includes("<") && !r.name.includes("*"))
    if (evaluable.length > 0) {
      const target = yield* Effect.either(findTarget(files, settings, hostname, scope === "home" ? "home" : "nixos"))
      if (Either.isRight(target)) {
        const values = yield* Effect.either(evaluator.values(
          { kind: scope === "home" ? "home" : "nixos", modules: [target.right.main], searchPath: target.right.searchPath },
          evaluable.map((r) => single ? query.split(".") : r.name.split("."))
        ))
        if (Either.isRight(values)) evaluable.forEach((r, i) => current.set(r.name, values.right.options[i]))
        else notes.push(`(current values not shown: ${target.right.main} did not evaluate: ${values.left._tag === "ConfigEvalFailed" ? values.left.message.split("\n")[0] : values.left._tag})`)
      } else {
        notes.push("(current values not shown: no configuration file found; pass --config PATH)")
      }
    }
    const shown: ReadonlyArray<ShownOption> = records.map((record) => ({
      record,
      ...(current.has(record.name) ? { current: { value: current.get(record.name) } } : {})
    }))
    const lines = single ? optionLines(shown[0]!, scope) : optionListLines(query, scope, shown)
    return answer({
      _tag: "custom",
      kind: "option",
      data: { scope, query, options: shown.map(optionJson), ...(notes.length > 0 ? { note: notes.join(" ") } : {}) },
      lines: [...lines, ...notes]
    })
  })

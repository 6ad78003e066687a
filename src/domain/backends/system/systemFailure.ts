/**
 * Turning a failed system step into what a person needs: a configuration error with its file and
 * line, a build failure, missing rights, or a failed switch that says which generation the system is
 * on and how to get back. Pure: the caller collects the error texts and the generations.
 */
import { BuildFailed, NixFailed, PrivilegeRequired, type ServeError } from "../../errors.js"
import { failedDerivation, parseEvalError, renderEvalError } from "../../system/evalError.js"

export interface StepFailure {
  readonly argv: ReadonlyArray<string>
  /** The error the choke point reported. */
  readonly error: ServeError
  /** Error texts seen while the step ran (level-0 messages, then `error:` lines), newest last. */
  readonly errors: ReadonlyArray<string>
  /** Plain lines seen (sudo complaints, activation output), newest last. */
  readonly lines: ReadonlyArray<string>
  /** Did the activation phase start? */
  readonly activating: boolean
  readonly generationBefore: number | undefined
  readonly generationAfter: number | undefined
  /** The command that returns to the previous state, elevated as in the plan. */
  readonly rollbackCommand: string
  readonly reactivateCommand: string
}

const authFailure = /(sudo|doas|run0).*(password is required|incorrect password|a terminal is required|Authentication failed|not in the sudoers|Operation not permitted|Access denied)|^Sorry, try again/i

const exitOf = (e: ServeError): number => (e._tag === "NixFailed" ? e.exitCode : 1)
const tailOf = (e: ServeError, lines: ReadonlyArray<string>): ReadonlyArray<string> =>
  e._tag === "NixFailed" && e.stderrTail.length > 0 ? e.stderrTail : lines.slice(-8)

const stateNote = (f: StepFailure): ReadonlyArray<string> => {
  const before = f.generationBefore
  if (f.generationAfter !== undefined && before !== undefined && f.generationAfter !== before) {
    return [
      `Generation ${f.generationAfter} became the system profile, but activating it failed part way: some services may run the new configuration.`,
      `To go back to generation ${before}: ${f.rollbackCommand}`
    ]
  }
  if (f.activating) {
    return [
      `Activation started and failed part way, so the running system may be partly switched; the system profile is still generation ${before ?? "?"}.`,
      `To return to it fully: ${f.reactivateCommand} (or reboot)`
    ]
  }
  return [`Nothing was changed: the system is still on generation ${before ?? "?"}.`]
}

export const mapStepFailure = (f: StepFailure): ServeError => {
  const e = f.error
  if (e._tag === "NixNotFound" && e.command !== "nix" && e.command !== "nix-env") {
    // NixNotFound says "Nix is not installed": wrong for nixos-rebuild or a generation's own program.
    return new NixFailed({
      argv: [...f.argv], exitCode: 127,
      message: `Could not start ${e.command}: it is not on PATH or does not exist (is this the NixOS system it was planned for?)`,
      stderrTail: [...stateNote(f)]
    })
  }
  if (e._tag === "NixNotFound" || e._tag === "Interrupted" || e._tag === "PrivilegeRequired") return e
  const auth = f.lines.find((l) => authFailure.test(l))
  if (auth !== undefined) {
    return new PrivilegeRequired({ detail: `Could not gain root for "${f.argv.slice(0, 3).join(" ")}": ${auth.trim()}. Nothing was changed.` })
  }
  const text = f.errors[f.errors.length - 1] ?? ""
  const drv = failedDerivation(text)
  if (drv !== undefined || e._tag === "BuildFailed") {
    return e._tag === "BuildFailed" ? e : new BuildFailed({ derivation: drv!, logTail: f.lines.slice(-10) })
  }
  const evalError = f.activating ? undefined : parseEvalError(text)
  if (evalError !== undefined) {
    // userMessage shows the last 8 tail lines: the first message line goes in the message itself.
    const [heading] = renderEvalError(evalError)
    const [first, ...more] = evalError.message
    return new NixFailed({
      argv: [...f.argv],
      exitCode: exitOf(e),
      message: `${heading!}${first === undefined ? "" : ` ${first}`}`,
      stderrTail: [...more.slice(0, 3), ...evalError.snippet.slice(0, 4), ...stateNote(f)]
    })
  }
  const summary = e._tag === "NixFailed" ? e.message : `${f.argv[0] ?? "command"} failed (${e._tag})`
  return new NixFailed({
    argv: [...f.argv],
    exitCode: exitOf(e),
    message: `The system rebuild failed: ${summary}`,
    stderrTail: [...tailOf(e, f.lines).slice(-6), ...stateNote(f)]
  })
}

/**
 * A recording Nix service for system tests: every command is recorded; `which` answers from a set
 * of program names; `stream`/`run`/`exec` answer from a responder (default: success, no output).
 */
import { Effect, Layer, Stream } from "effect"
import { NixFailed } from "../../../src/domain/errors.js"
import type { ProgressEvent } from "../../../src/domain/ProgressEvent.js"
import { Nix, type NixCommand, type NixShape } from "../../../src/services/Nix.js"

export interface Response {
  readonly exitCode?: number
  readonly stderr?: string
  readonly events?: ReadonlyArray<ProgressEvent>
}

export interface RecordingNix {
  readonly calls: Array<NixCommand>
  readonly layer: Layer.Layer<Nix>
  readonly shape: NixShape
}

export const recordingNix = (
  onPath: ReadonlyArray<string>,
  respond: (cmd: NixCommand) => Response = () => ({})
): RecordingNix => {
  const calls: Array<NixCommand> = []
  const answer = (cmd: NixCommand) => {
    calls.push(cmd)
    const r = respond(cmd)
    return { argv: cmd.argv, exitCode: r.exitCode ?? 0, stdout: "", stderr: r.stderr ?? "", events: r.events ?? [] }
  }
  const failure = (cmd: NixCommand, r: { exitCode: number; stderr: string }) =>
    new NixFailed({ argv: [...cmd.argv], exitCode: r.exitCode, message: `${cmd.argv[0]} failed`, stderrTail: r.stderr.split("\n").slice(-8) })
  const shape: NixShape = {
    run: (cmd) => Effect.suspend(() => {
      const r = answer(cmd)
      return r.exitCode === 0 ? Effect.succeed(r) : Effect.fail(failure(cmd, r))
    }),
    exec: (cmd) => Effect.sync(() => answer(cmd)),
    stream: (cmd) => Stream.suspend(() => {
      const r = answer(cmd)
      const events = Stream.fromIterable(r.events)
      return r.exitCode === 0 ? events : Stream.concat(events, Stream.fail(failure(cmd, r)))
    }),
    which: (program) => Effect.succeed(onPath.includes(program) ? `/run/current-system/sw/bin/${program}` : undefined)
  }
  return { calls, layer: Layer.succeed(Nix, shape), shape }
}

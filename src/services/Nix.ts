/**
 * The one choke point that runs external commands: argv arrays (never a shell string), both streams
 * drained, exit code checked, failures mapped to typed errors. Mutating commands consult the DryRunPolicy.
 */
import { Context, type Effect, type Stream } from "effect"
import type { NixNotFound, NixFailed, Interrupted, ServeError } from "../domain/errors.js"
import type { ProgressEvent } from "../domain/ProgressEvent.js"

export interface NixCommand {
  readonly argv: ReadonlyArray<string>
  /** Changes the system (profile, store, generations). Refused by the choke point in dry-run. */
  readonly mutating: boolean
  readonly env?: Readonly<Record<string, string>> | undefined
  readonly cwd?: string | undefined
  readonly stdin?: string | undefined
  /** Attach the terminal (stdin/stdout/stderr inherited): password prompts, `nix shell` programs. */
  readonly interactive?: boolean | undefined
  /** Short queries get a timeout (ms); long builds get none. */
  readonly timeoutMs?: number | undefined
}

export interface ProcessResult {
  readonly argv: ReadonlyArray<string>
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export type RunError = NixNotFound | NixFailed | Interrupted | ServeError

export interface NixShape {
  /** Run to completion; fails with NixFailed (stderr tail kept) on a non-zero exit. */
  readonly run: (cmd: NixCommand) => Effect.Effect<ProcessResult, RunError>
  /**
   * Like run, but never fails on a non-zero exit (for probes like `nix --version`). It still fails when
   * the command could not start or timed out (NixFailed), or was stopped (Interrupted).
   */
  readonly exec: (cmd: NixCommand) => Effect.Effect<ProcessResult, NixNotFound | NixFailed | Interrupted>
  /**
   * Run with `--log-format internal-json -v` already in argv; emits progress events while the command
   * runs and fails (with errors mapped from the log) on a non-zero exit.
   */
  readonly stream: (cmd: NixCommand) => Stream.Stream<ProgressEvent, RunError>
  /** Is this program on PATH? */
  readonly which: (program: string) => Effect.Effect<string | undefined>
}

export class Nix extends Context.Tag("ask-nix/Nix")<Nix, NixShape>() {}

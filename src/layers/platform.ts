/**
 * The Node platform services a call needs. Files, paths and processes keep no per-process state, so
 * they are built once, when this module loads: in a startup snapshot they are ready before `main`
 * runs. The terminal holds process.stdin and process.stdout, so it is made per call, and the whole is
 * one layer (each layer a call builds costs a couple of hundred Effect steps; NodeContext.layer was
 * five, built twice per call). NodeContext's worker manager is left out: nothing here runs workers.
 */
import { Terminal } from "@effect/platform"
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { Context, Effect, Layer } from "effect"

const stateless = Effect.runSync(Effect.scoped(Layer.build(
  Layer.mergeAll(NodePath.layer, NodeCommandExecutor.layer).pipe(Layer.provideMerge(NodeFileSystem.layer))
)))

/** FileSystem, Path and CommandExecutor, built once. */
export const statelessPlatformLayer = Layer.succeedContext(stateless)

/** FileSystem, Path and CommandExecutor (built once), and a Terminal for this call. */
export const platformLayer = Layer.scopedContext(Effect.map(NodeTerminal.make(), (terminal) => Context.add(stateless, Terminal.Terminal, terminal)))

/**
 * The Node platform services a call needs. Files, paths and processes keep no per-process state, so
 * they are built once, when this module loads: in a startup snapshot they are ready before `main`
 * runs, and a call provides a built context instead of building layers (NodeContext.layer took about
 * 5 ms of a cold start, twice per call). The terminal holds process.stdin and process.stdout, so it is
 * built per call. NodeContext's worker manager is left out: nothing here runs workers.
 */
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { Effect, Layer } from "effect"

const stateless = Effect.runSync(Effect.scoped(Layer.build(
  Layer.mergeAll(NodePath.layer, NodeCommandExecutor.layer).pipe(Layer.provideMerge(NodeFileSystem.layer))
)))

/** FileSystem, Path and CommandExecutor (built once), and a Terminal for this call. */
export const platformLayer = Layer.merge(Layer.succeedContext(stateless), NodeTerminal.layer)

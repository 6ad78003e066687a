/**
 * The Node platform services a call needs. Files, paths and processes keep no per-process state, so
 * they are built once, when this module loads: in a startup snapshot they are ready before `main`
 * runs. The terminal holds process.stdin and process.stdout, so it is made per call (on first use), and the whole is
 * one context that bin.ts provides (`withPlatform`; a layer a call builds costs a couple of hundred Effect
 * steps, NodeContext.layer was five, built twice per call); `platformLayer` is the same as a layer, for
 * tests. NodeContext's worker manager is left out: nothing here runs workers.
 */
import { Terminal } from "@effect/platform"
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { Context, Effect, Layer, Scope } from "effect"
import { withContext } from "../services/withContext.js"
import { cachedOnFirstUse } from "../services/cachedOnFirstUse.js"

/** FileSystem, Path and CommandExecutor, built once. */
export const statelessPlatform = Effect.runSync(Effect.scoped(Layer.build(
  Layer.mergeAll(NodePath.layer, NodeCommandExecutor.layer).pipe(Layer.provideMerge(NodeFileSystem.layer))
)))

/**
 * A Terminal made on first use, in the call's scope: most calls never prompt, and making one takes
 * process.stdin, whose creation alone costs about a millisecond.
 */
const lazyTerminal = Effect.gen(function*() {
  const made = cachedOnFirstUse(Scope.extend(NodeTerminal.make(), yield* Effect.scope))
  return Terminal.Terminal.of({
    columns: Effect.flatMap(made, (t) => t.columns),
    rows: Effect.flatMap(made, (t) => t.rows),
    isTTY: Effect.flatMap(made, (t) => t.isTTY),
    readInput: Effect.flatMap(made, (t) => t.readInput),
    readLine: Effect.flatMap(made, (t) => t.readLine),
    display: (text) => Effect.flatMap(made, (t) => t.display(text))
  })
})

/** FileSystem, Path and CommandExecutor (built once), and a Terminal for this call (in the scope). */
export const platformContext = Effect.map(lazyTerminal, (terminal) => Context.add(statelessPlatform, Terminal.Terminal, terminal))
export const platformLayer = Layer.scopedContext(platformContext)

/** `effect` with the platform's services, the terminal in a scope that ends with it (what bin.ts runs each call with). */
export const withPlatform = <A, E, R>(effect: Effect.Effect<A, E, R>) => withContext(platformContext, effect)

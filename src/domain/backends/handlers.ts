/**
 * Tables keyed by intent kind. A backend declares its handlers as a partial table: a kind it has no
 * handler for is CannotServe, with no switch to keep in step with the list of kinds.
 */
import { Effect } from "effect"
import { CannotServe } from "../errors.js"
import type { Intent, IntentKind, IntentOf } from "../Intent.js"
import type { Outcome } from "../Plan.js"

/** One function per kind (some kinds only), each taking that kind's intent and `args`. */
export type KindTable<Args extends ReadonlyArray<unknown>, B> = {
  readonly [K in IntentKind]?: (intent: IntentOf<K>, ...args: Args) => B
}

const one = <K extends IntentKind, Args extends ReadonlyArray<unknown>, B>(
  table: KindTable<Args, B>, kind: K, intent: IntentOf<K>, args: Args
): B | undefined => {
  const f = table[kind]
  return f === undefined ? undefined : f(intent, ...args)
}

/** The table's entry for this intent, applied; undefined when the table has none for its kind. */
export const lookup = <Args extends ReadonlyArray<unknown>, B>(table: KindTable<Args, B>, intent: Intent, ...args: Args): B | undefined =>
  one(table, intent._tag, intent, args)

/** Which kinds a table has an entry for. */
export const handles = <Args extends ReadonlyArray<unknown>, B>(table: KindTable<Args, B>, kind: IntentKind): boolean =>
  table[kind] !== undefined

/** A backend's answers and plans, per kind. */
export type Handlers<E, R = never> = KindTable<[], Effect.Effect<Outcome, E, R>>

/** `serve` from a handler table: the kind's handler, or CannotServe saying `declined(kind)`. */
export const serveWith = <E, R>(backend: string, handlers: Handlers<E, R>, declined: (kind: IntentKind) => string) =>
  (intent: Intent): Effect.Effect<Outcome, E | CannotServe, R> =>
    lookup(handlers, intent) ?? Effect.fail(new CannotServe({ backend, reason: declined(intent._tag) }))

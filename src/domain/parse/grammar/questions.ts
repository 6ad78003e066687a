/**
 * Words that change what a request means: questions wrapped around an order ("how do i install x",
 * "is it safe to remove x"), negations, hedges. Contributors: extend these lists.
 */

/** "{rest}" is parsed as a request of its own, then answered instead of carried out. */
export const questionFrames: ReadonlyArray<string> = [
  "how (do|can|should|would|could|might|shall) (i|we|one|you) {rest}", "how to {rest}", "how is one supposed to {rest}",
  "what is the (command|way|best way|right way|proper way|correct way) to {rest}", "(tell|show|teach) me how to {rest}",
  "what (command|commands) (do|should|can) i (use|run|type) to {rest}", "i (do not know|wonder|am wondering|want to know|would like to know) how to {rest}",
  "is there a way to {rest}", "what do i (type|run|do) to {rest}", "any idea how to {rest}",
  "(is|would) it (be) [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "(is|would) it [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "what (happens|would happen|will happen) (if|when) (i|we|you) {rest}", "(can|could) (i|we) safely {rest}",
  "do (i|we) (need|have) to {rest}"
]

/** A mutating request with one of these words is refused unless its phrase expects it ("i don't use x anymore"). */
export const negationWords: ReadonlySet<string> = new Set([
  "not", "never", "no", "nothing", "without", "neither", "nor", "none", "except", "excluding", "instead",
  "rather", "avoid", "refuse", "forbid"
])

/** A mutating request with one of these words is asked about first ("install x if you were me"). */
export const hedgeWords: ReadonlySet<string> = new Set(["if", "unless", "whether", "maybe", "perhaps", "probably", "might", "possibly"])

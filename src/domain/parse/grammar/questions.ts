/**
 * Words that change what a request means: questions wrapped around an order ("how do i install x",
 * "is it safe to remove x"), negations, hedges. Contributors: extend these lists.
 */

/** "{rest}" is parsed as a request of its own, then answered instead of carried out. */
export const questionFrames: ReadonlyArray<string> = [
  "how (do|would|should|can|could) (i|we|one) go about {rest}",
  "how (do|can|should|would|could|might|shall) (i|we|one|you) {rest}", "how to {rest}", "how is one supposed to {rest}",
  "what is the (command|way|best way|right way|proper way|correct way|easiest way|simplest way|quickest way|fastest way|recommended way) to {rest}", "(tell|show|teach) me how to {rest}",
  "what (command|commands) (do|should|can) i (use|run|type) to {rest}", "i (do not know|wonder|am wondering|want to know|would like to know) how to {rest}",
  "is there a way to {rest}", "what do i (type|run|do) to {rest}", "any idea how to {rest}",
  "what is the (nix|nixos|proper nix|proper nixos|right nix) way to {rest}",
  // "i come from arch, what's the equivalent of pacman -S git"
  "what is the (equivalent|nix equivalent|nixos equivalent) (of|to|for) {rest}", "* what is the (equivalent|nix equivalent|nixos equivalent) (of|to|for) {rest}",
  "(is|would) it (be) [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "(is|would) it [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "what (happens|would happen|will happen) (if|when) (i|we|you) {rest}", "(can|could) (i|we) safely {rest}",
  "do (i|we) (need|have) to {rest}", "i have no (idea|clue) how to {rest}",
  // "i just switched from ubuntu, how do i install chrome": the question after some context
  "* how (do|can|should|would|could) (i|we) {rest}", "* how to {rest}"
]

/** A mutating request with one of these words is refused unless its phrase expects it ("i don't use x anymore"). */
export const negationWords: ReadonlySet<string> = new Set([
  "not", "never", "no", "nothing", "without", "neither", "nor", "none", "except", "excluding", "instead",
  "rather", "avoid", "refuse", "forbid"
])

/** A mutating request with one of these words is asked about first ("install x if you were me", "firefox is old, should i update it?"). */
export const hedgeWords: ReadonlySet<string> = new Set(["if", "unless", "whether", "maybe", "perhaps", "probably", "might", "possibly", "should", "shall"])

/**
 * In "x is broken, remove it" (a phrase with pointsBack), words after x that make "it" unsure: a contrast
 * ("firefox is fine but chrome crashes, remove it") or a question ("vim is old, do i need to update it").
 */
export const pointsBackBreaks: ReadonlySet<string> = new Set([
  "but", "while", "whereas", "though", "although", "unlike", "except", "do", "does", "did", "why", "how",
  "what", "when", "which", "who", "whether", "worth", "need"
])

/**
 * A request that quotes an error ("nixos-rebuild switch gives `error: ...`", "... No such file or directory")
 * reports a problem: it is never carried out as an order.
 */
export const quotesAnError = /\b(?:error|fatal|panic)\s*:|\bgives?(?: me)?(?: an?| the)? (?:error|warning)\b|\bno such file or directory\b|\berrors? out\b|\btraceback\b|\bsegfault/i

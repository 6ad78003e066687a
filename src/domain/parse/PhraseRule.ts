/**
 * Extra phrases that extend the grammar without touching the engine (plugins use these).
 * A pattern is matched against the normalized request (lower case, politeness and filler removed,
 * single spaces, no trailing punctuation). "{rest}" at the end captures the remaining words.
 * A matching rule yields PluginIntent{plugin, kind, text: rest, args: {mutating}} when `plugin` is set,
 * else the built-in kind with `rest` as its package words or query.
 */
export interface PhraseRule {
  /** The intent kind this phrase means. */
  readonly kind: string
  /** The plugin id that owns the kind (plugin intents). */
  readonly plugin?: string | undefined
  /** e.g. ["is my nix ok", "check my setup", "doctor", "what did i change {rest}"] */
  readonly patterns: ReadonlyArray<string>
  /** Does this intent change the system (then it obeys the dry-run policy)? */
  readonly mutating?: boolean | undefined
}

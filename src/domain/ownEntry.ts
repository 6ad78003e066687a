/**
 * A word table's entry for a key the user typed. Tables written as object literals inherit
 * Object.prototype, so a plain `table[word]` answers "constructor" or "__proto__" with a function or an
 * object: only the table's own keys count.
 */
export const ownEntry = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined

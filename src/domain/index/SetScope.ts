/** Restricts name matches to one package set when the query is dotted ("python3packages.req"). */
import type { IndexReader } from "./IndexReader.js"

export interface SetScope {
  readonly prefix: string
  readonly query: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
}

export const makeScope = (r: IndexReader, q: string, dot: number): SetScope | undefined => {
  if (dot <= 0) return undefined
  const prefix = q.slice(0, dot + 1)
  return { prefix, query: q, ranges: r.setRanges(prefix) }
}

export const inScope = (scope: SetScope | undefined, id: number): boolean => {
  if (scope === undefined) return true
  for (const [from, to] of scope.ranges) if (id >= from && id < to) return true
  return false
}

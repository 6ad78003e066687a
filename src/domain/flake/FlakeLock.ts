/**
 * flake.lock, read: the nodes Nix locked and, walked from the root, every input by its path
 * (`nixpkgs`, `home-manager/nixpkgs`) with what it is locked to. Inputs that `follow` another input
 * are not locks of their own and are left out, as `nix flake update` cannot update them either.
 */
import { Either, Schema } from "effect"

const Locked = Schema.Struct({
  type: Schema.optional(Schema.String),
  /** A `path` input's folder (absolute, or relative to the flake's folder). */
  path: Schema.optional(Schema.String),
  rev: Schema.optional(Schema.String),
  narHash: Schema.optional(Schema.String),
  lastModified: Schema.optional(Schema.Number)
})

const Original = Schema.Struct({
  type: Schema.optional(Schema.String),
  id: Schema.optional(Schema.String),
  owner: Schema.optional(Schema.String),
  repo: Schema.optional(Schema.String),
  ref: Schema.optional(Schema.String),
  url: Schema.optional(Schema.String),
  path: Schema.optional(Schema.String)
})

const Node = Schema.Struct({
  inputs: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Array(Schema.String)) })),
  locked: Schema.optional(Locked),
  original: Schema.optional(Original)
})

export const FlakeLock = Schema.Struct({
  nodes: Schema.Record({ key: Schema.String, value: Node }),
  root: Schema.String,
  version: Schema.Number
})
export type FlakeLock = typeof FlakeLock.Type

const decode = Schema.decodeUnknownEither(Schema.parseJson(FlakeLock))

/** The lock file's text, decoded; the error says what is wrong with it. */
export const parseFlakeLock = (text: string): Either.Either<FlakeLock, string> =>
  Either.mapLeft(decode(text), () => "not a flake.lock Nix wrote (expected nodes, root and version)")

/** `nix flake metadata --json` prints the new lock under `locks`. */
const Metadata = Schema.Struct({ locks: FlakeLock })
const decodeMetadata = Schema.decodeUnknownEither(Schema.parseJson(Metadata))

export const locksOfMetadata = (json: string): Either.Either<FlakeLock, string> =>
  Either.mapLeft(Either.map(decodeMetadata(json), (m) => m.locks), () => "nix flake metadata --json printed no lock (no `locks`)")

export interface LockedInput {
  /** The input's path: `nixpkgs`, or `home-manager/nixpkgs` for an input of an input. */
  readonly path: string
  /** Where it comes from, as written in flake.nix: `github:NixOS/nixpkgs/nixos-24.05`. */
  readonly source: string
  readonly rev: string | undefined
  readonly narHash: string | undefined
  readonly lastModified: number | undefined
}

const sourceOf = (o: typeof Original.Type | undefined): string => {
  if (o === undefined) return "?"
  switch (o.type) {
    case "github": case "gitlab": case "sourcehut":
      return `${o.type}:${o.owner ?? "?"}/${o.repo ?? "?"}${o.ref !== undefined ? `/${o.ref}` : ""}`
    case "indirect": return `${o.id ?? "?"}${o.ref !== undefined ? `/${o.ref}` : ""}`
    case "git": return `git+${o.url ?? "?"}`
    case "path": return `path:${o.path ?? "?"}`
    default: return o.url ?? o.path ?? o.type ?? "?"
  }
}

/** Deep enough for every real flake (an input's input's input); guards against cycles. */
const maxDepth = 4

/** Every input reachable from the root, by path, in the lock's order. */
export const lockedInputs = (lock: FlakeLock): ReadonlyArray<LockedInput> => {
  const out: Array<LockedInput> = []
  const walk = (nodeKey: string, prefix: string, depth: number): void => {
    const node = lock.nodes[nodeKey]
    if (node?.inputs === undefined || depth >= maxDepth) return
    for (const [name, target] of Object.entries(node.inputs)) {
      if (typeof target !== "string") continue // follows another input
      const path = prefix === "" ? name : `${prefix}/${name}`
      const n = lock.nodes[target]
      out.push({
        path,
        source: sourceOf(n?.original),
        rev: n?.locked?.rev,
        narHash: n?.locked?.narHash,
        lastModified: n?.locked?.lastModified
      })
      walk(target, path, depth + 1)
    }
  }
  walk(lock.root, "", 0)
  return out
}

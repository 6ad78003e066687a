/**
 * Where a flake input locked in flake.lock is on this machine, without fetching anything: a `path:`
 * input is its folder; any other input (github, git, tarball…) is the store path Nix unpacked it to,
 * which follows from its narHash alone (a fixed-output "source" path), so it can be checked for
 * locally. A configuration found through a flake is evaluated with these folders as <nixpkgs> and
 * <home-manager> (`-I name=path`), as the flake itself would see them.
 */
import { createHash } from "node:crypto"
import type { FlakeLock } from "./FlakeLock.js"

const base32Chars = "0123456789abcdfghijklmnpqrsvwxyz"

/** Nix's own base-32 (least significant bits first, its alphabet without e, o, u, t). */
export const nixBase32 = (bytes: Uint8Array): string => {
  const len = Math.ceil((bytes.length * 8) / 5)
  let out = ""
  for (let n = len - 1; n >= 0; n--) {
    const b = n * 5
    const i = Math.floor(b / 8)
    const j = b % 8
    const c = (bytes[i]! >> j) | (i >= bytes.length - 1 ? 0 : bytes[i + 1]! << (8 - j))
    out += base32Chars[c & 0x1f]
  }
  return out
}

/**
 * The store path of a source tree with this NAR hash (`sha256-…` as in flake.lock), named `source` as
 * Nix names every fetched input: Nix's makeFixedOutputPath for a recursive sha256 hash.
 */
export const sourceStorePath = (narHash: string, storeDir = "/nix/store", name = "source"): string | undefined => {
  const m = /^sha256-([A-Za-z0-9+/]+=*)$/.exec(narHash)
  if (m === null) return undefined
  const digest = Buffer.from(m[1]!, "base64")
  if (digest.length !== 32) return undefined
  const inner = createHash("sha256").update(`source:sha256:${digest.toString("hex")}:${storeDir}:${name}`).digest()
  const compressed = new Uint8Array(20)
  inner.forEach((byte, i) => {
    compressed[i % 20]! ^= byte
  })
  return `${storeDir}/${nixBase32(compressed)}-${name}`
}

export type InputLocation =
  | { readonly _tag: "found"; readonly name: string; readonly path: string; readonly source: string }
  | { readonly _tag: "missing"; readonly name: string; readonly reason: string }

/** The lock node an input path names, from the root (`follows` is itself such a path). */
const nodeAt = (lock: FlakeLock, path: ReadonlyArray<string>, depth = 0): string | undefined => {
  let key: string | undefined = lock.root
  for (const step of path) {
    const next: string | ReadonlyArray<string> | undefined = key === undefined ? undefined : lock.nodes[key]?.inputs?.[step]
    key = next === undefined || typeof next === "string" ? next : depth < 8 ? nodeAt(lock, next, depth + 1) : undefined
  }
  return key
}

/**
 * Where the root's input `name` is: a `path` input's folder (relative ones from `flakeDir`), else the
 * store path its narHash gives. `missing` says why when the lock cannot tell.
 */
export const inputLocation = (lock: FlakeLock, name: string, flakeDir: string): InputLocation => {
  const key = nodeAt(lock, [name])
  const node = key === undefined ? undefined : lock.nodes[key]
  if (node === undefined) return { _tag: "missing", name, reason: `flake.lock has no input called ${name}` }
  const locked = node.locked
  const original = node.original
  const source = original?.type === "github" || original?.type === "gitlab"
    ? `${original.type}:${original.owner ?? "?"}/${original.repo ?? "?"}${original.ref !== undefined ? `/${original.ref}` : ""}`
    : original?.url ?? (original?.path !== undefined ? `path:${original.path}` : original?.id ?? name)
  if (locked?.type === "path" && locked.path !== undefined) {
    const path = locked.path.startsWith("/") ? locked.path : `${flakeDir.replace(/\/$/, "")}/${locked.path.replace(/^\.\//, "")}`
    return { _tag: "found", name, path, source }
  }
  const store = locked?.narHash === undefined ? undefined : sourceStorePath(locked.narHash)
  return store === undefined
    ? { _tag: "missing", name, reason: `flake.lock records no NAR hash for ${name}` }
    : { _tag: "found", name, path: store, source: `${source}${locked?.rev !== undefined ? ` (${locked.rev.slice(0, 12)})` : ""}` }
}

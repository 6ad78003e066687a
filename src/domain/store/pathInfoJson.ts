/**
 * `nix path-info --json` -> path infos. Nix 2.8 prints an array of objects with a "path" field; Nix
 * 2.19+ prints one object keyed by path (deriver null when there is none). Invalid paths are left out.
 */
import type { PathInfo } from "../daemon/Protocol.js"

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const info = (path: string, o: Record<string, unknown>): PathInfo | undefined => {
  if (o["valid"] === false || typeof o["narSize"] !== "number") return undefined
  const refs = Array.isArray(o["references"]) ? o["references"].filter((r): r is string => typeof r === "string") : []
  return {
    path,
    deriver: typeof o["deriver"] === "string" && o["deriver"] !== "" ? o["deriver"] : undefined,
    narHash: typeof o["narHash"] === "string" ? o["narHash"] : "",
    references: refs,
    registrationTime: typeof o["registrationTime"] === "number" ? o["registrationTime"] : 0,
    narSize: o["narSize"]
  }
}

/** Undefined when the text is not path-info JSON of either shape. */
export const parsePathInfoJson = (text: string): Map<string, PathInfo> | undefined => {
  let json: unknown
  try { json = JSON.parse(text) } catch { return undefined }
  const out = new Map<string, PathInfo>()
  if (Array.isArray(json)) {
    for (const o of json) {
      if (!isRecord(o) || typeof o["path"] !== "string") return undefined
      const i = info(o["path"], o)
      if (i) out.set(i.path, i)
    }
    return out
  }
  if (!isRecord(json)) return undefined
  for (const [path, o] of Object.entries(json)) {
    if (o === null) continue // 2.19+: an invalid path
    if (!isRecord(o)) return undefined
    const i = info(path, o)
    if (i) out.set(path, i)
  }
  return out
}

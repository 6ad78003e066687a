/**
 * Which hosts Nix must reach to use a flake reference (pure). An indirect reference ("nixpkgs")
 * resolves through the global flake registry (github.com for Nix 2.8, channels.nixos.org for newer
 * Nix) to github:NixOS/nixpkgs; a local one (path:, /abs, ./rel, git+file:, file:) needs none.
 */
export interface Endpoint {
  readonly host: string
  readonly port: number
}

const https = (host: string): Endpoint => ({ host, port: 443 })

const fromUrl = (url: string): ReadonlyArray<Endpoint> => {
  try {
    const u = new URL(url)
    if (u.hostname === "") return []
    const port = u.port !== "" ? Number(u.port) : u.protocol === "http:" ? 80 : u.protocol === "ssh:" ? 22 : 443
    return [{ host: u.hostname, port }]
  } catch {
    return []
  }
}

/** Empty: the reference is local (or of a kind this does not know: Nix is left to tell). */
export const hostsOf = (ref: string): ReadonlyArray<Endpoint> => {
  const r = ref.trim()
  if (r === "" || r.startsWith("/") || r.startsWith(".") || r.startsWith("~")) return []
  if (/^(path|git\+file|file|tarball\+file|hg\+file):/.test(r)) return []
  if (r.startsWith("github:")) return [https("github.com")]
  if (r.startsWith("gitlab:")) return [https("gitlab.com")]
  if (r.startsWith("sourcehut:")) return [https("git.sr.ht")]
  const url = /^(?:git\+|tarball\+|file\+|hg\+)?((?:https?|ssh):\/\/.*)$/.exec(r)
  if (url) return fromUrl(url[1]!)
  // "nixpkgs", "flake:nixpkgs", "nixpkgs/nixos-24.05": the registry, then nixpkgs on GitHub.
  if (/^(flake:)?[A-Za-z][\w-]*(\/[\w.-]+)*$/.test(r)) return [https("github.com"), https("channels.nixos.org")]
  return []
}

/** The proxy Nix's downloads would go through ($https_proxy, $all_proxy), if any: then that is what must answer. */
export const proxyFrom = (env: Readonly<Record<string, string | undefined>>): Endpoint | undefined => {
  const value = env["https_proxy"] ?? env["HTTPS_PROXY"] ?? env["all_proxy"] ?? env["ALL_PROXY"]
  if (value === undefined || value === "") return undefined
  const parsed = fromUrl(value.includes("://") ? value : `http://${value}`)
  return parsed[0]
}

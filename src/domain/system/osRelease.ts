/** Parsing /etc/os-release (freedesktop.org format: KEY=value, values optionally quoted). */

export type OsRelease = Readonly<Record<string, string>>

const unquote = (value: string): string => {
  const v = value.trim()
  if (v.length >= 2 && (v[0] === "\"" || v[0] === "'") && v[v.length - 1] === v[0]) {
    return v.slice(1, -1).replace(/\\(["'$`\\])/g, "$1")
  }
  return v
}

export const parseOsRelease = (text: string): OsRelease => {
  const out: Record<string, string> = {}
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line)
    if (m) out[m[1]!] = unquote(m[2]!)
  }
  return out
}

/** ID=nixos, or ID_LIKE naming nixos. */
export const isNixOSRelease = (r: OsRelease): boolean =>
  r["ID"] === "nixos" || (r["ID_LIKE"] ?? "").split(/\s+/).includes("nixos")

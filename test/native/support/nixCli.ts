/** Run a real Nix command of one installation in tests (argv, no shell), and parse its answers. */
import { execFileSync } from "node:child_process"
import { join } from "node:path"
import type { NixInstall } from "../../support/nixInstalls.js"

export const run = (nix: NixInstall, argv: ReadonlyArray<string>): string =>
  execFileSync(join(nix.binDir, argv[0]!), argv.slice(1), {
    encoding: "utf8",
    env: { ...process.env, ...nix.env, PATH: `${nix.binDir}:${process.env["PATH"] ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
    // `nix-store --gc --print-dead` on a shared test store that other test runs fill lists 15,000+
    // paths: more than execFileSync's default 1 MiB buffer (ENOBUFS).
    maxBuffer: 256 * 1024 * 1024
  })

export const isModern = (nix: NixInstall) => {
  const [a = 0, b = 0] = nix.version.split(".").map(Number)
  return a > 2 || (a === 2 && b >= 20)
}

/** `nix-env --list-generations`: number, local date text, current. */
export const parseListGenerations = (out: string) =>
  out.split("\n").flatMap((l) => {
    const m = /^\s*(\d+)\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s*(\(current\))?\s*$/.exec(l)
    return m ? [{ number: Number(m[1]), date: m[2]!, current: m[3] !== undefined }] : []
  })

/** The local-time text Nix prints for a generation date. */
export const localDate = (iso: string) => {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "")

/** `nix profile history`: "GEN name: from -> to" change lines (∅ for absent). */
export const parseHistory = (out: string): Array<string> => {
  const lines: Array<string> = []
  let gen = 0
  for (const raw of stripAnsi(out).split("\n")) {
    const v = /^Version (\d+)/.exec(raw)
    if (v) { gen = Number(v[1]); continue }
    const c = /^\s+(.+?): (.+) -> (.+)$/.exec(raw)
    // Nix labels flake elements "URL#ATTRPATH"; ask-nix names them by the attribute's last component.
    if (c) lines.push(`${gen} ${c[1]!.includes("#") ? c[1]!.split(".").pop() : c[1]}: ${c[2]} -> ${c[3]}`)
  }
  return lines.sort()
}

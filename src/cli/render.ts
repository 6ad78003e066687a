/** Pure rendering of answers and plans: human lines and JSON fields. */
import type { Answer, ExecutionResult, Plan } from "../domain/Plan.js"
import type { Scope } from "../domain/Intent.js"
import { showArgv } from "../domain/backends/instructions/commands.js"

const flags = (p: { broken?: boolean | undefined; insecure?: boolean | undefined; unfree?: boolean | undefined }) =>
  [p.broken ? "broken" : "", p.insecure ? "insecure" : "", p.unfree ? "unfree" : ""].filter((x) => x !== "")

const mark = (p: Parameters<typeof flags>[0]) => {
  const f = flags(p)
  return f.length > 0 ? ` [${f.join(", ")}]` : ""
}

export const formatBytes = (n: number): string => {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"]
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++ }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length))

export const answerLines = (a: Answer): ReadonlyArray<string> => {
  switch (a._tag) {
    case "search": {
      const note = a.note !== undefined ? [a.note] : []
      if (a.results.length === 0) return [`No packages match "${a.query}".`, ...note]
      const w = Math.min(36, Math.max(...a.results.map((r) => r.attrPath.length)))
      return [
        ...a.results.map((r) =>
          `${pad(r.attrPath, w)}  ${pad(r.version || "-", 10)}  ${r.description ?? ""}${mark(r)}`.trimEnd()),
        ...(a.total !== undefined && a.total > a.results.length ? [`(${a.total - a.results.length} more; use --json or a more specific query)`] : []),
        ...note
      ]
    }
    case "list":
      if (a.packages.length === 0) return [`Nothing is installed in ${a.profile}.`]
      return a.packages.map((p) => `${pad(p.name, 28)} ${p.version || "-"}${p.attrPath && p.attrPath !== p.name ? `  (${p.attrPath})` : ""}`)
    case "generations":
      if (a.generations.length === 0) return [`The profile ${a.profile} has no generations yet.`]
      return [
        ...a.generations.map((g) =>
          `${String(g.number).padStart(5)}   ${g.date.replace("T", " ").replace(/\.\d+Z$|Z$/, "")}${g.label ? `   ${g.label}` : ""}${g.current ? "   (current)" : ""}`),
        ...(a.diffs ?? []).flatMap((d) => {
          const parts = [
            ...d.added.map((x) => `+${x.name} ${x.version}`),
            ...d.removed.map((x) => `-${x.name} ${x.version}`),
            ...d.changed.map((x) => `${x.name} ${x.from} -> ${x.to}`)
          ]
          return parts.length > 0 ? [`  ${d.from} -> ${d.to}: ${parts.join(", ")}`] : []
        })
      ]
    case "info":
      return a.packages.flatMap((p, i) => [
        ...(i > 0 ? [""] : []),
        `${p.attrPath} ${p.version}${mark(p)}`,
        ...(p.description ? [`  ${p.description}`] : []),
        ...(p.homepage ? [`  homepage: ${p.homepage}`] : []),
        ...(p.license.length > 0 ? [`  license:  ${p.license.join(", ")}`] : []),
        ...(p.installed !== undefined ? [`  installed: ${p.installed ? "yes" : "no"}`] : []),
        ...(p.narSize !== undefined ? [`  size:     ${formatBytes(p.narSize)}${p.closureSize !== undefined ? ` (closure ${formatBytes(p.closureSize)})` : ""}`] : [])
      ])
    case "provides":
      return [
        ...(a.candidates.length === 0 ? [`I don't know a package that provides "${a.query}".`] : a.candidates.map((c) =>
          `${pad(c.attrPath, 28)} ${c.certain ? "" : "(probably) "}${c.reason}`)),
        ...(a.note ? [a.note] : [])
      ]
    case "explain": return [a.text]
    case "help": return [a.text]
    case "custom": return a.lines
  }
}

export const answerJson = (a: Answer): Record<string, unknown> => {
  const { _tag, ...rest } = a
  return _tag === "custom" ? { kind: a.kind, ...a.data } : rest
}

export const planJson = (plan: Plan) =>
  plan.steps.map((s) => ({ backend: plan.backend, argv: s.argv, mutating: s.mutating, description: s.description ?? null }))

export const planLines = (plan: Plan, dryRun: boolean): ReadonlyArray<string> => [
  plan.manual
    ? "ask-nix cannot do this itself here. To do it yourself, run:"
    : dryRun ? "Plan (dry run, nothing changed):" : "Plan:",
  ...plan.steps.map((s) => `  ${showArgv(s.argv)}`),
  ...plan.notes
]

const scopeFlag: Readonly<Record<Scope, string>> = { user: "", system: "--system ", home: "--home " }

export const resultLines = (r: ExecutionResult, scope: Scope = "user"): ReadonlyArray<string> => [
  ...r.summary,
  ...(r.generationBefore !== undefined && r.generationAfter !== undefined && r.generationBefore !== r.generationAfter
    ? [`Generation ${r.generationBefore} -> ${r.generationAfter}. To undo: ask-nix ${scopeFlag[scope]}rollback`] : [])
]

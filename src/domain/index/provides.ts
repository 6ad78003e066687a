/**
 * Which package has a command. Certain from meta.mainProgram and a programs database (the channel's
 * programs.sqlite, read at index build time); otherwise the commands the index knows packages probably have
 * (commands.ts), a package named like the command, and packages whose description names it (likely, not
 * certain: the index has no file lists).
 */
import type { SearchHit } from "./IndexAnswers.js"
import { Flag, KeyKind, POSTING_SHIFT } from "./format.js"
import type { IndexReader } from "./IndexReader.js"

export type ProvidesHit = SearchHit & { readonly reason: string; readonly certain: boolean }

const MASK = (1 << POSTING_SHIFT) - 1

export const providesIn = (r: IndexReader, command: string): Array<ProvidesHit> => {
  const cmd = command.trim().replace(/^.*\//, "")
  if (cmd === "" || cmd.length > 100 || /\s/.test(cmd)) return []
  const out = new Map<number, { score: number; reason: string; certain: boolean }>()
  const give = (id: number, score: number, reason: string, certain: boolean) => {
    if (r.flags[id]! & Flag.duplicate && !certain) return
    const s = score + r.prior[id]! + r.popularity[id]!
    const had = out.get(id)
    if (had === undefined || had.score < s) out.set(id, { score: s, reason, certain })
  }
  const keyIdx = r.keys.find(cmd.toLowerCase())
  if (keyIdx >= 0) {
    for (const p of r.keys.postings(keyIdx)) {
      const id = p >>> POSTING_SHIFT
      const kind = p & MASK
      if (kind & KeyKind.mainProgram) {
        give(id, 1000, r.str("mainProgram", id).toLowerCase() === cmd.toLowerCase()
          ? `its meta.mainProgram is ${cmd}` : `the programs database of its channel lists ${cmd} in it`, true)
      } else if (kind & KeyKind.command) {
        give(id, 800, `${cmd} is a known command of it (a table of well-known commands, nixpkgs referring to its bin/${cmd}, or Debian's package of it), but this index has no file lists`, false)
      } else if (kind & (KeyKind.pname | KeyKind.last)) {
        give(id, 700, `it is named ${cmd}; packages usually install a command of their name, but this index has no file lists`, false)
      }
    }
  }
  if (out.size === 0) {
    // Last resort: a description that names the command as a word.
    for (const hit of r.search(cmd, 5, true).hits) {
      const id = r.findAttrPath(hit.attrPath)
      if (id !== undefined) give(id, 100, `its name or description mentions ${cmd}`, false)
    }
  }
  return [...out]
    .sort((a, b) => Number(b[1].certain) - Number(a[1].certain) || b[1].score - a[1].score)
    .slice(0, 10)
    .map(([id, v]) => ({ ...r.summary(id), score: v.score, reason: v.reason, certain: v.certain }))
}

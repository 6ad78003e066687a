/**
 * An explanation of a topic ask-nix has no built-in text for ("grub theme", "systemd templates"): the NixOS
 * and home-manager options whose names and descriptions match its words, when the options files are there
 * (`ask-nix index build`), added to where to read more. Without them, the answer is what it was.
 */
import { Effect } from "effect"
import type { Answer } from "../domain/Plan.js"
import type { OptionScope } from "../domain/options/OptionRecord.js"
import { firstSentence } from "../domain/options/showOption.js"
import { NixOptions, type OptionMatch } from "../services/NixOptions.js"

const SHOWN = 5
const scopes: ReadonlyArray<readonly [OptionScope, string]> = [["nixos", "NixOS"], ["home", "home-manager"]]


/** How many of the topic's words an option's name holds ("grub theme": boot.loader.grub.theme holds two). */
const wordsInName = (name: string, words: ReadonlyArray<string>): number => {
  const n = name.toLowerCase()
  return words.filter((w) => n.includes(w)).length
}

/**
 * The answer with matching options added, when the topic had no built-in explanation: per scope, the
 * options whose names hold most of the topic's words; a scope whose best holds fewer than the other's is
 * left out ("grub theme": boot.loader.grub.theme, not home-manager's gtk.theme).
 */
export const withMatchingOptions = (answer: Answer, builtInTopic: boolean) =>
  Effect.gen(function*() {
    if (answer._tag !== "explain" || builtInTopic) return answer
    const options = yield* NixOptions
    const words = answer.topic.toLowerCase().split(/[\s.]+/).filter((w) => w.length > 2)
    const notes: Array<string> = []
    const perScope: Array<{ readonly label: string; readonly best: number; readonly shown: ReadonlyArray<OptionMatch> }> = []
    for (const [scope, label] of scopes) {
      // (no options file yet: the answer goes without this part; one that cannot be read: said so)
      const found = yield* options.search(scope, answer.topic, 30).pipe(Effect.catchTags({
        OptionsMissing: () => Effect.succeed([]),
        OptionsCorrupt: (e) => Effect.sync(() => { notes.push(`(${label} options not searched: ${e.path}: ${e.detail}; rebuild them with ask-nix index build)`); return [] })
      }))
      const ranked = found.map((m, i) => ({ m, i, n: wordsInName(m.record.name, words) })).filter((x) => x.n > 0)
        .sort((a, b) => b.n - a.n || a.i - b.i)
      if (ranked.length > 0) perScope.push({ label, best: ranked[0]!.n, shown: ranked.slice(0, SHOWN).map((x) => x.m) })
    }
    const best = Math.max(0, ...perScope.map((p) => p.best))
    const lines = [...notes]
    for (const { label, shown } of perScope.filter((p) => p.best === best)) {
      lines.push(`${label} options about "${answer.topic}":`)
      for (const m of shown) lines.push(`  ${m.record.name}: ${firstSentence(m.record.description, 100)}`)
      lines.push(`  (ask-nix option ${shown[0]!.record.name} shows one in full)`)
    }
    return lines.length === 0 ? answer : { ...answer, text: `${answer.text}\n${lines.join("\n")}` }
  })

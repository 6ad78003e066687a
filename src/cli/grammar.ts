/**
 * The command line's shape, read from the @effect/cli command tree itself: which options there are,
 * which take a value (and which values), the commands and their own options, their descriptions.
 * Checking the words (frontDoor.ts), help pages (helpPage.ts) and shell completions (completions.ts)
 * all read this, so an option or command added to the tree gets all three without another list.
 */
import * as CliConfig from "@effect/cli/CliConfig"
import * as Descriptor from "@effect/cli/CommandDescriptor"
import type * as HelpDoc from "@effect/cli/HelpDoc"
import type * as Span from "@effect/cli/HelpDoc/Span"
import type * as Usage from "@effect/cli/Usage"
import { Option } from "effect"

export type OptionValue =
  | { readonly _tag: "flag" }
  | { readonly _tag: "integer" }
  | { readonly _tag: "choice"; readonly choices: ReadonlyArray<string> }
  /** Free text; `placeholder` is what help shows (PATH, REF, TEXT). */
  | { readonly _tag: "text"; readonly placeholder: string }

export interface OptionSpec {
  /** Every name, dashes included (`-y`, `--yes`); the last is the long one. */
  readonly names: ReadonlyArray<string>
  readonly value: OptionValue
  readonly description: string
}

export interface CommandSpec {
  readonly name: string
  /** Its description as written in the tree, without the examples. */
  readonly description: string
  /** Its example command lines (the "Examples:" part of the description, examples.ts). */
  readonly examples: ReadonlyArray<string>
  /** Its positional words, as help shows them (`<package>...`), "" for none. */
  readonly args: string
  readonly options: ReadonlyArray<OptionSpec>
  readonly subcommands: ReadonlyArray<CommandSpec>
}

export interface Grammar {
  /** The root command's description and examples. */
  readonly description: string
  readonly examples: ReadonlyArray<string>
  /** The options of the root command: they go anywhere before `--` (route.ts hoists them). */
  readonly globals: ReadonlyArray<OptionSpec>
  readonly commands: ReadonlyArray<CommandSpec>
  /** Commands hidden from help and completion (the sentence route `ask`). */
  readonly hidden: ReadonlySet<string>
}

const helpConfig = CliConfig.make({ showBuiltIns: false })

export const spanText = (s: Span.Span): string => {
  switch (s._tag) {
    case "Text": case "URI": return s.value
    case "Highlight": case "Strong": case "Weak": return spanText(s.value)
    case "Sequence": return spanText(s.left) + spanText(s.right)
  }
}

/** The blocks of a HelpDoc in reading order, each with the section header it is under. */
const blocks = (doc: HelpDoc.HelpDoc, section = { current: "" }, out: Array<{ section: string; doc: HelpDoc.HelpDoc }> = []) => {
  switch (doc._tag) {
    case "Empty": break
    case "Header": section.current = spanText(doc.value); break
    case "Sequence": blocks(doc.left, section, out); blocks(doc.right, section, out); break
    case "Enumeration": for (const d of doc.elements) blocks(d, section, out); break
    default: out.push({ section: section.current, doc })
  }
  return out
}

const paragraphs = (doc: HelpDoc.HelpDoc): ReadonlyArray<string> =>
  blocks(doc).flatMap(({ doc: d }) => d._tag === "Paragraph" ? [spanText(d.value)] : [])

/** The text a description paragraph of an option adds (not the library's "An integer." / "This setting is optional."). */
const optionDescription = (doc: HelpDoc.HelpDoc): string => {
  const [, ...rest] = paragraphs(doc)
  return rest.flatMap((p) => {
    const dflt = /^This setting is optional\. Defaults to: (.*)$/.exec(p)
    if (dflt !== null) return [`(default: ${dflt[1]})`]
    return /^This (setting|option|argument) /.test(p) ? [] : [p]
  }).join(" ")
}

/** What an option takes; free text is shown by the option's name (`--profile PROFILE`), as clap and others do. */
const valueOf = (accepted: Option.Option<string>, names: ReadonlyArray<string>): OptionValue => {
  if (Option.isNone(accepted)) return { _tag: "flag" }
  const v = accepted.value
  if (v === "integer") return { _tag: "integer" }
  if (v.includes(" | ")) return { _tag: "choice", choices: v.split(" | ") }
  const long = names[names.length - 1] ?? "value"
  return { _tag: "text", placeholder: v === "text" ? long.replace(/^-+/, "").toUpperCase() : v }
}

/** Named parts of a usage, in order. */
const named = (u: Usage.Usage, out: Array<Usage.Named> = [], optional = false): Array<Usage.Named> => {
  switch (u._tag) {
    case "Named": out.push(u); break
    case "Optional": case "Repeated": named(u.usage, out, optional || u._tag === "Optional"); break
    case "Concat": case "Alternation": named(u.left, out, optional); named(u.right, out, optional); break
    default: break
  }
  return out
}

/** A usage as help shows it: `[--to integer] <package>...`. */
const usageText = (u: Usage.Usage): string => {
  switch (u._tag) {
    case "Empty": case "Mixed": return ""
    case "Named": return [u.names.join(", "), Option.getOrElse(u.acceptedValues, () => "")].filter((x) => x !== "").join(" ")
    case "Optional": return `[${usageText(u.usage)}]`
    case "Repeated": return `${usageText(u.usage)}...`
    case "Alternation": return `${usageText(u.left)} | ${usageText(u.right)}`
    case "Concat": return [usageText(u.left), usageText(u.right)].filter((x) => x !== "").join(" ")
  }
}

/** The positional part of a command's usage (its own name and its options left out). */
const argsUsage = (u: Usage.Usage): string => {
  switch (u._tag) {
    case "Named": return u.names.every((n) => n.startsWith("<")) ? usageText(u) : ""
    case "Optional": { const inner = argsUsage(u.usage); return inner === "" ? "" : `[${inner}]` }
    case "Repeated": { const inner = argsUsage(u.usage); return inner === "" ? "" : `${inner}...` }
    case "Concat": case "Alternation": return [argsUsage(u.left), argsUsage(u.right)].filter((x) => x !== "").join(" ")
    default: return ""
  }
}

/** The options a descriptor declares itself (its subcommands' not included), with their help text. */
export const optionsOf = (descriptor: Descriptor.Command<unknown>): ReadonlyArray<OptionSpec> => {
  const docs = blocks(Descriptor.getHelp(descriptor, helpConfig))
    .filter((b) => b.section === "OPTIONS" && b.doc._tag === "DescriptionList")
    .flatMap((b) => b.doc._tag === "DescriptionList" ? b.doc.definitions : [])
  return named(Descriptor.getUsage(descriptor))
    .filter((n) => n.names.some((x) => x.startsWith("-")))
    .map((n) => {
      const doc = docs.find(([span]) => n.names.every((x) => spanText(span).includes(x)))
      // The long name last: help prints `-y, --yes`, completion and messages use the long one.
      const names = [...n.names].sort((a, b) => a.length - b.length)
      return { names, value: valueOf(n.acceptedValues, names), description: doc === undefined ? "" : optionDescription(doc[1]) }
    })
}

/** A description as written in the tree, split into its text and its "Examples:" lines (examples.ts). */
const descriptionOf = (descriptor: Descriptor.Command<unknown>) => {
  const text = blocks(Descriptor.getHelp(descriptor, helpConfig))
    .filter((b) => b.section === "DESCRIPTION").flatMap((b) => paragraphs(b.doc)).join("\n\n")
  const [description = "", examples = ""] = text.split(/\n*Examples:\n/)
  return { description: description.trim(), examples: examples.split("\n").map((l) => l.trim()).filter((l) => l !== "") }
}

const describe = (name: string, descriptor: Descriptor.Command<unknown>): CommandSpec => {
  // (in the order the help lists them: getSubcommands gives a HashMap)
  const listed = blocks(Descriptor.getHelp(descriptor, helpConfig)).filter((b) => b.section === "COMMANDS").flatMap((b) => paragraphs(b.doc)).join("\n")
  const at = (n: string) => listed.search(new RegExp(`^${n}\\b`, "m"))
  const children = [...Descriptor.getSubcommands(descriptor)].filter(([n]) => n !== name).sort(([a], [b]) => at(a) - at(b))
  const usage = Descriptor.getUsage(descriptor)
  return {
    name,
    ...descriptionOf(descriptor),
    args: argsUsage(usage._tag === "Concat" ? usage.right : usage),
    options: optionsOf(descriptor),
    subcommands: children.map(([n, d]) => describe(n, d))
  }
}

/** The grammar of a command tree: the root's options and its (sub)commands. */
export const grammarOf = (
  root: Descriptor.Command<unknown>,
  commands: ReadonlyArray<{ readonly name: string; readonly descriptor: Descriptor.Command<unknown> }>,
  hidden: ReadonlyArray<string> = []
): Grammar => ({
  ...descriptionOf(root),
  globals: optionsOf(root),
  commands: commands.map((c) => describe(c.name, c.descriptor)),
  hidden: new Set(hidden)
})

/** The option a word names (`--to`, `-y`), among `options`. */
export const findOption = (options: ReadonlyArray<OptionSpec>, word: string): OptionSpec | undefined =>
  options.find((o) => o.names.includes(word))

export const longName = (o: OptionSpec): string => o.names[o.names.length - 1]!

/** `--to N`, `--backend native|profile|...`, `-y, --yes`: an option as help and messages show it. */
export const optionUsage = (o: OptionSpec): string => {
  const v = o.value
  const value = v._tag === "flag" ? "" : v._tag === "integer" ? " N" : v._tag === "choice" ? ` ${v.choices.join("|")}` : ` ${v.placeholder}`
  return `${o.names.join(", ")}${value}`
}

/** The command at a path of names (`["index", "build"]`), if there is one. */
export const commandAt = (g: Grammar, path: ReadonlyArray<string>): CommandSpec | undefined => {
  let list = g.commands
  let found: CommandSpec | undefined
  for (const name of path) {
    found = list.find((c) => c.name === name)
    if (found === undefined) return undefined
    list = found.subcommands
  }
  return found
}

export { usageText }

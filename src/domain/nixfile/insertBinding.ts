/**
 * Where and how a careful person adds a new definition to an attribute set:
 * - a commented-out line of the same definition (`# services.openssh.enable = true;`, as NixOS's
 *   generated configuration.nix has them) becomes the definition;
 * - else next to its siblings (`hardware.pulseaudio.enable` for `hardware.bluetooth.enable`), in
 *   alphabetical order when the siblings are in it;
 * - else at the end, but before a closing `system.stateVersion` / `home.stateVersion` paragraph;
 * - the line's indentation, the file's indent step and line breaks; dotted (`a.b.c = v;`) or
 *   nested (`a = { b = { c = v; }; };`) as the file writes its settings.
 */
import { attrPathNames, bindingPathNode, bindingsOf, renderAttrPath } from "./attrs.js"
import {
  indentOfLine, indentUnit, lineEndOf, lineStartOf, newlineOf, restOfLineIsTrivia, sameLine, type Splice, startsLine
} from "./layout.js"
import { isToken, type Node, type Token } from "./syntax.js"

export interface NewBinding {
  /** The names to write, relative to the set. */
  readonly names: ReadonlyArray<string>
  /** The value's text for a binding starting at this indentation (multi-line values indent their lines). */
  readonly value: (indent: string, unit: string, nl: string) => string
}

export interface InsertOptions {
  /** Write `a = { b = { … }; };` instead of `a.b = …;`. */
  readonly nested: boolean
  /** Make an empty `{ }` span several lines (the module's own set). */
  readonly expandEmpty: boolean
}

const braces = (set: Node): { readonly open: Token; readonly close: Token } => {
  const open = set.children.find((c): c is Token => isToken(c) && c.kind === "{")!
  const close = set.children[set.children.length - 1] as Token
  return { open, close }
}

const bindingText = (b: NewBinding, indent: string, unit: string, nl: string, nested: boolean): string => {
  if (!nested || b.names.length === 1) return `${renderAttrPath(b.names)} = ${b.value(indent, unit, nl)};`
  const [head, ...rest] = b.names
  const inner = indent + unit
  return `${renderAttrPath([head!])} = {${nl}${inner}${bindingText({ names: rest, value: b.value }, inner, unit, nl, true)}${nl}${indent}};`
}

const key = (names: ReadonlyArray<string>): string => names.join(".").toLowerCase()

/** The offset at which the comment lines directly above `offset`'s line start (not above `floor`). */
const commentBlockStart = (text: string, offset: number, floor: number): number => {
  let start = lineStartOf(text, offset)
  for (;;) {
    if (start <= floor || start === 0) return start
    const prevStart = lineStartOf(text, start - 1)
    if (prevStart < floor) return start
    if (!/^[ \t]*#/.test(text.slice(prevStart, start))) return start
    start = prevStart
  }
}

const isBlankLineBefore = (text: string, lineStart: number): boolean => {
  if (lineStart === 0) return false
  const prevStart = lineStartOf(text, lineStart - 1)
  return text.slice(prevStart, lineStart).trim() === ""
}

/** Where a line ends, before a "\r" of a CRLF file. */
const endOfLine = (text: string, offset: number): number => {
  const end = lineEndOf(text, offset)
  return end > 0 && text[end - 1] === "\r" ? end - 1 : end
}

export const insertBinding = (text: string, set: Node, binding: NewBinding, options: InsertOptions): Splice => {
  const { open, close } = braces(set)
  const unit = indentUnit(text)
  const nl = newlineOf(text)
  const bindings = bindingsOf(set)
  const lined = bindings.find((b) => startsLine(text, b.start))
  const indent = lined !== undefined ? indentOfLine(text, lined.start) : indentOfLine(text, open.start) + unit
  const render = (ind: string) => bindingText(binding, ind, unit, nl, options.nested)

  // 1. a commented-out definition of the same setting, on a line of this set's own
  const commented = new RegExp(
    `^([ \\t]*)#[ \\t]*${escapeRe(renderAttrPath(binding.names))}[ \\t]*=[^;\\n]*;([ \\t]*#[^\\n\\r]*)?[ \\t]*\\r?$`,
    "gm"
  )
  for (const m of text.slice(open.end, close.start).matchAll(commented)) {
    const at = open.end + m.index
    if (bindings.some((b) => b.start <= at && at < b.end)) continue
    const ind = m[1]!
    return { start: at + ind.length, end: endOfLine(text, at), text: render(ind) + (m[2] ?? "") }
  }

  // 1b. after a commented-out definition written over several lines (`# x = [` … `# ];`)
  const block = commentedBlockEnd(text, open.end, close.start, renderAttrPath(binding.names))
  if (block !== undefined && !bindings.some((b) => b.start <= block.end && block.end < b.end)) {
    return { start: block.end, end: block.end, text: `${nl}${block.indent}${render(block.indent)}` }
  }

  const after = (b: Node, paragraph: boolean): Splice => {
    const lineEnd = endOfLine(text, b.end)
    if (startsLine(text, b.start) && restOfLineIsTrivia(text, b.end) && close.start > lineEnd) {
      const ind = indentOfLine(text, b.start)
      return { start: lineEnd, end: lineEnd, text: `${nl}${paragraph ? nl : ""}${ind}${render(ind)}` }
    }
    return { start: b.end, end: b.end, text: ` ${render(indent)}` }
  }
  const before = (b: Node, paragraph: boolean): Splice => {
    if (!startsLine(text, b.start)) return { start: b.start, end: b.start, text: `${render(indent)} ` }
    const ind = indentOfLine(text, b.start)
    const at = commentBlockStart(text, b.start, open.end)
    const gap = paragraph && isBlankLineBefore(text, at) ? nl : ""
    return { start: at, end: at, text: `${ind}${render(ind)}${nl}${gap}` }
  }

  // 2. next to the siblings sharing most of the path
  const named = bindings.flatMap((b) => {
    const names = b.kind === "Binding" ? attrPathNames(bindingPathNode(b)) : undefined
    return names === undefined ? [] : [{ b, names }]
  })
  let best = 0
  for (const { names } of named) best = Math.max(best, commonPrefixLength(names, binding.names))
  if (best > 0) {
    const group = named.filter(({ names }) => commonPrefixLength(names, binding.names) === best)
    const sorted = group.length >= 2 && group.every((g, i) => i === 0 || key(group[i - 1]!.names) <= key(g.names))
    if (sorted) {
      const next = group.find((g) => key(g.names) > key(binding.names))
      if (next !== undefined) return before(next.b, false)
    }
    return after(group[group.length - 1]!.b, false)
  }

  // 3. at the end, before a closing stateVersion paragraph
  const last = bindings[bindings.length - 1]
  if (last === undefined) {
    if (!sameLine(text, open.start, close.start)) {
      const closeIndent = indentOfLine(text, close.start)
      const ind = closeIndent + unit
      return startsLine(text, close.start)
        ? { start: lineStartOf(text, close.start), end: lineStartOf(text, close.start), text: `${ind}${render(ind)}${nl}` }
        : { start: open.end, end: open.end, text: `${nl}${ind}${render(ind)}` }
    }
    if (options.expandEmpty) {
      const base = indentOfLine(text, open.start)
      return { start: open.end, end: close.start, text: `${nl}${base}${unit}${render(base + unit)}${nl}${base}` }
    }
    return { start: open.end, end: close.start, text: ` ${render(indent)} ` }
  }
  if (isStateVersion(last) && bindings.length > 1) return before(last, true)
  return after(last, inParagraphs(text, bindings))
}

/** `system.stateVersion = …;` or `system = { stateVersion = …; };` (home.stateVersion alike). */
const isStateVersion = (b: Node): boolean => {
  const names = b.kind === "Binding" ? attrPathNames(bindingPathNode(b)) : undefined
  if (names === undefined) return false
  if (names[names.length - 1] === "stateVersion") return true
  const value = b.children[2]
  return names.length === 1 && value !== undefined && value.type === "node" && value.kind === "AttrSet" &&
    bindingsOf(value).some(isStateVersion)
}

/** Are most of the set's bindings separated by blank lines? Then a new one starts its own paragraph. */
const inParagraphs = (text: string, bindings: ReadonlyArray<Node>): boolean => {
  let gaps = 0
  let blank = 0
  for (let i = 1; i < bindings.length; i++) {
    gaps++
    if (/\n[ \t]*\r?\n/.test(text.slice(bindings[i - 1]!.end, bindings[i]!.start))) blank++
  }
  return gaps > 0 && blank * 2 >= gaps
}

/** `# a.b = [` … `# ];`: where the block's last line ends, and its indentation. */
const commentedBlockEnd = (
  text: string,
  from: number,
  to: number,
  path: string
): { readonly end: number; readonly indent: string } | undefined => {
  const startRe = new RegExp(`^([ \\t]*)#[ \\t]*${escapeRe(path)}[ \\t]*=[^\\n]*$`, "m")
  const body = text.slice(from, to)
  const m = startRe.exec(body)
  if (m === null || m[0].trimEnd().endsWith(";")) return undefined
  const indent = m[1]!
  let lineStart = from + m.index
  for (let i = 0; i < 60; i++) {
    const lineEnd = endOfLine(text, lineStart)
    if (lineEnd >= to) return undefined
    const line = text.slice(lineStart, lineEnd)
    if (!line.startsWith(`${indent}#`)) return undefined
    if (i > 0 && /^[\]}][ \t]*;/.test(line.slice(indent.length + 1).trim())) return { end: lineEnd, indent }
    lineStart = lineEndOf(text, lineStart) + 1
  }
  return undefined
}

const commonPrefixLength = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): number => {
  let k = 0
  while (k < a.length && k < b.length && a[k] === b[k]) k++
  return k
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

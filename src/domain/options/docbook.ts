/**
 * Option descriptions of 19.09 are DocBook fragments (`<literal>nodev</literal>`, `</para><para>`,
 * `<citerefentry>…systemd.time…7…</citerefentry>`); later NixOS writes Markdown. Both become plain text
 * for a terminal.
 */

const entities: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&apos;": "'", "&#60;": "<", "&#62;": ">" }

export const docbookToText = (s: string): string =>
  s
    .replace(/<citerefentry>\s*<refentrytitle>([^<]*)<\/refentrytitle>\s*<manvolnum>([^<]*)<\/manvolnum>\s*<\/citerefentry>/g, "$1($2)")
    .replace(/<link\s+xlink:href="([^"]*)"\s*\/>/g, "$1")
    .replace(/<link\s+xlink:href="([^"]*)"\s*>([^<]*)<\/link>/g, "$2 ($1)")
    .replace(/<xref\s+linkend="([^"]*)"\s*\/>/g, "the manual's section $1")
    .replace(/<\/para>\s*<para>/g, "\n\n")
    .replace(/<listitem>\s*<para>/g, "\n  - ")
    .replace(/<\/?[a-zA-Z:]+(\s[^>]*)?\/?>/g, "")
    .replace(/&[a-z#0-9]+;/g, (e) => entities[e] ?? e)
    .replace(/\{option\}`([^`]*)`|\{command\}`([^`]*)`|\{file\}`([^`]*)`|\{var\}`([^`]*)`|\{env\}`([^`]*)`/g, (_m, ...g: Array<string | undefined>) => g.find((x) => x !== undefined) ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()

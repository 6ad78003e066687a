/**
 * Characters that make a word read as something it is not: bytes that were not valid UTF-8 (decoded as
 * U+FFFD), invisible and bidirectional controls (U+202E turns "hello" around on screen), and letters
 * of two alphabets in one word (a Cyrillic "і" in "fіrefox"). Such words are refused, never cleaned
 * up into another name and acted on. Pure.
 */

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u

const scripts: ReadonlyArray<readonly [string, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u], ["Cyrillic", /\p{Script=Cyrillic}/u], ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u], ["Cherokee", /\p{Script=Cherokee}/u], ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u], ["Han", /\p{Script=Han}/u]
]

const scriptOf = (ch: string): string => scripts.find(([, re]) => re.test(ch))?.[0] ?? "another"

/** "U+202E" */
export const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`

/** The text with invisible characters made visible ("hello<U+202E>"), for messages. */
export const visible = (text: string): string =>
  text.replace(new RegExp(INVISIBLE.source, "gu"), (c) => `<${codePoint(c)}>`).replace(/\ufffd/g, "<invalid byte>")

const ASCII = /^[\x00-\x7f]*$/
const LETTER = /\p{L}/u

/** Why a word or text must not be read as a name, or undefined when it is fine. */
export const suspiciousText = (text: string): string | undefined => {
  if (text.includes("\ufffd")) {
    return "it contains bytes that are not valid UTF-8 (check the terminal's or the script's encoding)"
  }
  // (tab, newline and carriage return are not among the invisible characters: the text is scanned as it is)
  const hidden = INVISIBLE.exec(text)
  if (hidden) return `it contains an invisible control character (${codePoint(hidden[0])}) that can make text read differently from what it is`
  if (ASCII.test(text)) return undefined
  for (const word of text.split(/\s+/)) {
    // (a word in ASCII has Latin letters only: most words of a forum post with a typographic quote in it)
    if (ASCII.test(word)) continue
    const letters = [...word.normalize("NFKC")].filter((c) => LETTER.test(c))
    const found = new Map<string, string>()
    for (const c of letters) if (!found.has(scriptOf(c))) found.set(scriptOf(c), c)
    if (found.size > 1 && found.has("Latin")) {
      const [other, ch] = [...found].find(([s]) => s !== "Latin")!
      return `the word "${word}" mixes Latin and ${other} letters ("${ch}" is ${other}, ${codePoint(ch)}): it may look like a name it is not`
    }
  }
  return undefined
}

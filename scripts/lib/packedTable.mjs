// The source of a generated table packed into the program (grammar/dictionary.generated.ts,
// topicVocabulary.generated.ts, settingDescriptionWords.generated.ts): the text brotli-packed at the
// highest quality, in base64, returned by a function so that loading the parser does not build the
// string (src/domain/parse/packedText.ts unpacks it on the first look-up).
import { brotliCompressSync, constants } from "node:zlib"

/** The text packed, as base64. */
export const packText = (text) =>
  brotliCompressSync(Buffer.from(text, "utf8"), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 }
  }).toString("base64")

/** The generated file: its comment lines, then `export const name = (): string =>` and the packed text in lines of 120. */
export const packedTableSource = (comments, name, packed) => [
  ...comments,
  "// A function, so that loading the parser does not build the string: only the first look-up does.",
  `export const ${name} = (): string =>`,
  `${(packed.match(/.{1,120}/g) ?? []).map((c) => `  "${c}"`).join(" +\n")}`,
  ""
].join("\n")

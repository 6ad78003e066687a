/**
 * Package words reach Nix only as single argv entries, and only when they are plain attribute paths:
 * letters, digits, `_`, `-`, `+` and dots between parts, never starting with `-` (so never an option).
 */
import { Either } from "effect"
import { InvalidPackageName } from "../errors.js"

const part = "[A-Za-z_][A-Za-z0-9_+-]*"
const attrPath = new RegExp(`^${part}(\\.${part})*$`)

export const validateAttrPath = (word: string): Either.Either<string, InvalidPackageName> => {
  const fail = (reason: string) => Either.left(new InvalidPackageName({ name: word, reason }))
  if (word === "") return fail("it is empty")
  if (word.length > 200) return fail("it is longer than 200 characters")
  if (word.startsWith("-")) return fail("it starts with a dash, like an option")
  if (/[\s;|&$`"\\<>(){}*?#]/.test(word)) return fail("it contains spaces or shell characters")
  if (!attrPath.test(word)) return fail("it is not a Nix attribute path")
  return Either.right(word)
}

/** Validates every word; the first bad one fails. */
export const validateAttrPaths = (words: ReadonlyArray<string>): Either.Either<ReadonlyArray<string>, InvalidPackageName> =>
  Either.all(words.map(validateAttrPath))

/** A program name for `try` (`--command`): a plain file name, not an option. */
export const validateProgram = (word: string): Either.Either<string, InvalidPackageName> =>
  /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/.test(word) && word.length <= 100
    ? Either.right(word)
    : Either.left(new InvalidPackageName({ name: word, reason: "it is not a plain program name" }))
